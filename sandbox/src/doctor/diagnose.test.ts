// The whole diagnosis through its public entry point: offline (what the page runs), with pasted
// AWS facts, and online against table fetches and a fake IAM account.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  DEFAULT_ROLE,
  GUARDRAIL,
  NOW,
  S3_PERMISSIONS,
  S3_ROLE,
  claimsFor,
  fakeIam,
  tableFetch,
  testKey,
  trustPolicy,
  tutorialConfig,
  type TestKey,
} from '../../test/support/doctorFixtures';
import { diagnose, doctorCommand, formatReport, LINKS, type DoctorReport } from './index';

const ISSUER = 'https://idp.example.com/oauth2/default';
const HOST_PATH = 'idp.example.com/oauth2/default';
const JWKS = `${ISSUER}/v1/keys`;
let key: TestKey;
let token: string;
before(async () => {
  key = await testKey('k1');
  token = await key.sign(claimsFor(ISSUER));
});

const statuses = (report: DoctorReport) =>
  Object.fromEntries(report.checks.map((check) => [check.link, check.status]));
const now = () => NOW;
const online = () =>
  tableFetch({
    [`${ISSUER}/.well-known/openid-configuration`]: { json: { issuer: ISSUER, jwks_uri: JWKS } },
    [JWKS]: { json: { keys: [key.jwk] } },
  });
const account = () =>
  fakeIam({
    providers: { [HOST_PATH]: ['toolhive-aws'] },
    roles: {
      [DEFAULT_ROLE]: {
        trust: trustPolicy(ISSUER),
        policies: {
          DefaultMCPPermissions: JSON.stringify({ Version: '2012-10-17', Statement: [GUARDRAIL] }),
        },
      },
      [S3_ROLE]: {
        trust: trustPolicy(ISSUER),
        policies: { S3ReadOnlyMCPPermissions: S3_PERMISSIONS },
      },
    },
  });

describe('diagnose', () => {
  it('offline (the page): runs the offline links and says why the others were skipped', async () => {
    const report = await diagnose({ token, config: tutorialConfig({ issuer: ISSUER }) }, { now });
    assert.deepEqual(
      report.checks.map((check) => check.link),
      [...LINKS]
    );
    assert.equal(report.ok, true);
    assert.deepEqual(statuses(report), {
      config: 'pass',
      proxy: 'skip',
      token: 'pass',
      discovery: 'skip',
      jwks: 'skip',
      'role-mapping': 'pass',
      'session-name': 'pass',
      provider: 'skip',
      role: 'skip',
      'trust-policy': 'skip',
      sts: 'skip',
      permissions: 'skip',
    });
    for (const check of report.checks.filter((c) => c.status === 'skip')) {
      assert.match(check.message, /^not (checked|called)/, `${check.link} says why`);
    }
  });

  it('offline with a pasted trust policy and permission policy', async () => {
    const report = await diagnose(
      {
        token,
        config: tutorialConfig({ issuer: ISSUER }),
        trustPolicy: trustPolicy(ISSUER, { subjects: ['bob'] }),
        permissionPolicies: [S3_PERMISSIONS],
      },
      { now }
    );
    const byLink = Object.fromEntries(report.checks.map((check) => [check.link, check]));
    assert.equal(byLink['trust-policy']?.status, 'fail');
    assert.match(
      byLink['trust-policy']?.fix ?? '',
      /add "alice" to StringEquals idp.example.com\/oauth2\/default:sub/
    );
    assert.equal(byLink.permissions?.status, 'pass');
    assert.equal(report.ok, false);
  });

  it('online with every client: every link passes for a sound setup', async () => {
    const report = await diagnose(
      { token, config: tutorialConfig({ issuer: ISSUER }) },
      {
        now,
        fetch: online(),
        iam: account(),
        sts: {
          exchange: async () => ({
            assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/S3ReadOnlyMCPRole/alice',
          }),
        },
      }
    );
    const failed = report.checks
      .filter((check) => check.status !== 'pass')
      .map((c) => `${c.link}: ${c.message}`);
    assert.deepEqual(failed, [
      'proxy: not checked: add --proxy URL (the MCP endpoint clients use, e.g. https://mcp.example.com/mcp)',
    ]);
    assert.equal(report.ok, true);
  });

  it('never puts the token, or its signature, into the report', async () => {
    const report = await diagnose(
      { token: `  ${token}\n`, config: 'region: [' },
      {
        now,
        fetch: online(),
        iam: account(),
        sts: { exchange: async () => Promise.reject(new Error(`bad ${token}`)) },
      }
    );
    const text = JSON.stringify(report) + formatReport(report, { verbose: true });
    assert.ok(!text.includes(token));
    assert.ok(!text.includes(token.split('.')[2] ?? 'x'));
  });

  it('reports an unreadable token at the token link and skips what needs its claims', async () => {
    const report = await diagnose({ token: 'not-a-jwt', config: tutorialConfig() }, { now });
    const byLink = Object.fromEntries(report.checks.map((check) => [check.link, check]));
    assert.equal(byLink.token?.status, 'fail');
    assert.equal(byLink['role-mapping']?.status, 'skip');
    assert.equal(byLink['session-name']?.status, 'skip');
  });
});

describe('doctorCommand', () => {
  it('builds the command for the online checks, shell-quoted', () => {
    assert.equal(
      doctorCommand(),
      'npm run cli -- doctor --config aws-sts-auth-config.yaml --token token.jwt'
    );
    assert.equal(
      doctorCommand({
        configFile: 'my config.yaml',
        tokenFile: '-',
        aws: true,
        exchange: true,
        proxyUrl: 'https://mcp.example.com/mcp',
        region: 'eu-west-1',
        json: true,
      }),
      "npm run cli -- doctor --config 'my config.yaml' --token - --aws --exchange --proxy https://mcp.example.com/mcp --region eu-west-1 --json"
    );
  });
});
