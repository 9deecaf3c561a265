// The page's examples, run through the doctor's offline checks as the page runs them: the sound
// setup passes every link a browser can check, each broken one fails first at its link with a
// fix, and no report carries the token.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { formatReport, type LinkName } from '@toolhive-aws-sts/sandbox/doctor';
import { diagnoseOffline, isBlank, pastedToken } from './diagnosis';
import { EXAMPLES, examplesByGroup } from './examples';
import { EXAMPLE_KID } from './exampleToken';

const NOW = new Date('2026-05-04T10:00:00Z');

/** The links a browser can check from pastes alone; the rest need the network or IAM. */
const OFFLINE: LinkName[] = [
  'config',
  'token',
  'role-mapping',
  'session-name',
  'role',
  'trust-policy',
  'permissions',
];

describe('the sound example', () => {
  it('passes every offline link and skips the online ones, each saying why', async () => {
    const example = EXAMPLES.find((e) => e.id === 'tutorial');
    assert.ok(example);
    const report = await diagnoseOffline(example.build(NOW), NOW);
    assert.equal(report.ok, true);
    for (const check of report.checks) {
      const expected = OFFLINE.includes(check.link) ? 'pass' : 'skip';
      assert.equal(check.status, expected, `${check.link}: ${check.message}`);
      if (expected === 'skip') assert.match(check.message, /^not (checked|called)/);
    }
  });
});

for (const example of EXAMPLES.filter((e) => e.broken !== undefined)) {
  describe(`the example "${example.label}"`, () => {
    it(`fails first at ${example.broken}, with a fix`, async () => {
      const report = await diagnoseOffline(example.build(NOW), NOW);
      assert.equal(report.ok, false);
      const first = report.checks.find((check) => check.status === 'fail');
      assert.equal(first?.link, example.broken, formatReport(report));
      assert.ok((first?.fix ?? '').length > 0);
    });
  });
}

describe('every example', () => {
  it('has a unique id and label and explains itself', () => {
    assert.equal(new Set(EXAMPLES.map((e) => e.id)).size, EXAMPLES.length);
    assert.equal(new Set(EXAMPLES.map((e) => e.label)).size, EXAMPLES.length);
    for (const example of EXAMPLES) assert.ok(example.explain.length > 40, example.id);
    assert.deepEqual(
      examplesByGroup().flatMap(([, examples]) => examples),
      [...EXAMPLES]
    );
  });

  it('builds a token that decodes, with times relative to now, and no report quotes it', async () => {
    for (const example of EXAMPLES) {
      const fields = example.build(NOW);
      assert.equal(decodeProtectedHeader(fields.token).kid, EXAMPLE_KID);
      const claims = decodeJwt(fields.token);
      assert.equal(typeof claims.exp, 'number');
      assert.ok(Math.abs((claims.iat ?? 0) - NOW.getTime() / 1000) <= 3 * 3600, example.id);
      const report = JSON.stringify(await diagnoseOffline(fields, NOW));
      for (const part of fields.token.split('.')) {
        assert.ok(!report.includes(part), `${example.id}: the report quotes the token`);
      }
    }
  });

  it('is the same for the same clock', () => {
    for (const example of EXAMPLES) {
      assert.deepEqual(example.build(NOW), example.build(new Date(NOW)), example.id);
    }
  });
});

describe('pasted input', () => {
  it('takes a token copied with its Bearer prefix or surrounding white space', async () => {
    const fields = EXAMPLES[0]!.build(NOW);
    assert.equal(pastedToken(`  Bearer ${fields.token}\n`), fields.token);
    const report = await diagnoseOffline({ ...fields, token: `Bearer ${fields.token}\n` }, NOW);
    assert.equal(report.ok, true);
  });

  it('is blank only when neither a token nor a configuration is there', () => {
    const empty = { token: ' ', config: '\n', trustPolicy: '', permissionPolicies: [] };
    assert.equal(isBlank(empty), true);
    assert.equal(isBlank({ ...empty, token: 'x' }), false);
    assert.equal(isBlank({ ...empty, config: 'awsSts: {}' }), false);
  });

  it('reports garbage as failed links, never by throwing', async () => {
    const report = await diagnoseOffline(
      { token: 'not a token', config: 'awsSts: [', trustPolicy: '{', permissionPolicies: ['x'] },
      NOW
    );
    assert.equal(report.ok, false);
    const failed = report.checks.filter((c) => c.status === 'fail').map((c) => c.link);
    assert.deepEqual(failed, ['config', 'token']);
  });
});
