// Runs the generated aws/setup.sh and aws/cleanup.sh for real (bash, set -euo pipefail) with a
// test `aws` shim on PATH that calls @aws-sdk/client-iam against a loopback IAM mock (msw
// handlers over an in-memory account), and checks the account after each run.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeArtifactFiles } from '../cli/commands/policy';
import { installAwsCliShim } from '../../test/awsCliBin';
import { startIamMockServer, type IamMockServer } from '../../test/iamMockServer';
import { generateArtifacts } from './generateArtifacts';
import { TUTORIAL_VALUES } from './tutorialValues';
import type { ArtifactFiles, GeneratorInput, GeneratorValues } from './types';

const work = mkdtempSync(join(tmpdir(), 'policy-scripts-'));
let bin = '';

before(async () => {
  bin = await installAwsCliShim(work);
});
after(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bash <script> …` from the work directory (not the script's), with the shim on PATH. */
function bash(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_'))
  );
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script, ...args],
      {
        cwd: work,
        env: {
          ...clean,
          PATH: `${bin}:${process.env.PATH ?? ''}`,
          AWS_ACCESS_KEY_ID: 'AKIDSHIMTEST',
          AWS_SECRET_ACCESS_KEY: 'shim-test-secret',
          AWS_EC2_METADATA_DISABLED: 'true',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

async function generate(name: string, input: GeneratorInput) {
  const result = generateArtifacts(input);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  const dir = join(work, name);
  await writeArtifactFiles(dir, result.files);
  return {
    files: result.files,
    values: result.values,
    setup: join(name, 'aws', 'setup.sh'),
    cleanup: join(name, 'aws', 'cleanup.sh'),
  };
}

/** The account holds exactly the provider and roles the files describe. */
function assertProvisioned(iam: IamMockServer, values: GeneratorValues, files: ArtifactFiles) {
  const { state } = iam.model;
  assert.deepEqual([...state.oidcProviders.keys()], [values.providerArn]);
  const provider = state.oidcProviders.get(values.providerArn);
  assert.equal(
    provider?.url,
    values.issuer,
    'registered URL is the issuer, character for character'
  );
  assert.ok(provider?.clientIds.includes(values.audience), 'the audience is a client ID');
  const roles = [...(values.fallbackRole ? [values.fallbackRole] : []), ...values.roles];
  assert.deepEqual(
    [...state.roles.values()].map((role) => role.roleName).sort(),
    roles.map((role) => role.name).sort()
  );
  for (const role of roles) {
    const stored = state.findRole(role.name);
    assert.ok(stored, role.name);
    assert.equal(stored.arn, role.arn);
    assert.deepEqual(
      JSON.parse(stored.assumeRolePolicyDocument),
      JSON.parse(files[`aws/trust-policy-${role.name}.json`] ?? ''),
      `${role.name} trust policy`
    );
    assert.deepEqual([...stored.inlinePolicies.keys()], [role.policyName]);
    assert.deepEqual(
      JSON.parse(stored.inlinePolicies.get(role.policyName) ?? ''),
      JSON.parse(files[`aws/permission-policy-${role.name}.json`] ?? ''),
      `${role.name} permission policy`
    );
    const expectedMax = values.sessionDuration > 3600 ? values.sessionDuration : 3600;
    assert.equal(stored.maxSessionDuration, expectedMax, `${role.name} MaxSessionDuration`);
  }
}

const ok = (run: Run, what: string) =>
  assert.equal(run.code, 0, `${what} failed:\n${run.stdout}\n${run.stderr}`);

describe('generated setup.sh and cleanup.sh against an IAM mock', { concurrency: true }, () => {
  it('tutorial values: setup, setup again (idempotent), cleanup', async () => {
    const iam = await startIamMockServer();
    try {
      const { files, values, setup, cleanup } = await generate('tutorial', TUTORIAL_VALUES);

      ok(await bash(setup, ['--endpoint-url', iam.url]), 'first setup');
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
      assertProvisioned(iam, values, files);
      assert.deepEqual(iam.model.state.oidcProviders.get(values.providerArn)?.clientIds, [
        values.audience,
      ]);

      // Second run, endpoint from the environment variable the AWS CLI honours.
      ok(await bash(setup, [], { AWS_ENDPOINT_URL_IAM: iam.url }), 'second setup');
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
      assertProvisioned(iam, values, files);

      ok(await bash(cleanup, [`--endpoint-url=${iam.url}`]), 'cleanup');
      assert.deepEqual(iam.actions.splice(0), [
        'DeleteRolePolicy',
        'DeleteRole',
        'DeleteRolePolicy',
        'DeleteRole',
        'DeleteOpenIDConnectProvider',
      ]);
      assert.equal(iam.model.state.roles.size, 0);
      assert.equal(iam.model.state.oidcProviders.size, 0);
    } finally {
      await iam.close();
    }
  });

  it('Auth0-style issuer, odd names, a matcher role and long sessions; partial state', async () => {
    const iam = await startIamMockServer();
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
      iam.model.createOpenIDConnectProvider(values.issuer, ['old-audience']);
      iam.model.createRole(
        'AdminMCPRole',
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: values.providerArn },
              Action: 'sts:AssumeRoleWithWebIdentity',
            },
          ],
        })
      );
      const run = await bash(setup, ['--endpoint-url', iam.url]);
      ok(run, 'setup');
      assert.match(run.stdout, /Role AdminMCPRole exists: updating its trust policy/);
      assert.ok(
        iam.actions.includes('UpdateRole'),
        'MaxSessionDuration raised for the existing role'
      );
      // The old audience stays (setup only adds); the new one is registered.
      const provider = iam.model.state.oidcProviders.get(values.providerArn);
      assert.deepEqual(provider?.clientIds, ['old-audience', values.audience]);
      assertProvisioned(iam, values, files);

      // Someone already removed the fallback role's policy by hand: cleanup carries on.
      iam.model.deleteRolePolicy(
        values.fallbackRole?.name ?? '',
        values.fallbackRole?.policyName ?? ''
      );
      const clean = await bash(cleanup, ['--endpoint-url', iam.url]);
      ok(clean, 'cleanup');
      assert.match(clean.stdout, /already gone, skipped: aws iam delete-role-policy/);
      assert.equal(iam.model.state.roles.size, 0);
      assert.equal(iam.model.state.oidcProviders.size, 0);
    } finally {
      await iam.close();
    }
  });

  it('stops at the first failing call (set -e) and reports the CLI error', async () => {
    {
      const { setup } = await generate('failing', TUTORIAL_VALUES);
      // Nothing listens on port 9: the silenced existence check fails, then the create call
      // fails loudly and the script stops there.
      const run = await bash(setup, ['--endpoint-url', 'http://127.0.0.1:9']);
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, /ECONNREFUSED|connect/i);
      assert.doesNotMatch(run.stdout, /Role DefaultMCPRole|Done/);
    }
  });

  it('documents its options: --help prints the header, unknown arguments exit 2', async () => {
    const { setup, cleanup } = await generate('help', TUTORIAL_VALUES);
    const help = await bash(setup, ['--help']);
    ok(help, 'help');
    assert.match(help.stdout, /^Creates the IAM side/);
    assert.match(help.stdout, /--endpoint-url URL/);
    assert.match(help.stdout, /AWS_ENDPOINT_URL_IAM/);
    assert.doesNotMatch(help.stdout, /set -euo/);
    const unknown = await bash(cleanup, ['--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown argument --frobnicate/);
    const missing = await bash(cleanup, ['--endpoint-url']);
    assert.equal(missing.code, 2);
  });
});
