// The whole replica in-process on free ports, driven by real clients: the MCP SDK through the
// proxy with tokens from the local IdP, SigV4 straight to the AWS MCP emulator, AWS SDK clients.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { createOidcProvider, getAccessToken } from '../emulators/oidc';
import type { OidcProviderHandle } from '../emulators/oidc';
import { createSignedFetch } from '../emulators/aws-mcp';
import { DUMMY_CREDENTIALS } from './registerWithIam';
import { startReplica, type Replica } from './startReplica';
import {
  callTool,
  connectWithToken,
  INITIALIZE_BODY,
  postInitialize,
  SCRIPTS,
} from '../../test/support/mcpClient';

let replica: Replica;
const clients: Client[] = [];
const tokens: Record<string, string> = {};

before(async () => {
  replica = await startReplica({ port: 0 });
  for (const user of ['alice', 'bob', 'carol']) {
    tokens[user] = await getAccessToken({ issuer: replica.urls.issuer, user });
  }
});

after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await replica.close();
});

async function client(user: string): Promise<Client> {
  const connected = await connectWithToken(replica.urls.proxy, tokens[user] ?? '');
  clients.push(connected);
  return connected;
}

describe('the replica on free ports', () => {
  it('listens on loopback only, with the URLs it reports', () => {
    for (const url of Object.values(replica.urls)) {
      assert.equal(new URL(url).hostname, '127.0.0.1');
    }
    assert.match(replica.urls.proxy, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.match(replica.urls.upstream, /\/mcp$/);
    assert.equal(replica.urls.issuer, `http://127.0.0.1:${replica.ports.oidc}`);
    assert.equal(new Set(Object.values(replica.ports)).size, 5);
  });

  it('runs the ToolHive mode by default: no credential cache, no throttling', () => {
    assert.deepEqual([replica.mode, replica.cache, replica.throttle], ['toolhive', false, false]);
  });

  it('runs the tutorial configuration and describes the demo users', () => {
    assert.equal(replica.source, 'tutorial');
    assert.deepEqual(
      replica.roles.map((role) => role.name),
      ['DefaultMCPRole', 'S3ReadOnlyMCPRole']
    );
    const byName = Object.fromEntries(replica.users.map((user) => [user.name, user]));
    assert.equal(byName.alice?.roleArn, 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole');
    assert.equal(byName.bob?.roleArn, 'arn:aws:iam::123456789012:role/DefaultMCPRole');
    assert.equal(byName.bob?.fallback, true);
    assert.equal(byName.carol?.refusal, '401 Invalid session name');
  });
});

describe('MCP SDK client through the proxy', () => {
  it('alice gets S3ReadOnlyMCPRole and lists example-bucket', async () => {
    const alice = await client('alice');
    const whoami = await callTool(alice, 'aws___call_aws', {
      cli_command: 'aws sts get-caller-identity',
    });
    assert.equal(whoami.isError, false, whoami.text);
    assert.match(whoami.text, /arn:aws:sts::123456789012:assumed-role\/S3ReadOnlyMCPRole\/alice/);
    const listing = await callTool(alice, 'aws___call_aws', {
      cli_command: 'aws s3api list-objects-v2 --bucket example-bucket',
    });
    assert.equal(listing.isError, false, listing.text);
    assert.match(listing.text, /reports\/2026-q1\.csv/);
  });

  it("runs the tutorial's call-whoami.json and call-list-buckets.json for alice", async () => {
    const alice = await client('alice');
    const whoami = await callTool(alice, 'aws___run_script', { code: SCRIPTS.whoami });
    assert.match(whoami.text, /assumed-role\/S3ReadOnlyMCPRole\/alice/);
    const buckets = await callTool(alice, 'aws___run_script', { code: SCRIPTS.listBuckets });
    assert.equal(buckets.isError, false, buckets.text);
    assert.match(buckets.text, /example-bucket/);
  });

  it('bob gets DefaultMCPRole and AccessDenied on the listing', async () => {
    const bob = await client('bob');
    const whoami = await callTool(bob, 'aws___run_script', { code: SCRIPTS.whoami });
    assert.equal(whoami.isError, false, whoami.text);
    assert.match(whoami.text, /assumed-role\/DefaultMCPRole\/bob/);
    const listing = await callTool(bob, 'aws___call_aws', {
      cli_command: 'aws s3api list-objects-v2 --bucket example-bucket',
    });
    assert.equal(listing.isError, true);
    assert.match(listing.text, /AccessDenied/);
    assert.match(listing.text, /DefaultMCPRole\/bob is not authorized to perform: s3:ListBucket/);
  });

  it('carol is refused with 401 Invalid session name, no challenge (ToolHive)', async () => {
    const response = await postInitialize(replica.urls.proxy, tokens.carol);
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), null);
    assert.equal(await response.text(), 'Invalid session name\n');
    await assert.rejects(
      connectWithToken(replica.urls.proxy, tokens.carol ?? ''),
      /401|Invalid session name/
    );
  });
});

/** A token for alice from a second local IdP: another issuer, another audience, other keys. */
async function strangerToken(other: OidcProviderHandle): Promise<string> {
  return getAccessToken({ issuer: other.issuer, user: 'alice' });
}

/** A token that claims the replica's issuer but is signed by an impostor's keys. */
async function impostorToken(): Promise<string> {
  const impostor = createOidcProvider({ issuer: replica.urls.issuer, audience: 'another-app' });
  const { port } = await impostor.listen(0, '127.0.0.1');
  try {
    // The impostor claims the replica's issuer; fetch its endpoints on its own port.
    const redirected: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (url.port === String(replica.ports.oidc)) url.port = String(port);
      return fetch(url, init);
    };
    return await getAccessToken({ issuer: replica.urls.issuer, user: 'alice', fetch: redirected });
  } finally {
    await impostor.close();
  }
}

describe('tokens the proxy refuses (ToolHive mode, the default)', () => {
  let otherIdp: OidcProviderHandle;
  before(async () => {
    otherIdp = createOidcProvider({ audience: 'another-app' });
    await otherIdp.listen(0, '127.0.0.1');
  });
  after(() => otherIdp.close());

  it('no token: 401 invalid_request, the challenge with realm and resource_metadata', async () => {
    const response = await postInitialize(replica.urls.proxy);
    assert.equal(response.status, 401);
    assert.equal(
      response.headers.get('www-authenticate'),
      `Bearer realm="${replica.urls.issuer}", resource_metadata="http://127.0.0.1:${replica.ports.proxy}/.well-known/oauth-protected-resource/mcp", error="invalid_request", error_description="authorization header required"`
    );
    assert.equal(
      await response.text(),
      '{"error":"invalid_request","error_description":"authorization header required"}'
    );
  });

  it('a token from another local issuer: 401 invalid_token naming the unknown key', async () => {
    const response = await postInitialize(replica.urls.proxy, await strangerToken(otherIdp));
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.match(
      await response.text(),
      /^\{"error":"invalid_token","error_description":"Invalid token: failed to parse token: token is unverifiable: error while executing keyfunc: key ID \S+ not found in JWKS"\}$/
    );
  });

  it("a token with the replica's issuer but another provider's keys: 401 invalid_token", async () => {
    const response = await postInitialize(replica.urls.proxy, await impostorToken());
    assert.equal(response.status, 401);
    assert.match(await response.text(), /"error":"invalid_token".*not found in JWKS/);
  });

  it('the local IdP issues no token for another audience', async () => {
    await assert.rejects(
      getAccessToken({ issuer: replica.urls.issuer, user: 'alice', audience: 'another-app' }),
      /invalid_target/
    );
  });
});

describe('tokens the proxy refuses (enhanced mode)', () => {
  let enhanced: Replica;
  let otherIdp: OidcProviderHandle;
  before(async () => {
    enhanced = await startReplica({ port: 0, mode: 'enhanced' });
    otherIdp = createOidcProvider({ audience: 'another-app' });
    await otherIdp.listen(0, '127.0.0.1');
  });
  after(async () => {
    await otherIdp.close();
    await enhanced.close();
  });

  it('runs with the credential cache', () => {
    assert.deepEqual([enhanced.mode, enhanced.cache], ['enhanced', true]);
  });

  it('no token: 401 with WWW-Authenticate pointing at the protected resource metadata', async () => {
    const response = await postInitialize(enhanced.urls.proxy);
    assert.equal(response.status, 401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    assert.match(challenge, /^Bearer /);
    assert.match(
      challenge,
      /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource/
    );
    assert.equal(await response.text(), 'Authentication required\n');
  });

  it('a token for another audience from another local issuer: 401 invalid_token', async () => {
    const response = await postInitialize(enhanced.urls.proxy, await strangerToken(otherIdp));
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.match(await response.text(), /Invalid bearer token/);
  });

  it('carol is refused with 401 Invalid session name and a challenge', async () => {
    const token = await getAccessToken({ issuer: enhanced.urls.issuer, user: 'carol' });
    const response = await postInitialize(enhanced.urls.proxy, token);
    assert.equal(response.status, 401);
    assert.match(response.headers.get('www-authenticate') ?? '', /Invalid session name/);
    assert.equal(await response.text(), 'Invalid session name\n');
  });
});

describe('SigV4 straight to the AWS MCP Server emulator', () => {
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  const sts = (): STSClient =>
    new STSClient({ region: 'us-east-1', endpoint: replica.urls.sts, maxAttempts: 1 });

  before(async () => {
    const client = sts();
    const out = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole',
        RoleSessionName: 'alice',
        WebIdentityToken: tokens.alice,
        DurationSeconds: 900,
      })
    );
    client.destroy();
    credentials = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretAccessKey ?? '',
      sessionToken: out.Credentials?.SessionToken ?? '',
    };
  });

  it('accepts a request signed with the credentials STS issued', async () => {
    const signed = createSignedFetch({ credentials, region: 'us-east-1' });
    const response = await signed(replica.urls.upstream, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: INITIALIZE_BODY,
    });
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  it('refuses a forged signature (wrong secret) with 403 InvalidSignatureException', async () => {
    const forged = createSignedFetch({
      credentials: { ...credentials, secretAccessKey: 'not-the-secret' },
      region: 'us-east-1',
    });
    const response = await forged(replica.urls.upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: INITIALIZE_BODY,
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    await response.body?.cancel();
  });

  it('refuses an unsigned request and one signed by unknown keys with 403', async () => {
    const unsigned = await postInitialize(replica.urls.upstream);
    assert.equal(unsigned.status, 403);
    assert.equal(unsigned.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    await unsigned.body?.cancel();
    const stranger = createSignedFetch({
      credentials: { ...DUMMY_CREDENTIALS, sessionToken: 'x' },
      region: 'us-east-1',
    });
    const response = await stranger(replica.urls.upstream, {
      method: 'POST',
      body: INITIALIZE_BODY,
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-amzn-errortype'), 'UnrecognizedClientException');
    await response.body?.cancel();
  });

  it('refuses a request replayed after the credentials expired with 403', async () => {
    const captured: { url: string; init: RequestInit }[] = [];
    const capture: typeof fetch = (input, init = {}) => {
      captured.push({ url: input.toString(), init });
      return fetch(input, init);
    };
    const signed = createSignedFetch({ credentials, region: 'us-east-1', fetch: capture });
    const first = await signed(replica.urls.upstream, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: INITIALIZE_BODY,
    });
    assert.equal(first.status, 200);
    await first.body?.cancel();
    const issued = replica.state.findCredentials(credentials.accessKeyId);
    assert.ok(issued);
    issued.expiration = new Date(Date.now() - 1000);
    const [request] = captured;
    assert.ok(request);
    const replayed = await fetch(request.url, request.init);
    assert.equal(replayed.status, 403);
    assert.equal(replayed.headers.get('x-amzn-errortype'), 'ExpiredTokenException');
    await replayed.body?.cancel();
  });
});

describe('AWS SDK clients against the emulators', () => {
  it('@aws-sdk/client-iam reads what start-up registered', async () => {
    const iam = new IAMClient({
      region: 'us-east-1',
      endpoint: replica.urls.iam,
      credentials: DUMMY_CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const roles = await iam.send(new ListRolesCommand({}));
      assert.deepEqual(
        roles.Roles?.map((role) => role.RoleName),
        ['DefaultMCPRole', 'S3ReadOnlyMCPRole']
      );
      const role = await iam.send(new GetRoleCommand({ RoleName: 'S3ReadOnlyMCPRole' }));
      const trust = JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')) as {
        Statement: { Principal: { Federated: string }; Condition: unknown }[];
      };
      const hostPath = `127.0.0.1:${replica.ports.oidc}`;
      assert.equal(
        trust.Statement[0]?.Principal.Federated,
        `arn:aws:iam::123456789012:oidc-provider/${hostPath}`
      );
      assert.deepEqual(trust.Statement[0]?.Condition, {
        StringEquals: { [`${hostPath}:aud`]: 'toolhive-aws' },
      });
      const policy = await iam.send(
        new GetRolePolicyCommand({
          RoleName: 'S3ReadOnlyMCPRole',
          PolicyName: 'S3ReadOnlyMCPPermissions',
        })
      );
      assert.match(decodeURIComponent(policy.PolicyDocument ?? ''), /s3:ListBucket/);
      const provider = await iam.send(
        new GetOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::123456789012:oidc-provider/${hostPath}`,
        })
      );
      assert.deepEqual(provider.ClientIDList, ['toolhive-aws']);
    } finally {
      iam.destroy();
    }
  });

  it('@aws-sdk/client-sts gets credentials for bob, and AccessDenied for a role that does not exist', async () => {
    const client = new STSClient({
      region: 'us-east-1',
      endpoint: replica.urls.sts,
      maxAttempts: 1,
    });
    try {
      const out = await client.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::123456789012:role/DefaultMCPRole',
          RoleSessionName: 'bob',
          WebIdentityToken: tokens.bob,
        })
      );
      assert.equal(
        out.AssumedRoleUser?.Arn,
        'arn:aws:sts::123456789012:assumed-role/DefaultMCPRole/bob'
      );
      assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA/);
      assert.equal(out.SubjectFromWebIdentityToken, 'bob');
      await assert.rejects(
        client.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: 'arn:aws:iam::123456789012:role/NoSuchRole',
            RoleSessionName: 'bob',
            WebIdentityToken: tokens.bob,
          })
        ),
        (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
          assert.equal(error.name, 'AccessDenied');
          assert.equal(error.$metadata?.httpStatusCode, 403);
          return true;
        }
      );
    } finally {
      client.destroy();
    }
  });
});
