// `doctor` against the running sandbox (startReplica on free ports): the real IAM and STS
// emulators through @aws-sdk clients, the sandbox's OIDC provider and proxy, and test issuers for
// tokens the sandbox's IdP would never issue. One broken setup per link, each diagnosed at the
// right link with the right fix, and the sound setup passing every link. The token is never
// printed.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CreateOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestIssuer, type TestIssuer } from '../../../test/support/testIssuer';
import type { DoctorReport } from '../../doctor';
import { getAccessToken } from '../../emulators/oidc';
import { DUMMY_CREDENTIALS, startReplica, tutorialSetup, type Replica } from '../../replica';
import { nodeIo } from '../nodeIo';
import { runCli } from '../runCli';
import type { CliIo } from '../types';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

let replica: Replica;
let iam: IAMClient;
let config: string;
const tokens: Record<string, string> = {};
/** Every token any test used, and every output, to prove none is ever printed. */
const secrets: string[] = [];
const outputs: string[] = [];
const issuers: TestIssuer[] = [];

const saved = { ...process.env };
before(async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  replica = await startReplica({ port: 0, throttle: false });
  iam = new IAMClient({
    region: 'us-east-1',
    endpoint: replica.urls.iam,
    credentials: DUMMY_CREDENTIALS,
    maxAttempts: 1,
  });
  for (const user of ['alice', 'bob', 'carol']) {
    tokens[user] = await getAccessToken({ issuer: replica.urls.issuer, user });
    secrets.push(tokens[user] ?? '');
    file(`${user}.jwt`, `${tokens[user] ?? ''}\n`);
  }
  config = file('config.yaml', tutorialYaml(replica.urls.issuer));
});

after(async () => {
  iam?.destroy();
  await replica?.close();
  await Promise.all(issuers.map((issuer) => issuer.close()));
  rmSync(dir, { recursive: true, force: true });
  process.env = saved;
});

/** The tutorial's MCPOIDCConfig, MCPExternalAuthConfig and MCPRemoteProxy for an issuer. */
function tutorialYaml(issuer: string): string {
  const files = tutorialSetup({ issuer }).files as Record<string, string>;
  return ['k8s/mcpoidcconfig.yaml', 'k8s/mcpexternalauthconfig.yaml', 'k8s/mcpremoteproxy.yaml']
    .map((path) => (files[path] ?? '').trim())
    .join('\n---\n');
}

interface Run {
  code: number;
  out: string;
  err: string;
  report: DoctorReport | undefined;
}

/** Runs `doctor` in-process with --json (parsed) unless told otherwise. */
async function doctor(args: string[], stdin = ''): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += `${text}\n`),
    stderr: (text) => (err += `${text}\n`),
    readFile: nodeIo.readFile,
    readStdin: async () => stdin,
  };
  const code = await runCli(['doctor', ...args], io);
  outputs.push(out, err);
  const report =
    args.includes('--json') && code !== 2 ? (JSON.parse(out) as DoctorReport) : undefined;
  return { code, out, err, report };
}

/** The flags that point every online check at the sandbox. */
function online(options: { proxy?: boolean } = {}): string[] {
  return [
    '--aws',
    '--iam-endpoint',
    replica.urls.iam,
    '--exchange',
    '--sts-endpoint',
    replica.urls.sts,
    ...(options.proxy === false ? [] : ['--proxy', replica.urls.proxy]),
    '--json',
  ];
}

function check(report: DoctorReport | undefined, link: string) {
  const found = report?.checks.find((candidate) => candidate.link === link);
  assert.ok(found, `no ${link} check`);
  return found;
}

/** The first broken link: where the user should look. */
function firstFailure(report: DoctorReport | undefined) {
  const found = report?.checks.find((candidate) => candidate.status === 'fail');
  assert.ok(found, 'nothing failed');
  return found;
}

/** A test issuer (path as given) whose provider is registered in the emulated account. */
async function issuerWithProvider(
  issuerPath: string,
  register: (issuer: string) => { url: string; clientIds: string[] }
): Promise<TestIssuer> {
  const issuer = await startTestIssuer({ issuerPath });
  issuers.push(issuer);
  await issuer.addKey('k1');
  const { url, clientIds } = register(issuer.issuer);
  await iam.send(new CreateOpenIDConnectProviderCommand({ Url: url, ClientIDList: clientIds }));
  return issuer;
}

async function signFor(issuer: TestIssuer, claims: Record<string, unknown> = {}, kid = 'k1') {
  const now = Math.floor(Date.now() / 1000);
  const token = await issuer.sign(
    {
      iss: issuer.issuer,
      sub: 'alice',
      aud: 'toolhive-aws',
      groups: ['s3-readers'],
      email: 'alice@example.com',
      iat: now - 10,
      exp: now + 3600,
      ...claims,
    },
    kid
  );
  secrets.push(token);
  return file(`token-${secrets.length}.jwt`, token);
}

/** Changes a role's policy through IAM for one test, and puts it back. */
async function withTrustPolicy(document: object, run: () => Promise<void>): Promise<void> {
  const role = await iam.send(new GetRoleCommand({ RoleName: 'S3ReadOnlyMCPRole' }));
  const original = decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '');
  await iam.send(
    new UpdateAssumeRolePolicyCommand({
      RoleName: 'S3ReadOnlyMCPRole',
      PolicyDocument: JSON.stringify(document),
    })
  );
  try {
    await run();
  } finally {
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: 'S3ReadOnlyMCPRole', PolicyDocument: original })
    );
  }
}

const hostPath = () => replica.urls.issuer.replace(/^http:\/\//, '');
const trustWith = (condition: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowToolHiveWebIdentity',
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${hostPath()}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: condition },
    },
  ],
});

describe('doctor against the sandbox: a sound setup', () => {
  it('passes every link for alice with the tutorial configuration (human output, exit 0)', async () => {
    const run = await doctor([
      '--config',
      config,
      '--token',
      join(dir, 'alice.jwt'),
      ...online().filter((flag) => flag !== '--json'),
    ]);
    assert.equal(run.code, 0, run.out + run.err);
    const lines = run.out.trimEnd().split('\n');
    assert.equal(lines.length, 13, run.out);
    assert.deepEqual(
      lines.slice(0, 12).map((line) => line.split(/\s+/).slice(0, 2).join(' ')),
      [
        '✓ config',
        '✓ proxy',
        '✓ token',
        '✓ discovery',
        '✓ jwks',
        '✓ role-mapping',
        '✓ session-name',
        '✓ provider',
        '✓ role',
        '✓ trust-policy',
        '✓ sts',
        '✓ permissions',
      ]
    );
    assert.equal(lines[12], 'No broken link found.');
    assert.match(
      run.out,
      /✓ sts +http:\/\/127.0.0.1:\d+\/ \(us-east-1\) issued credentials for arn:aws:sts::123456789012:assumed-role\/S3ReadOnlyMCPRole\/alice/
    );
  });

  it('prints one JSON document {ok, checks: [{link, status, message, fix?, details?}]}', async () => {
    const run = await doctor(['--config', config, '--token', join(dir, 'alice.jwt'), ...online()]);
    assert.equal(run.code, 0);
    const report = run.report;
    assert.ok(report);
    assert.deepEqual(Object.keys(report), ['ok', 'checks']);
    assert.equal(report.ok, true);
    for (const entry of report.checks) {
      assert.deepEqual(
        Object.keys(entry).filter(
          (key) => !['link', 'status', 'message', 'fix', 'details'].includes(key)
        ),
        []
      );
      assert.equal(entry.status, 'pass');
      assert.equal(typeof entry.message, 'string');
    }
    assert.match(
      check(report, 'role-mapping').details?.join('\n') ?? '',
      /→ \[0\] claim "s3-readers"/
    );
    assert.match(
      check(report, 'proxy').details?.[0] ?? '',
      /the MCPRemoteProxy's resourceUrl is https:\/\/mcp.example.com\/mcp, not the URL checked here/
    );
  });

  it('passes bob on the fallback role, with nothing close to another mapping', async () => {
    const run = await doctor(['--config', config, '--token', join(dir, 'bob.jwt'), ...online()]);
    assert.equal(run.code, 0, run.out);
    assert.match(
      check(run.report, 'role-mapping').message,
      /fallback role arn:aws:iam::123456789012:role\/DefaultMCPRole is used/
    );
  });

  it('reads the token from standard input', async () => {
    const run = await doctor(
      ['--config', config, '--token', '-', '--offline', '--json'],
      tokens.alice ?? ''
    );
    assert.equal(run.code, 0, run.out);
    assert.equal(check(run.report, 'discovery').status, 'skip');
  });
});

describe("doctor against the sandbox: the README's example", () => {
  const readme = readFileSync(join(REPO_ROOT, 'sandbox/src/doctor/README.md'), 'utf8');
  /** The README's default ports (npm run sandbox) → this replica's. */
  const localize = (text: string) =>
    text.replace(/127\.0\.0\.1:(410[0-4])/g, (_all, port: string) => {
      const offset = Number(port) - 4100;
      const service = (['proxy', 'oidc', 'sts', 'iam', 'awsMcp'] as const)[offset] ?? 'proxy';
      return `127.0.0.1:${replica.ports[service]}`;
    });
  /** What differs on every run: the token fingerprint, the key id, the times. */
  const normalize = (text: string) =>
    text
      .replace(/token [0-9a-f]{8}/g, 'token FINGERPRINT')
      .replace(/(kid|key) "[^"]+"/g, '$1 "KID"')
      .replace(/valid until \S+Z/g, 'valid until TIME')
      .replace(/expires in \d+ min/g, 'expires in N min');

  it('prints what the README shows, with the configuration it shows', async () => {
    const yaml = /```yaml title="sandbox-config.yaml"\n([\s\S]*?)```/.exec(readme)?.[1];
    const shown = /Output \([^)]*\):\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(yaml && shown, 'the README has the example');
    const run = await doctor([
      '--config',
      file('readme.yaml', localize(yaml)),
      '--token',
      join(dir, 'alice.jwt'),
      '--aws',
      '--iam-endpoint',
      `http://127.0.0.1:${replica.ports.iam}`,
      '--exchange',
      '--sts-endpoint',
      `http://127.0.0.1:${replica.ports.sts}`,
      '--proxy',
      replica.urls.proxy,
    ]);
    assert.equal(run.code, 0, run.out);
    assert.equal(normalize(run.out), normalize(localize(shown)));
  });

  it("shows carol's verdict as doctor prints it", async () => {
    const shown = /her session name:\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(shown);
    const run = await doctor(['--config', config, '--token', join(dir, 'carol.jwt'), '--offline']);
    assert.ok(run.out.includes(shown), run.out);
  });
});

describe('doctor against the sandbox: one broken setup per link', () => {
  it('provider registered without the issuer path', async () => {
    const idp = await issuerWithProvider('/oauth2/default', (iss) => ({
      url: iss.replace('/oauth2/default', ''),
      clientIds: ['toolhive-aws'],
    }));
    const token = await signFor(idp);
    const yaml = file('path.yaml', tutorialYaml(idp.issuer));
    const run = await doctor(['--config', yaml, '--token', token, ...online({ proxy: false })]);
    assert.equal(run.code, 1);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'provider', failed.message);
    assert.match(failed.message, /it lacks the path \/oauth2\/default/);
    assert.equal(
      failed.fix,
      `aws iam create-open-id-connect-provider --url ${idp.issuer} --client-id-list toolhive-aws (then delete the wrong one if nothing else uses it: aws iam delete-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::123456789012:oidc-provider/${idp.issuer.replace('http://', '').replace('/oauth2/default', '')})`
    );
  });

  it('provider registered without the trailing slash of the issuer', async () => {
    const idp = await issuerWithProvider('/', (iss) => ({
      url: iss.replace(/\/$/, ''),
      clientIds: ['toolhive-aws'],
    }));
    const run = await doctor([
      '--config',
      file('slash.yaml', tutorialYaml(idp.issuer)),
      '--token',
      await signFor(idp),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'provider', failed.message);
    assert.match(failed.message, new RegExp(`it lacks the trailing slash of ${idp.issuer}`));
    assert.match(
      failed.fix ?? '',
      new RegExp(`^aws iam create-open-id-connect-provider --url ${idp.issuer} `)
    );
  });

  it('the audience missing from the provider', async () => {
    const idp = await issuerWithProvider('/tenant', (iss) => ({
      url: iss,
      clientIds: ['0oa-other-client'],
    }));
    const run = await doctor([
      '--config',
      file('aud.yaml', tutorialYaml(idp.issuer)),
      '--token',
      await signFor(idp),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'provider', failed.message);
    assert.match(
      failed.message,
      /the token's aud "toolhive-aws" is not among the client IDs "0oa-other-client"/
    );
    assert.equal(
      failed.fix,
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::123456789012:oidc-provider/${idp.issuer.replace('http://', '')} --client-id toolhive-aws`
    );
    assert.match(check(run.report, 'sts').message, /answered InvalidIdentityToken/);
  });

  it('a trust policy whose sub condition excludes the user', async () => {
    await withTrustPolicy(
      trustWith({ [`${hostPath()}:aud`]: 'toolhive-aws', [`${hostPath()}:sub`]: ['bob'] }),
      async () => {
        const run = await doctor([
          '--config',
          config,
          '--token',
          join(dir, 'alice.jwt'),
          ...online({ proxy: false }),
        ]);
        const failed = firstFailure(run.report);
        assert.equal(failed.link, 'trust-policy', failed.message);
        assert.match(
          failed.message,
          /S3ReadOnlyMCPRole does not let this token assume the role \(STS answers AccessDenied\): statement "AllowToolHiveWebIdentity" does not apply: Condition StringEquals 127.0.0.1:\d+:sub: request value "alice"/
        );
        assert.equal(
          failed.fix,
          `add "alice" to StringEquals ${hostPath()}:sub (now "bob") to let this user in, then aws iam update-assume-role-policy --role-name S3ReadOnlyMCPRole --policy-document file://trust-policy.json`
        );
        assert.match(check(run.report, 'sts').message, /answered AccessDenied/);
      }
    );
  });

  it('a trust policy whose aud condition excludes the token', async () => {
    await withTrustPolicy(trustWith({ [`${hostPath()}:aud`]: 'api://default' }), async () => {
      const run = await doctor([
        '--config',
        config,
        '--token',
        join(dir, 'alice.jwt'),
        ...online({ proxy: false }),
      ]);
      const failed = firstFailure(run.report);
      assert.equal(failed.link, 'trust-policy', failed.message);
      assert.match(
        failed.fix ?? '',
        new RegExp(
          `^set StringEquals ${hostPath()}:aud to "toolhive-aws" \\(now "api://default"\\)`
        )
      );
    });
  });

  it('a role that does not exist', async () => {
    const typo = file(
      'typo.yaml',
      tutorialYaml(replica.urls.issuer).replace('role/S3ReadOnlyMCPRole', 'role/S3ReadOnlyRole')
    );
    const run = await doctor([
      '--config',
      typo,
      '--token',
      join(dir, 'alice.jwt'),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'role', failed.message);
    assert.equal(
      failed.message,
      'this token\'s role arn:aws:iam::123456789012:role/S3ReadOnlyRole does not exist: STS answers AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"'
    );
    assert.equal(
      failed.fix,
      'create it (aws iam create-role --role-name S3ReadOnlyRole --assume-role-policy-document file://trust-policy.json), or correct awsSts.roleMappings[0].roleArn'
    );
  });

  it('an invalid session name (carol: auth0|carol)', async () => {
    const run = await doctor([
      '--config',
      config,
      '--token',
      join(dir, 'carol.jwt'),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'session-name', failed.message);
    assert.match(
      failed.message,
      /^sub "auth0\|carol" is not a valid RoleSessionName .*ToolHive answers 401 "Invalid session name"$/
    );
    assert.equal(
      failed.fix,
      'set sessionNameClaim: email (this token\'s email "carol@example.com" is valid)'
    );
    assert.match(
      check(run.report, 'sts').message,
      /ToolHive would not call STS without a valid session name/
    );
  });

  it('an expired token', async () => {
    const idp = await issuerWithProvider('/expired', (iss) => ({
      url: iss,
      clientIds: ['toolhive-aws'],
    }));
    const now = Math.floor(Date.now() / 1000);
    const run = await doctor([
      '--config',
      file('expired.yaml', tutorialYaml(idp.issuer)),
      '--token',
      await signFor(idp, { iat: now - 7200, exp: now - 3600 }),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'token', failed.message);
    assert.match(failed.message, /expired 60 min ago .*ToolHive's OIDC middleware answers 401/);
    assert.match(failed.fix ?? '', /^get a fresh token/);
    assert.match(check(run.report, 'sts').message, /answered ExpiredTokenException/);
  });

  it('a token from the future (the issuer clock agrees with this one, so the IdP signs ahead)', async () => {
    const idp = await issuerWithProvider('/future', (iss) => ({
      url: iss,
      clientIds: ['toolhive-aws'],
    }));
    const now = Math.floor(Date.now() / 1000);
    const run = await doctor([
      '--config',
      file('future.yaml', tutorialYaml(idp.issuer)),
      '--token',
      await signFor(idp, { iat: now + 1800, nbf: now + 1800, exp: now + 5400 }),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'token', failed.message);
    assert.match(failed.message, /not valid for another (29|30) min/);
    assert.match(
      failed.fix ?? '',
      /agrees with the issuer's Date header, so the IdP signs tokens with times ahead/
    );
  });

  it("a kid the issuer's JWKS no longer has", async () => {
    const idp = await issuerWithProvider('/rotated', (iss) => ({
      url: iss,
      clientIds: ['toolhive-aws'],
    }));
    await idp.addKey('old', { publish: false });
    const run = await doctor([
      '--config',
      file('kid.yaml', tutorialYaml(idp.issuer)),
      '--token',
      await signFor(idp, {}, 'old'),
      ...online({ proxy: false }),
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'jwks', failed.message);
    assert.match(failed.message, /has no key with the token's kid "old" \(it has "k1"\)/);
    assert.match(failed.fix ?? '', /^get a fresh token: the IdP has rotated its signing keys/);
    assert.match(check(run.report, 'sts').message, /answered InvalidIdentityToken/);
  });

  it('a permission policy without the AWS MCP condition keys', async () => {
    const name = { RoleName: 'S3ReadOnlyMCPRole', PolicyName: 'S3ReadOnlyMCPPermissions' };
    const original = await iam.send(new GetRolePolicyCommand(name));
    await iam.send(
      new PutRolePolicyCommand({
        ...name,
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AllowS3Read',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: '*',
            },
          ],
        }),
      })
    );
    try {
      const run = await doctor([
        '--config',
        config,
        '--token',
        join(dir, 'alice.jwt'),
        ...online({ proxy: false }),
      ]);
      const failed = firstFailure(run.report);
      assert.equal(failed.link, 'permissions', failed.message);
      assert.match(
        failed.message,
        /^S3ReadOnlyMCPRole: statement "AllowS3Read" of inline S3ReadOnlyMCPPermissions allows s3:GetObject outside the AWS MCP Server too: no statement uses the AWS MCP condition keys/
      );
      assert.match(
        failed.fix ?? '',
        /^add the guardrail statement .*aws iam put-role-policy --role-name S3ReadOnlyMCPRole --policy-name S3ReadOnlyMCPPermissions --policy-document file:\/\/permission-policy.json$/
      );
    } finally {
      await iam.send(
        new PutRolePolicyCommand({
          ...name,
          PolicyDocument: decodeURIComponent(original.PolicyDocument ?? ''),
        })
      );
    }
  });

  it('STS in another Region than the configuration', async () => {
    const run = await doctor([
      '--config',
      config,
      '--token',
      join(dir, 'alice.jwt'),
      ...online({ proxy: false }),
      '--region',
      'eu-west-1',
    ]);
    const failed = firstFailure(run.report);
    assert.equal(failed.link, 'sts', failed.message);
    assert.match(
      failed.message,
      /^the STS endpoint http:\/\/127.0.0.1:\d+\/ is in eu-west-1, but awsSts.region is us-east-1: ToolHive calls https:\/\/sts.us-east-1.amazonaws.com/
    );
    assert.match(
      failed.fix ?? '',
      /set awsSts.region: eu-west-1 .* otherwise run doctor against STS in us-east-1/
    );
  });

  it('a token for an issuer the MCPOIDCConfig does not name, and a proxy that lists another issuer', async () => {
    const idp = await issuerWithProvider('/other', (iss) => ({
      url: iss,
      clientIds: ['toolhive-aws'],
    }));
    const run = await doctor(['--config', config, '--token', await signFor(idp), ...online()]);
    assert.equal(firstFailure(run.report).link, 'proxy');
    assert.match(check(run.report, 'proxy').message, /not this token's iss/);
    assert.match(check(run.report, 'token').message, /is not the MCPOIDCConfig issuer/);
  });
});

describe('doctor: usage and secrecy', () => {
  it('refuses the token itself as --token, without echoing it (exit 2)', async () => {
    const run = await doctor(['--config', config, '--token', tokens.alice ?? '']);
    assert.equal(run.code, 2);
    assert.match(run.err, /--token takes a file or - \(standard input\), never the token itself/);
  });

  const usage: { args: string[]; says: RegExp }[] = [
    { args: ['--token', 'x.jwt'], says: /--config is required/ },
    { args: ['--config', 'c.yaml'], says: /--token is required/ },
    {
      args: ['--config', '-', '--token', '-'],
      says: /only one of --config and --token can read standard input/,
    },
    {
      args: ['--config', 'c', '--token', 't', '--iam-endpoint', 'http://x'],
      says: /--iam-endpoint needs --aws/,
    },
    {
      args: ['--config', 'c', '--token', 't', '--offline', '--aws'],
      says: /--offline cannot be combined with --aws/,
    },
    {
      args: ['--config', 'c', '--token', 't', '--proxy', 'ftp://x'],
      says: /--proxy must be an http\(s\) URL/,
    },
    {
      args: ['--config', 'c', '--token', 't', '--region', 'Europe'],
      says: /--region must be an AWS Region/,
    },
    {
      args: ['--config', 'c', '--token', '/nonexistent/token'],
      says: /cannot read \/nonexistent\/token: no such file/,
    },
  ];
  for (const c of usage) {
    it(`exits 2 for ${c.args.join(' ')}`, async () => {
      const run = await doctor(c.args);
      assert.equal(run.code, 2);
      assert.match(run.err, c.says);
    });
  }

  it('an empty token file is bad usage', async () => {
    const run = await doctor(['--config', config, '--token', file('empty.jwt', '\n')]);
    assert.equal(run.code, 2);
    assert.match(run.err, /is empty; it must hold the access token/);
  });

  it('lists doctor in the CLI help with complete flags', async () => {
    const run = await doctor(['--help']);
    for (const flag of [
      '--config',
      '--token',
      '--aws',
      '--exchange',
      '--proxy',
      '--json',
      '--iam-endpoint',
      '--sts-endpoint',
      '--region',
      '--offline',
      '--verbose',
    ]) {
      assert.ok(run.out.includes(flag), `help lists ${flag}`);
    }
  });

  it('the real entry point reads the token from stdin and prints no token (exit 1 on a failure)', async () => {
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          'sandbox/src/cli/main.ts',
          'doctor',
          '--config',
          config,
          '--token',
          '-',
          '--offline',
        ],
        { cwd: REPO_ROOT },
        (error, out, err) =>
          resolve({ code: error ? Number(error.code) : 0, stdout: out, stderr: err })
      );
      child.stdin?.end(tokens.carol);
    });
    outputs.push(stdout, stderr);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /✗ session-name +sub "auth0\|carol"/);
  });

  it('never printed a token, or any signature of one, in any output above', () => {
    assert.ok(secrets.length >= 5);
    const all = outputs.join('\n');
    for (const secret of secrets) {
      assert.ok(!all.includes(secret), 'a whole token was printed');
      assert.ok(!all.includes(secret.split('.')[2] ?? 'x'), 'a token signature was printed');
    }
  });
});
