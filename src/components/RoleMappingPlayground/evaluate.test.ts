// The playground's engine, table-driven: every preset through the sandbox core gives the role and
// session name the preset explains; bad configuration and claims give messages, never a throw.
// Run with `npm run test:unit -- src/components/RoleMappingPlayground`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readClaims, readConfig, selectRoleFor } from './evaluate';
import { PRESETS } from './presets';

const ROLE = 'arn:aws:iam::123456789012:role/';

/** Preset id → the role ToolHive picks, the session name (or its error code), any warning. */
const expected: Record<
  string,
  { role: string; session: string; claim?: string; warning?: RegExp; summary?: RegExp }
> = {
  tutorial: { role: 'S3ReadOnlyMCPRole', session: 'alice@example.com', claim: 'sub' },
  'no-group': {
    role: 'DefaultMCPRole',
    session: 'bob@example.com',
    summary: /^No mapping matched, so the fallback role/,
  },
  'claim-name': { role: 'DefaultMCPRole', session: 'alice@example.com' },
  'string-groups': { role: 'DefaultMCPRole', session: 'alice@example.com' },
  priorities: {
    role: 'S3ReadWriteMCPRole',
    session: 'alice@example.com',
    summary: /^roleMappings\[1\] matched and wins \(2 mappings matched; the lowest priority wins/,
  },
  cel: { role: 'S3ReadOnlyMCPRole', session: 'alice@example.com' },
  'toolhive-token': { role: 'S3ReadOnlyMCPRole', session: 'alice@example.com', claim: 'email' },
  'vmcp-subject-provider': {
    role: 'S3ReadOnlyMCPRole',
    session: 'alice@example.com',
    claim: 'email',
    warning: /an MCPRemoteProxy ignores it/,
  },
  'auth0-sub': { role: 'S3ReadOnlyMCPRole', session: 'INVALID_SESSION_NAME' },
};

test('every preset has an expectation here', () => {
  assert.deepEqual(PRESETS.map((preset) => preset.id).sort(), Object.keys(expected).sort());
});

for (const preset of PRESETS) {
  const want = expected[preset.id];
  test(`preset "${preset.label}": ${want?.role ?? '?'}, session ${want?.session ?? '?'}`, () => {
    assert.ok(want);
    const config = readConfig(preset.config);
    assert.ok(config.ok, JSON.stringify(!config.ok && config.issues));
    if (want.warning) assert.match(config.warnings.join('\n'), want.warning);
    else assert.deepEqual(config.warnings, []);
    const outcome = selectRoleFor(config.config, preset.claims);
    assert.ok(outcome.ok);
    assert.equal(outcome.evaluation.roleArn, `${ROLE}${want.role}`);
    if (want.summary) assert.match(outcome.summary, want.summary);
    const { session } = outcome;
    if (session.ok) {
      assert.equal(session.sessionName, want.session);
      assert.equal(session.claim, want.claim ?? 'sub');
    } else {
      assert.equal(session.code, want.session);
      assert.match(session.message, /cannot be an AWS RoleSessionName/);
    }
  });
}

test('no mapping and no fallback: no role, and the summary says why', () => {
  const tutorial = PRESETS.find((preset) => preset.id === 'tutorial');
  assert.ok(tutorial);
  const config = readConfig(tutorial.config.replace(/^\s*fallbackRoleArn:.*$/m, ''));
  assert.ok(config.ok);
  const outcome = selectRoleFor(config.config, { sub: 'bob', groups: [] });
  assert.ok(outcome.ok);
  assert.equal(outcome.evaluation.roleArn, null);
  assert.ok(outcome.summary.length > 0);
});

test('configuration that is not YAML, or not awsSts, is refused with the core issues', () => {
  for (const text of ['awsSts: [', 'kind: Deployment']) {
    const config = readConfig(text);
    assert.ok(!config.ok, text);
    assert.equal(config.issues[0]?.code, 'INVALID_CONFIG');
    assert.ok((config.issues[0]?.message ?? '').length > 0);
  }
});

const claimsCases: [text: string, message: RegExp][] = [
  ['{', /^The claims are not valid JSON: /],
  ['[1]', /must be a JSON object like .*, not a list\.$/],
  ['null', /, not null\.$/],
  ['"alice"', /, not a string\.$/],
  ['7', /, not a number\.$/],
];
for (const [text, message] of claimsCases) {
  test(`claims ${text} are refused with a message`, () => {
    const claims = readClaims(text);
    assert.ok(!claims.ok);
    assert.match(claims.message, message);
  });
}

test('a JSON object is the claims, as decoded', () => {
  assert.deepEqual(readClaims('{"sub": "alice", "groups": ["s3-readers"]}'), {
    ok: true,
    claims: { sub: 'alice', groups: ['s3-readers'] },
  });
});
