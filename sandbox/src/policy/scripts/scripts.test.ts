// Runs the generated aws/setup.sh (twice) and aws/cleanup.sh for real: bash, the real AWS CLI
// (Debian's 2.9.19 in CI, found by test/support/realAwsCli.ts; never skipped) and the IAM
// emulator on a free port. Reads everything back with @aws-sdk/client-iam. Then the scripts'
// version gate with a stand-in `aws` that only reports a version, and the thumbprint reader
// (openssl path) against local HTTPS servers with throw-away certificates.

import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { writeArtifactFiles } from '../../cli/commands/policy';
import { createOidcProvider, createRole, deleteRolePolicy } from '../../emulators/iam';
import { createIamServer } from '../../emulators/iam/server';
import { AccountState } from '../../emulators/state';
import {
  findRealAwsCli,
  isolatedAwsEnv,
  linkRealAwsCli,
  runCommand,
  type CommandRun,
} from '../../../test/support/realAwsCli';
import {
  requireCommands,
  makeCaChain,
  makeSelfSigned,
  sha1Thumbprint,
  startHttpsServer,
  type HttpsTestServer,
} from '../../../test/support/tlsChain';
import { OPTIONAL_THUMBPRINT_AWS_CLI } from './awsCliVersions';
import { generateArtifacts } from '../generateArtifacts';
import { readThumbprintsFunction } from './thumbprintScript';
import { TUTORIAL_VALUES } from '../input/tutorialValues';
import type { ArtifactFiles, GeneratorInput, GeneratorValues } from '../types';

/** The CLI is slow to start (about a second per call): give each script run room. */
const SLOW = { timeout: 300_000 };
const THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

const work = mkdtempSync(join(tmpdir(), 'policy-scripts-'));
const cli = findRealAwsCli();
const bin = linkRealAwsCli(work, cli);
requireCommands(['curl', 'openssl']);
const cliVersion = /^aws-cli\/(\S+)/.exec(cli.version)?.[1] ?? '';
/** Whether the CLI under test still requires --thumbprint-list (Debian 12's 2.9.19 does). */
const cliNeedsThumbprint = versionBelow(
  cliVersion,
  cliVersion.startsWith('1.') ? OPTIONAL_THUMBPRINT_AWS_CLI.v1 : OPTIONAL_THUMBPRINT_AWS_CLI.v2
);

/** Whether dotted version `a` is below `b`. */
function versionBelow(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split('.').map((part) => Number.parseInt(part, 10) || 0));
  for (let i = 0; i < 3; i += 1) {
    if ((x?.[i] ?? 0) !== (y?.[i] ?? 0)) return (x?.[i] ?? 0) < (y?.[i] ?? 0);
  }
  return false;
}
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs `bash <script> …` from the work directory (not the script's), real CLI first on PATH. */
function bash(
  script: string,
  args: string[],
  env: Record<string, string> = {}
): Promise<CommandRun> {
  return runCommand('bash', [script, ...args], {
    cwd: work,
    env: isolatedAwsEnv(work, {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      AWS_ACCESS_KEY_ID: 'AKIDSCRIPTTEST',
      AWS_SECRET_ACCESS_KEY: 'script-test-secret',
      ...env,
    }),
  });
}

async function generate(name: string, input: GeneratorInput) {
  const result = generateArtifacts(input);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  await writeArtifactFiles(join(work, name), result.files);
  return {
    files: result.files,
    values: result.values,
    setup: join(name, 'aws', 'setup.sh'),
    cleanup: join(name, 'aws', 'cleanup.sh'),
  };
}

/** An IAM emulator on a free port, the Actions it answered, and an SDK client for reading back. */
async function startIam(state = new AccountState()) {
  const actions: string[] = [];
  const server = createIamServer({ state, onCall: (call) => actions.push(call.action ?? '') });
  const { url } = await server.listen(0, '127.0.0.1');
  const client = new IAMClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDREADBACK', secretAccessKey: 'read-back' },
    maxAttempts: 1,
  });
  return {
    url,
    state,
    actions,
    client,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}
type Iam = Awaited<ReturnType<typeof startIam>>;

const ok = (run: CommandRun, what: string) =>
  assert.equal(run.code, 0, `${what} failed (${cli.version}):\n${run.stdout}\n${run.stderr}`);

const decode = (document: string | undefined): unknown =>
  JSON.parse(decodeURIComponent(document ?? ''));

/**
 * Reads the provider and every role back through IAM: exactly what the files describe. Its own
 * calls are dropped from `iam.actions`, which keeps only the scripts' calls.
 */
async function assertProvisioned(iam: Iam, values: GeneratorValues, files: ArtifactFiles) {
  const { client } = iam;
  const providers = await client.send(new ListOpenIDConnectProvidersCommand({}));
  assert.deepEqual(providers.OpenIDConnectProviderList, [{ Arn: values.providerArn }]);
  const provider = await client.send(
    new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: values.providerArn })
  );
  assert.equal(`https://${provider.Url}`, values.issuer, 'registered URL is the issuer');
  assert.ok(provider.ClientIDList?.includes(values.audience), 'the audience is a client ID');
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  const listed = await client.send(new ListRolesCommand({}));
  assert.deepEqual(
    listed.Roles?.map((role) => role.RoleName).sort(),
    roles.map((role) => role.name).sort()
  );
  for (const role of roles) {
    const got = (await client.send(new GetRoleCommand({ RoleName: role.name }))).Role;
    assert.equal(got?.Arn, role.arn);
    assert.deepEqual(
      decode(got?.AssumeRolePolicyDocument),
      JSON.parse(files[`aws/trust-policy-${role.name}.json`] ?? ''),
      `${role.name} trust policy`
    );
    const expectedMax = values.sessionDuration > 3600 ? values.sessionDuration : 3600;
    assert.equal(got?.MaxSessionDuration, expectedMax, `${role.name} MaxSessionDuration`);
    const names = await client.send(new ListRolePoliciesCommand({ RoleName: role.name }));
    assert.deepEqual(names.PolicyNames, [role.policyName]);
    const policy = await client.send(
      new GetRolePolicyCommand({ RoleName: role.name, PolicyName: role.policyName })
    );
    assert.deepEqual(
      decode(policy.PolicyDocument),
      JSON.parse(files[`aws/permission-policy-${role.name}.json`] ?? ''),
      `${role.name} permission policy`
    );
  }
  iam.actions.length = 0;
  return provider;
}

async function assertEmpty(iam: Iam) {
  const roles = await iam.client.send(new ListRolesCommand({}));
  assert.deepEqual(roles.Roles ?? [], []);
  const providers = await iam.client.send(new ListOpenIDConnectProvidersCommand({}));
  assert.deepEqual(providers.OpenIDConnectProviderList ?? [], []);
}

describe(
  `generated setup.sh and cleanup.sh, real AWS CLI (${cli.version})`,
  { concurrency: true },
  () => {
    it(
      'tutorial values: setup, setup again (endpoint from AWS_ENDPOINT_URL_IAM), cleanup',
      SLOW,
      async () => {
        const iam = await startIam();
        try {
          const { files, values, setup, cleanup } = await generate('tutorial', TUTORIAL_VALUES);

          // The thumbprint is given: an AWS CLI before 2.15.38 needs one, and the issuer is not
          // reachable from here. Any CLI registers it when OIDC_THUMBPRINT is set.
          const first = await bash(setup, ['--endpoint-url', iam.url], {
            OIDC_THUMBPRINT: THUMBPRINT.toUpperCase(),
          });
          ok(first, 'first setup');
          assert.deepEqual(iam.actions.splice(0), [
            'GetOpenIDConnectProvider',
            'CreateOpenIDConnectProvider',
            'GetRole',
            'CreateRole',
            'PutRolePolicy',
            'GetRole',
            'CreateRole',
            'PutRolePolicy',
          ]);
          const provider = await assertProvisioned(iam, values, files);
          assert.deepEqual(provider.ClientIDList, [values.audience]);
          assert.deepEqual(provider.ThumbprintList, [THUMBPRINT]);

          // Second run; the endpoint comes from the variable that CLIs from 2.13.0 read themselves
          // and that the script passes on to older ones.
          const second = await bash(setup, [], { AWS_ENDPOINT_URL_IAM: iam.url });
          ok(second, 'second setup');
          assert.match(second.stdout, /OIDC provider exists: adding the audience/);
          assert.deepEqual(iam.actions.splice(0), [
            'GetOpenIDConnectProvider',
            'AddClientIDToOpenIDConnectProvider',
            'GetRole',
            'UpdateAssumeRolePolicy',
            'PutRolePolicy',
            'GetRole',
            'UpdateAssumeRolePolicy',
            'PutRolePolicy',
          ]);
          assert.deepEqual((await assertProvisioned(iam, values, files)).ClientIDList, [
            values.audience,
          ]);

          ok(await bash(cleanup, [`--endpoint-url=${iam.url}`]), 'cleanup');
          assert.deepEqual(iam.actions.splice(0), [
            'DeleteRolePolicy',
            'DeleteRole',
            'DeleteRolePolicy',
            'DeleteRole',
            'DeleteOpenIDConnectProvider',
          ]);
          await assertEmpty(iam);
        } finally {
          await iam.close();
        }
      }
    );

    it(
      'Auth0-style issuer, odd names, a matcher role and long sessions; partial state',
      SLOW,
      async () => {
        const iam = await startIam();
        try {
          const input: GeneratorInput = {
            issuer: 'my-tenant.us.auth0.com/',
            audience: "it's an audience",
            accountId: '123456789012',
            region: 'eu-central-1',
            namespace: 'mcp',
            domain: 'mcp.example.org',
            sessionDuration: 7200,
            fallbackRole: { name: 'Default+MCP=Role,v1.0@team-x', permissions: 'default' },
            roles: [
              {
                name: 'AdminMCPRole',
                matcher: '"admins" in claims["https://example.com/groups"]',
                priority: 1,
                permissions: { actions: ['ec2:Describe*'], resources: ['*'] },
                restrictSubjects: ['auth0|alice', "o'brien"],
              },
            ],
          };
          const { files, values, setup, cleanup } = await generate('auth0', input);
          assert.equal(
            values.providerArn,
            'arn:aws:iam::123456789012:oidc-provider/my-tenant.us.auth0.com/'
          );

          // An older AdminMCPRole exists with a stale trust policy and the default one-hour limit.
          const env = { state: iam.state, now: new Date() };
          createOidcProvider(env, { url: values.issuer, clientIds: ['old-audience'] });
          createRole(env, {
            roleName: 'AdminMCPRole',
            assumeRolePolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: values.providerArn },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                },
              ],
            }),
          });
          const run = await bash(setup, ['--endpoint-url', iam.url]);
          ok(run, 'setup');
          assert.match(run.stdout, /Role AdminMCPRole exists: updating its trust policy/);
          assert.ok(
            iam.actions.includes('UpdateRole'),
            'MaxSessionDuration raised for the existing role'
          );
          // The old audience stays (setup only adds); the new one is registered.
          const provider = await assertProvisioned(iam, values, files);
          assert.deepEqual(provider.ClientIDList, ['old-audience', values.audience]);

          // Someone already removed the fallback role's policy by hand: cleanup carries on.
          deleteRolePolicy(
            env,
            values.fallbackRole?.name ?? '',
            values.fallbackRole?.policyName ?? ''
          );
          const clean = await bash(cleanup, ['--endpoint-url', iam.url]);
          ok(clean, 'cleanup');
          assert.match(clean.stdout, /already gone, skipped: aws iam delete-role-policy/);
          await assertEmpty(iam);
        } finally {
          await iam.close();
        }
      }
    );

    it('stops at the first failing call (set -e) and reports the CLI error', SLOW, async () => {
      const { setup } = await generate('failing', TUTORIAL_VALUES);
      // Nothing listens on port 9: the silenced existence check fails, then the create call
      // fails loudly and the script stops there.
      const run = await bash(setup, ['--endpoint-url', 'http://127.0.0.1:9'], {
        OIDC_THUMBPRINT: THUMBPRINT,
      });
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /Could not connect to the endpoint URL/);
      assert.doesNotMatch(run.stdout, /Role DefaultMCPRole|Done/);
    });

    it(
      `no OIDC_THUMBPRINT and an unreachable IdP: ${
        cliNeedsThumbprint ? 'a clear message, nothing created' : 'no thumbprint needed'
      }`,
      SLOW,
      async () => {
        const iam = await startIam();
        try {
          const { setup } = await generate('unreachable', {
            ...TUTORIAL_VALUES,
            issuer: 'idp.example.invalid',
          });
          const run = await bash(setup, ['--endpoint-url', iam.url]);
          if (!cliNeedsThumbprint) {
            ok(run, 'setup with a CLI that needs no thumbprint');
            const [provider] = [...iam.state.oidcProviders.values()];
            assert.deepEqual(provider?.thumbprints, []);
            return;
          }
          assert.equal(run.code, 1, run.stderr);
          assert.ok(
            run.stderr.startsWith(
              `error: creating the OIDC provider for https://idp.example.invalid with AWS CLI ${cliVersion} needs a certificate thumbprint, and its discovery document could not be read (curl: (6)`
            ),
            run.stderr
          );
          assert.match(run.stderr, /Set OIDC_THUMBPRINT to the SHA-1 thumbprint/);
          assert.match(run.stderr, /or use AWS CLI 2\.15\.38 \(v1: 1\.32\.83\) or later/);
          const bad = await bash(setup, ['--endpoint-url', iam.url], {
            OIDC_THUMBPRINT: 'abc,def',
          });
          assert.equal(bad.code, 1);
          assert.match(bad.stderr, /'abc' is not a SHA-1 thumbprint \(40 hexadecimal characters\)/);
          assert.deepEqual(iam.actions, ['GetOpenIDConnectProvider', 'GetOpenIDConnectProvider']);
          await assertEmpty(iam);
        } finally {
          await iam.close();
        }
      }
    );

    it('documents its options: --help prints the header, unknown arguments exit 2', async () => {
      const { setup, cleanup } = await generate('help', TUTORIAL_VALUES);
      const help = await bash(setup, ['--help']);
      ok(help, 'help');
      assert.match(help.stdout, /^Creates the IAM side/);
      assert.match(help.stdout, /--endpoint-url URL/);
      assert.match(help.stdout, /AWS_ENDPOINT_URL_IAM/);
      assert.match(help.stdout, /OIDC_THUMBPRINT/);
      assert.doesNotMatch(help.stdout, /set -euo/);
      const unknown = await bash(cleanup, ['--frobnicate']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown argument --frobnicate/);
      const missing = await bash(cleanup, ['--endpoint-url']);
      assert.equal(missing.code, 2);
    });
  }
);

describe('the scripts check the AWS CLI version (a stand-in aws that reports one)', () => {
  const stubs = join(work, 'stubs');
  let setup = '';
  let cleanup = '';

  before(async () => {
    ({ setup, cleanup } = await generate('versions', { ...TUTORIAL_VALUES, sessionDuration: 900 }));
    // Not an AWS CLI: it prints a version, logs every other call, and answers "not found" for
    // the existence checks, so setup.sh takes its create branch.
    mkdirSync(stubs, { recursive: true });
    writeFileSync(
      join(stubs, 'aws'),
      `#!/bin/sh
if [ "$1" = --version ]; then echo "$STUB_AWS_VERSION Python/3.11.2 Linux/6"; exit 0; fi
echo "$*" >>"$STUB_AWS_LOG"
case "$2" in get-*) exit 254 ;; esac
`
    );
    chmodSync(join(stubs, 'aws'), 0o755);
  });

  async function withVersion(version: string, script: string, env: Record<string, string> = {}) {
    const log = join(stubs, `${version.replace(/\W/g, '_')}-${Object.keys(env).join('_')}.log`);
    writeFileSync(log, '');
    const run = await runCommand('bash', [script], {
      cwd: work,
      env: isolatedAwsEnv(work, {
        PATH: `${stubs}:${process.env.PATH ?? ''}`,
        STUB_AWS_VERSION: version,
        STUB_AWS_LOG: log,
        ...env,
      }),
    });
    return { run, calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
  }

  const providerCreate = (calls: string[]) =>
    calls.find((call) => call.startsWith('iam create-open-id-connect-provider')) ?? '';

  const thumbprintCases: [string, Record<string, string>, boolean][] = [
    ['aws-cli/2.9.19', { OIDC_THUMBPRINT: THUMBPRINT }, true],
    ['aws-cli/2.15.37', { OIDC_THUMBPRINT: THUMBPRINT }, true],
    ['aws-cli/2.15.38', {}, false],
    ['aws-cli/2.34.1', {}, false],
    ['aws-cli/2.34.1', { OIDC_THUMBPRINT: THUMBPRINT }, true],
    ['aws-cli/1.32.82', { OIDC_THUMBPRINT: THUMBPRINT }, true],
    ['aws-cli/1.32.83', {}, false],
    ['aws-cli/3.0.0dev1', {}, false],
  ];
  for (const [version, env, withThumbprint] of thumbprintCases) {
    it(`${version}${env.OIDC_THUMBPRINT ? ' with OIDC_THUMBPRINT' : ''}: ${withThumbprint ? 'passes' : 'no'} --thumbprint-list`, async () => {
      const { run, calls } = await withVersion(version, setup, env);
      assert.equal(run.code, 0, run.stderr);
      const create = providerCreate(calls);
      assert.match(
        create,
        /--url https:\/\/dev-123456\.okta\.com\/oauth2\/default --client-id-list toolhive-aws/
      );
      assert.equal(create.includes(`--thumbprint-list ${THUMBPRINT}`), withThumbprint, create);
      assert.equal(calls.filter((call) => call.startsWith('iam create-role')).length, 2);
    });
  }

  const endpointCases: [string, Record<string, string>, string | undefined][] = [
    ['aws-cli/2.12.9', { AWS_ENDPOINT_URL_IAM: 'http://iam.test' }, 'http://iam.test'],
    ['aws-cli/2.12.9', { AWS_ENDPOINT_URL: 'http://all.test' }, 'http://all.test'],
    [
      'aws-cli/1.28.9',
      { AWS_ENDPOINT_URL_IAM: 'http://iam.test', AWS_ENDPOINT_URL: 'http://all.test' },
      'http://iam.test',
    ],
    ['aws-cli/2.13.0', { AWS_ENDPOINT_URL_IAM: 'http://iam.test' }, undefined],
    ['aws-cli/1.29.0', { AWS_ENDPOINT_URL: 'http://all.test' }, undefined],
  ];
  for (const [version, env, passed] of endpointCases) {
    it(`${version} with ${Object.keys(env).join(' and ')}: ${passed ? `passes --endpoint-url ${passed}` : 'leaves it to the CLI'}`, async () => {
      const { run, calls } = await withVersion(version, cleanup, env);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(calls.length, 5);
      for (const call of calls) {
        if (passed) assert.ok(call.endsWith(`--endpoint-url ${passed}`), call);
        else assert.doesNotMatch(call, /--endpoint-url/);
      }
    });
  }

  it('refuses a v1 CLI too old for update-role --max-session-duration, naming its version', async () => {
    const { run, calls } = await withVersion('aws-cli/1.14.65', cleanup);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^error: cleanup\.sh needs the AWS CLI v2, or v1 1\.14\.66 or later; this is aws-cli\/1\.14\.65\. Update it: https:\/\/docs\.aws\.amazon\.com\/cli\//
    );
    assert.deepEqual(calls, []);
  });

  it('stops with the install guide when there is no aws command', async () => {
    const empty = join(work, 'no-aws-bin');
    mkdirSync(empty, { recursive: true });
    symlinkSync('/usr/bin/dirname', join(empty, 'dirname'));
    const run = await runCommand('/bin/bash', [setup], {
      cwd: work,
      env: isolatedAwsEnv(work, { PATH: empty }),
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^error: the AWS CLI is not installed or not on PATH; install it: https:\/\//
    );
  });
});

describe('read_thumbprints: the openssl path against local HTTPS servers', () => {
  let certs: ReturnType<typeof makeCaChain>;
  let issuer: HttpsTestServer;
  let jwksHost: HttpsTestServer;
  let jwksCert = '';
  let bundle = '';

  before(async () => {
    const dir = join(work, 'tls');
    mkdirSync(dir, { recursive: true });
    certs = makeCaChain(dir);
    const selfSigned = makeSelfSigned(dir, 'jwks');
    jwksCert = selfSigned.chain[0] ?? '';
    jwksHost = await startHttpsServer(selfSigned, { '/jwks': '{"keys":[]}' });
    issuer = await startHttpsServer(certs.server, {
      // Keys on the issuer's own host (one thumbprint), with escaped slashes as some IdPs write.
      '/same/.well-known/openid-configuration': (origin) =>
        JSON.stringify({ issuer: `${origin}/same`, jwks_uri: `${origin}/same/jwks` }).replaceAll(
          '/',
          '\\/'
        ),
      // Keys on another host (two thumbprints), on several lines.
      '/split/.well-known/openid-configuration': (origin) =>
        JSON.stringify({ issuer: `${origin}/split`, jwks_uri: `${jwksHost.origin}/jwks` }, null, 2),
      '/nokeys/.well-known/openid-configuration': '{"issuer":"x"}',
    });
    // curl verifies the IdP's certificate: trust the test root and the self-signed one.
    bundle = join(dir, 'bundle.pem');
    writeFileSync(bundle, certs.root + jwksCert);
  });
  after(async () => {
    await issuer.close();
    await jwksHost.close();
  });

  function readThumbprints(url: string, env: Record<string, string> = {}) {
    const script = `set -euo pipefail
cli_version=2.9.19
${readThumbprintsFunction()}
read_thumbprints "$1" >&2
printf '%s\\n' "\${thumbprints[@]}"
`;
    return runCommand('bash', ['-c', script, 'read_thumbprints', url], {
      env: { PATH: process.env.PATH ?? '', CURL_CA_BUNDLE: bundle, ...env },
    });
  }

  it('takes the top intermediate CA of the issuer host when the keys are on the same host', async () => {
    const run = await readThumbprints(`${issuer.origin}/same`);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [sha1Thumbprint(certs.intermediate)]);
    assert.notEqual(
      sha1Thumbprint(certs.intermediate),
      sha1Thumbprint(certs.server.chain[0] ?? '')
    );
  });

  it("adds the jwks_uri host's certificate when the keys are elsewhere", async () => {
    const run = await readThumbprints(`${issuer.origin}/split/`);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [
      sha1Thumbprint(certs.intermediate),
      sha1Thumbprint(jwksCert),
    ]);
  });

  it('prefers OIDC_THUMBPRINT, split at commas, without reading anything', async () => {
    const other = 'a'.repeat(40);
    const run = await readThumbprints('https://127.0.0.1:9/never', {
      OIDC_THUMBPRINT: `${THUMBPRINT}, ${other}`,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), [THUMBPRINT, other]);
  });

  const failures: [string, () => string, Record<string, string>, RegExp][] = [
    [
      'an IdP that does not answer',
      () => 'https://127.0.0.1:9',
      {},
      /its discovery document could not be read \(curl: \(7\)/,
    ],
    [
      'a discovery document without jwks_uri',
      () => `${issuer.origin}/nokeys`,
      {},
      /its discovery document names no https jwks_uri/,
    ],
    [
      'a certificate curl does not trust',
      () => `${issuer.origin}/same`,
      { CURL_CA_BUNDLE: join(work, 'tls', 'jwks.pem') },
      /its discovery document could not be read \(curl: \(60\)/,
    ],
    [
      'six thumbprints',
      () => issuer.origin,
      { OIDC_THUMBPRINT: Array(6).fill(THUMBPRINT).join(',') },
      /IAM takes one to 5 thumbprints, not 6/,
    ],
  ];
  for (const [name, url, env, says] of failures) {
    it(`stops with both ways out for ${name}`, async () => {
      const run = await readThumbprints(url(), env);
      assert.equal(run.code, 1);
      assert.match(run.stderr, says);
      assert.match(run.stderr, /Set OIDC_THUMBPRINT to the SHA-1 thumbprint/);
      assert.match(run.stderr, /AWS CLI 2\.15\.38 \(v1: 1\.32\.83\) or later/);
      assert.equal(run.stdout, '');
    });
  }
});
