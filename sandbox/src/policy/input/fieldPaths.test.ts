// Issues carry their field as keys and indices beside the path their message writes, so a form
// puts each message on its control without reading the text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldPathText, parseFieldPath } from './inputChecks';
import { parseGeneratorValues } from './parseValues';
import { TUTORIAL_VALUES } from './tutorialValues';
import type { FieldPath } from '../types';
import { validateGeneratorInput } from './validateInput';

const base = TUTORIAL_VALUES as unknown as Record<string, unknown>;

describe('field paths', () => {
  const cases: [text: string, fieldPath: FieldPath][] = [
    ['', []],
    ['issuer', ['issuer']],
    ['restrictSubjects[2]', ['restrictSubjects', 2]],
    ['fallbackRole.name', ['fallbackRole', 'name']],
    ['roles[1].matcher', ['roles', 1, 'matcher']],
    ['roles[0].permissions.actions[12]', ['roles', 0, 'permissions', 'actions', 12]],
  ];
  for (const [text, fieldPath] of cases) {
    it(`"${text}" is ${JSON.stringify(fieldPath)} and back`, () => {
      assert.deepEqual(parseFieldPath(text), fieldPath);
      assert.equal(fieldPathText(fieldPath), text);
    });
  }
});

describe('validateGeneratorInput: every issue carries its field path', () => {
  it('for every kind of problem, the field path is the path the message writes', () => {
    const result = validateGeneratorInput({
      ...base,
      issuer: 'http://idp.example.com',
      accountId: 1234,
      partition: 'aws-iso',
      restrictSubjects: ['alice', 7],
      fallbackRole: { name: 'Default Role', permissions: { actions: ['s3'], resources: ['*'] } },
      roles: [
        { name: 'A', matcher: 'nope(', permissions: 'default', priority: -1 },
        { name: 'a', claim: 'x', permissions: 'default' },
      ],
    });
    assert.ok(!result.ok);
    assert.ok(result.issues.length >= 8);
    for (const found of result.issues) {
      assert.equal(fieldPathText(found.fieldPath), found.path, found.message);
    }
    const at = (path: string) => result.issues.find((found) => found.path === path)?.fieldPath;
    assert.deepEqual(at('restrictSubjects[1]'), ['restrictSubjects', 1]);
    assert.deepEqual(at('fallbackRole.permissions.actions[0]'), [
      'fallbackRole',
      'permissions',
      'actions',
      0,
    ]);
    assert.deepEqual(at('roles[0].priority'), ['roles', 0, 'priority']);
  });

  it('a duplicate name points at the role that has the name first', () => {
    const result = validateGeneratorInput({
      ...base,
      fallbackRole: { name: 'S3ReadOnlyMCPRole', permissions: 'default' },
    });
    assert.ok(!result.ok);
    const [found] = result.issues;
    assert.deepEqual(found?.fieldPath, ['roles', 0, 'name']);
    assert.deepEqual(found?.relatedPaths, [['fallbackRole', 'name']]);
    assert.match(found?.message ?? '', /is already used by fallbackRole\.name/);
  });

  it('only a duplicate name involves another field', () => {
    const result = validateGeneratorInput({ ...base, accountId: 'x', region: 'x' });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.issues.filter((found) => found.relatedPaths !== undefined),
      []
    );
  });

  it('an unknown key is one step of the path, whatever characters it holds', () => {
    const result = validateGeneratorInput({
      ...base,
      'roles[0].name': 'x',
      fallbackRole: { name: 'DefaultMCPRole', permissions: 'default', 'a.b': 1 },
    });
    assert.ok(!result.ok);
    const paths = result.issues.map((found) => [found.path, found.fieldPath]);
    assert.deepEqual(paths, [
      ['fallbackRole.a.b', ['fallbackRole', 'a.b']],
      ['roles[0].name', ['roles[0].name']],
    ]);
  });

  it('problems with the values as a whole, and unreadable text, are at the empty path', () => {
    const whole = validateGeneratorInput(['x']);
    assert.ok(!whole.ok);
    assert.deepEqual(
      whole.issues.map((found) => found.fieldPath),
      [[]]
    );
    const parsed = parseGeneratorValues('issuer: [');
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.issues[0]?.fieldPath, []);
  });
});
