// The `aws` shim parses exactly the flags the generated scripts use, the way the AWS CLI does:
// file:// values read relative to the working directory, lists up to the next flag, global
// options anywhere; anything else is refused.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateArtifacts, planAwsCli, TUTORIAL_VALUES, type AwsCliCommand } from '../src/policy';
import { OPERATIONS, parseInvocation } from './awsCliShim';

const dir = mkdtempSync(join(tmpdir(), 'aws-shim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('awsCliShim parseInvocation', () => {
  it('reads file:// arguments relative to the working directory', () => {
    writeFileSync(join(dir, 'trust.json'), '{"Statement": []}');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const parsed = parseInvocation([
        'iam',
        'create-role',
        '--role-name',
        'R',
        '--assume-role-policy-document',
        'file://trust.json',
        '--endpoint-url',
        'http://127.0.0.1:1',
      ]);
      assert.equal(parsed.args['--assume-role-policy-document'], '{"Statement": []}');
      assert.equal(parsed.global['--endpoint-url'], 'http://127.0.0.1:1');
    } finally {
      process.chdir(cwd);
    }
  });

  it('takes list values up to the next flag, and integers', () => {
    const provider = parseInvocation([
      'iam',
      'create-open-id-connect-provider',
      '--client-id-list',
      'a',
      'b',
      '--url',
      'https://x',
    ]);
    assert.deepEqual(provider.args['--client-id-list'], ['a', 'b']);
    const role = parseInvocation([
      'iam',
      'update-role',
      '--role-name',
      'R',
      '--max-session-duration',
      '7200',
    ]);
    assert.equal(role.args['--max-session-duration'], 7200);
  });

  const refused: { name: string; argv: string[]; says: RegExp }[] = [
    { name: 'another service', argv: ['s3', 'ls'], says: /only "aws iam"/ },
    {
      name: 'an unimplemented operation',
      argv: ['iam', 'list-roles'],
      says: /does not implement "aws iam list-roles"/,
    },
    {
      name: 'an unknown flag',
      argv: ['iam', 'get-role', '--role-name', 'R', '--query', 'Role.Arn'],
      says: /Unknown options: --query/,
    },
    {
      name: 'a missing required flag',
      argv: ['iam', 'put-role-policy', '--role-name', 'R'],
      says: /required: --policy-name, --policy-document/,
    },
    {
      name: 'a missing parameter file',
      argv: [
        'iam',
        'create-role',
        '--role-name',
        'R',
        '--assume-role-policy-document',
        'file:///nonexistent/x.json',
      ],
      says: /Unable to load paramfile file:\/\/\/nonexistent\/x.json/,
    },
    {
      name: 'a non-integer duration',
      argv: ['iam', 'update-role', '--role-name', 'R', '--max-session-duration', 'long'],
      says: /invalid int value/,
    },
    {
      name: 'text output',
      argv: ['iam', 'get-role', '--role-name', 'R', '--output', 'text'],
      says: /only prints --output json/,
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, () => assert.throws(() => parseInvocation(c.argv), c.says));
  }

  it('implements the operations the generated scripts call, and no others', () => {
    const values = generateArtifacts({ ...TUTORIAL_VALUES, sessionDuration: 7200 });
    assert.ok(values.ok);
    const plan = planAwsCli(values.values);
    const used = new Set(
      [plan.provider, ...plan.roles].flatMap((calls) =>
        Object.values(calls)
          .filter(
            (call): call is AwsCliCommand =>
              typeof call === 'object' && call !== null && 'operation' in call
          )
          .map((call) => call.operation)
      )
    );
    assert.deepEqual(Object.keys(OPERATIONS).sort(), [...used].sort());
  });
});
