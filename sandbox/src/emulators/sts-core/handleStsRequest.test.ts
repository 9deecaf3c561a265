// The STS core against a fixed clock and a local JWKS: every refusal in AWS's order, AWS's wire
// shapes and messages, the explanation, and what a successful call stores in the account.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { JWTPayload } from 'jose';
import type { AccountState } from '../state';
import { createSigningKey, localKeySet, signToken } from '../token-issuer';
import type { SigningKey } from '../token-issuer';
import { handleStsRequest } from './handleStsRequest';
import { KEY_UNAVAILABLE, NOT_AUTHORIZED } from './stsFaults';
import type { ResolveJwks, StsResponse } from './types';
import { accountTrusting, AUDIENCE, ROLE_ID } from '../../../test/support/accounts';

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const ISSUER = 'https://idp.example.com/oauth2/default';
const ROLE = 'S3ReadOnlyMCPRole';

let signer: SigningKey;
let impostor: SigningKey;
let es256: SigningKey;

before(async () => {
  signer = await createSigningKey('k1', 'RS256');
  impostor = await createSigningKey('k1', 'RS256');
  es256 = await createSigningKey('e1', 'ES256');
});

function account(options: { subjects?: string[]; maxSessionDuration?: number } = {}): {
  state: AccountState;
  roleArn: string;
} {
  const state = accountTrusting(ISSUER, {
    roles: [{ name: ROLE, ...(options.subjects ? { restrictSubjects: options.subjects } : {}) }],
    ...(options.maxSessionDuration ? { sessionDuration: options.maxSessionDuration } : {}),
  });
  return { state, roleArn: state.roleArn(ROLE) };
}

const claims = (over: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  sub: 'alice',
  aud: AUDIENCE,
  iat: NOW_S - 60,
  exp: NOW_S + 600,
  ...over,
});

interface Call {
  params?: Record<string, string | undefined>;
  token?: string;
  state?: AccountState;
  resolveJwks?: ResolveJwks;
  subjects?: string[];
  maxSessionDuration?: number;
}

async function call(c: Call = {}): Promise<{ res: StsResponse; state: AccountState }> {
  const acct = account({ subjects: c.subjects, maxSessionDuration: c.maxSessionDuration });
  const state = c.state ?? acct.state;
  const form = new URLSearchParams();
  const params: Record<string, string | undefined> = {
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: acct.roleArn,
    RoleSessionName: 'alice',
    WebIdentityToken: c.token ?? (await signToken(signer, claims())),
    DurationSeconds: '900',
    ...c.params,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, v);
  const res = await handleStsRequest(
    { method: 'POST', body: form.toString() },
    { state, resolveJwks: c.resolveJwks ?? (() => localKeySet([signer, es256])), now: NOW }
  );
  return { res, state };
}

function errorOf(body: string): { type?: string; code?: string; message?: string } {
  const pick = (tag: string): string | undefined =>
    new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body)?.[1];
  return { type: pick('Type'), code: pick('Code'), message: pick('Message') };
}

describe('handleStsRequest refusals', () => {
  const cases: {
    name: string;
    call: () => Promise<Call>;
    status: number;
    code: string;
    step: string;
    message?: string | RegExp;
    detail?: RegExp;
  }[] = [
    {
      name: 'no Action',
      call: async () => ({ params: { Action: undefined } }),
      status: 400,
      code: 'MissingAction',
      step: 'request',
    },
    {
      name: 'an action the emulator does not implement',
      call: async () => ({ params: { Action: 'AssumeRole' } }),
      status: 400,
      code: 'InvalidAction',
      step: 'request',
      message: 'Could not find operation AssumeRole for version 2011-06-15',
    },
    {
      name: 'no Version',
      call: async () => ({ params: { Version: undefined } }),
      status: 400,
      code: 'InvalidAction',
      step: 'request',
      message:
        'Could not find operation AssumeRoleWithWebIdentity for version NO_VERSION_SPECIFIED',
    },
    {
      name: 'all required members missing',
      call: async () => ({
        params: { RoleArn: undefined, RoleSessionName: undefined, WebIdentityToken: undefined },
      }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        "3 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null; Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null",
    },
    {
      name: 'a session name with a character STS refuses',
      call: async () => ({ params: { RoleSessionName: 'auth0|alice' } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        "1 validation error detected: Value 'auth0|alice' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      detail:
        /ToolHive rejects this name before calling STS: invalid session name: contains invalid characters/,
    },
    {
      name: 'a session name of 65 characters',
      call: async () => ({ params: { RoleSessionName: 's'.repeat(65) } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        /at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64$/,
    },
    {
      name: 'DurationSeconds below 900',
      call: async () => ({ params: { DurationSeconds: '899' } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    },
    {
      name: 'DurationSeconds above 43200',
      call: async () => ({ params: { DurationSeconds: '43201' } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message: /Member must have value less than or equal to 43200$/,
    },
    {
      name: 'a RoleArn shorter than 20 characters',
      call: async () => ({ params: { RoleArn: 'arn:aws:iam::1:r' } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        /Value 'arn:aws:iam::1:r' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20$/,
    },
    {
      name: 'a token shorter than 4 characters (value not echoed)',
      call: async () => ({ token: 'abc' }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message:
        "1 validation error detected: Value '***' at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    },
    {
      name: 'a session policy',
      call: async () => ({ params: { Policy: '{}' } }),
      status: 400,
      code: 'ValidationError',
      step: 'request',
      message: /not supported by the local STS emulator/,
    },
    {
      name: 'a token that is not a JWT',
      call: async () => ({ token: 'not-a-jwt-at-all' }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'token',
      detail: /not a decodable JWT/,
    },
    {
      name: 'a token with a fractional exp',
      call: async () => ({ token: await signToken(signer, claims({ exp: NOW_S + 600.5 })) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'token',
      detail: /exp claim is .*integer seconds/,
    },
    {
      name: 'a token without sub',
      call: async () => ({ token: await signToken(signer, claims({ sub: undefined })) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'token',
      detail: /no sub/,
    },
    {
      name: 'an issuer with no registered provider (trailing slash differs)',
      call: async () => ({ token: await signToken(signer, claims({ iss: `${ISSUER}/` })) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'provider',
      message: `No OpenIDConnect provider found in your account for ${ISSUER}/`,
    },
    {
      name: 'an audience the provider does not list',
      call: async () => ({ token: await signToken(signer, claims({ aud: 'api://default' })) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'audience',
      message: 'Incorrect token audience',
      detail: /\["api:\/\/default"\] is not in the provider's client ID list \["toolhive-aws"\]/,
    },
    {
      name: 'a signature made with another key under the same kid',
      call: async () => ({ token: await signToken(impostor, claims()) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'signature',
      detail: /signature does not verify/,
    },
    {
      name: 'a kid the JWKS does not have',
      call: async () => ({ token: await signToken(signer, claims(), { kid: 'rotated-away' }) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'signature',
      message: KEY_UNAVAILABLE,
      detail: /no RS256 key with kid "rotated-away"/,
    },
    {
      name: 'an algorithm STS does not accept (PS256)',
      call: async () => {
        const ps = await createSigningKey('p1', 'PS256');
        return { token: await signToken(ps, claims()), resolveJwks: () => localKeySet([ps]) };
      },
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'signature',
      detail: /signed with "PS256"; STS accepts only RS256/,
    },
    {
      name: 'an IdP whose JWKS cannot be fetched',
      call: async () => ({
        resolveJwks: () => {
          throw new Error('connect ECONNREFUSED');
        },
      }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'signature',
      message: KEY_UNAVAILABLE,
      detail: /ECONNREFUSED/,
    },
    {
      name: 'a token expired more than 5 minutes ago',
      call: async () => ({ token: await signToken(signer, claims({ exp: NOW_S - 301 })) }),
      status: 400,
      code: 'ExpiredTokenException',
      step: 'expiry',
      message: `Token expired: current date/time ${NOW_S} must be before the expiration date/time ${NOW_S - 301}`,
    },
    {
      name: 'a token not valid for another 10 minutes',
      call: async () => ({ token: await signToken(signer, claims({ nbf: NOW_S + 600 })) }),
      status: 400,
      code: 'InvalidIdentityToken',
      step: 'expiry',
      message: /not yet valid/,
    },
    {
      name: 'a role that does not exist',
      call: async () => ({ params: { RoleArn: 'arn:aws:iam::123456789012:role/NoSuchRole' } }),
      status: 403,
      code: 'AccessDenied',
      step: 'role',
      message: NOT_AUTHORIZED,
    },
    {
      name: 'a trust policy that only admits other subjects',
      call: async () => ({ subjects: ['bob'] }),
      status: 403,
      code: 'AccessDenied',
      step: 'trustPolicy',
      message: NOT_AUTHORIZED,
      detail: /idp\.example\.com\/oauth2\/default:sub: request value "alice" ≠ "bob"/,
    },
    {
      name: 'DurationSeconds above the role maximum',
      call: async () => ({ params: { DurationSeconds: '7200' } }),
      status: 400,
      code: 'ValidationError',
      step: 'duration',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const input = await c.call();
      const { res, state } = await call(input);
      assert.equal(res.status, c.status);
      assert.equal(res.headers['Content-Type'], 'text/xml');
      assert.match(res.headers['x-amzn-RequestId'] ?? '', /^[0-9a-f-]{36}$/);
      assert.match(
        res.body,
        /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/
      );
      assert.match(
        res.body,
        new RegExp(`<RequestId>${res.headers['x-amzn-RequestId']}</RequestId>`)
      );
      const error = errorOf(res.body);
      assert.equal(error.type, 'Sender');
      assert.equal(error.code, c.code);
      assert.equal(res.explain.outcome, c.code);
      assert.equal(res.explain.step, c.step);
      const message = (error.message ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
      if (typeof c.message === 'string') assert.equal(message, c.message);
      else if (c.message) assert.match(message, c.message);
      if (c.detail) assert.match(res.explain.detail, c.detail);
      assert.equal(state.credentials.size, 0, 'a refusal issues nothing');
      if (input.token && input.token.length > 10) {
        assert.ok(!res.body.includes(input.token), 'the token never appears in the answer');
        assert.ok(!JSON.stringify(res.explain).includes(input.token), 'nor in the explanation');
      }
    });
  }

  it('explains a trust-policy refusal with the evaluator trace while the wire stays terse', async () => {
    const acct = account();
    acct.state.oidcProviders.values().next().value?.clientIds.push('other-aud');
    const token = await signToken(signer, claims({ aud: 'other-aud' }));
    const { res } = await call({ state: acct.state, token });
    assert.equal(res.status, 403);
    assert.equal(errorOf(res.body).message, NOT_AUTHORIZED);
    assert.ok(!res.body.includes('toolhive-aws'), 'the policy is not leaked');
    assert.equal(res.explain.trust?.evaluation.allowed, false);
    assert.deepEqual(res.explain.trust?.principal, {
      type: 'Federated',
      id: 'arn:aws:iam::123456789012:oidc-provider/idp.example.com/oauth2/default',
    });
    assert.equal(res.explain.trust?.context['idp.example.com/oauth2/default:aud'], 'other-aud');
    assert.match(
      res.explain.detail,
      /Condition StringEquals idp\.example\.com\/oauth2\/default:aud: request value "other-aud" ≠ "toolhive-aws" → false/
    );
  });
});

describe('handleStsRequest success', () => {
  it('issues ASIA credentials, answers STS XML and remembers them', async () => {
    const { res, state } = await call();
    assert.equal(res.status, 200);
    assert.equal(res.explain.outcome, 'Issued');
    const pick = (tag: string): string =>
      new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(res.body)?.[1] ?? '';
    assert.match(
      res.body,
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/
    );
    assert.match(pick('AccessKeyId'), /^ASIA[A-Z0-9]{16}$/);
    assert.match(pick('SecretAccessKey'), /^[A-Za-z0-9+/]{40}$/);
    assert.ok(pick('SessionToken').length > 100);
    assert.equal(pick('Expiration'), '2026-03-01T12:15:00Z');
    assert.equal(pick('Arn'), `arn:aws:sts::123456789012:assumed-role/${ROLE}/alice`);
    assert.equal(pick('AssumedRoleId'), `${ROLE_ID}:alice`);
    assert.equal(pick('SubjectFromWebIdentityToken'), 'alice');
    assert.equal(pick('Audience'), AUDIENCE);
    assert.equal(
      pick('Provider'),
      'arn:aws:iam::123456789012:oidc-provider/idp.example.com/oauth2/default'
    );
    const stored = state.findCredentials(pick('AccessKeyId'));
    assert.equal(stored?.secretAccessKey, pick('SecretAccessKey'));
    assert.equal(stored?.sessionToken, pick('SessionToken'));
    assert.equal(stored?.roleArn, `arn:aws:iam::123456789012:role/${ROLE}`);
    assert.equal(stored?.expiration.toISOString(), '2026-03-01T12:15:00.000Z');
    assert.equal(stored?.subject, 'alice');
    assert.equal(stored?.issuer, ISSUER);
    assert.equal(stored?.audience, AUDIENCE);
  });

  const accepted: { name: string; call: () => Promise<Call>; check?: (body: string) => void }[] = [
    {
      name: 'a token expired exactly 5 minutes ago (clock skew)',
      call: async () => ({ token: await signToken(signer, claims({ exp: NOW_S - 300 })) }),
    },
    {
      name: 'DurationSeconds omitted → 3600',
      call: async () => ({ params: { DurationSeconds: undefined } }),
      check: (body) => assert.match(body, /<Expiration>2026-03-01T13:00:00Z<\/Expiration>/),
    },
    {
      name: 'an aud list that contains a registered client ID',
      call: async () => ({ token: await signToken(signer, claims({ aud: ['other', AUDIENCE] })) }),
      check: (body) => assert.match(body, /<Audience>toolhive-aws<\/Audience>/),
    },
    {
      name: 'an ES256 token',
      call: async () => ({ token: await signToken(es256, claims()) }),
    },
    {
      name: 'a token without kid verified against a JWKS with several keys',
      call: async () => ({
        token: await signToken(signer, claims(), { kid: undefined }),
        resolveJwks: () => localKeySet([impostor, signer]),
      }),
    },
    {
      name: 'a subject on the trust policy allow list',
      call: async () => ({ subjects: ['bob', 'alice'] }),
    },
    {
      name: 'a duration equal to the role maximum',
      call: async () => ({ params: { DurationSeconds: '43200' }, maxSessionDuration: 43200 }),
    },
    {
      name: 'a subject with XML metacharacters, escaped',
      call: async () => ({ token: await signToken(signer, claims({ sub: `a<b>&"c'` })) }),
      check: (body) =>
        assert.match(
          body,
          /<SubjectFromWebIdentityToken>a&lt;b&gt;&amp;&quot;c&apos;<\/SubjectFromWebIdentityToken>/
        ),
    },
  ];
  for (const c of accepted) {
    it(`accepts ${c.name}`, async () => {
      const { res } = await call(await c.call());
      assert.equal(res.status, 200, res.explain.detail);
      c.check?.(res.body);
    });
  }

  it('reads the parameters in any order, and from a GET query string', async () => {
    const acct = account();
    const token = await signToken(signer, claims());
    const fields = [
      ['RoleArn', acct.roleArn],
      ['WebIdentityToken', token],
      ['RoleSessionName', 'alice'],
      ['Version', '2011-06-15'],
      ['Action', 'AssumeRoleWithWebIdentity'],
    ];
    const env = { state: acct.state, resolveJwks: () => localKeySet([signer]), now: NOW };
    const post = await handleStsRequest(
      { method: 'POST', body: new URLSearchParams(fields).toString() },
      env
    );
    assert.equal(post.status, 200, post.explain.detail);
    const get = await handleStsRequest(
      { method: 'GET', body: '', url: `/?${new URLSearchParams(fields.reverse()).toString()}` },
      env
    );
    assert.equal(get.status, 200, get.explain.detail);
    assert.equal(acct.state.credentials.size, 2);
  });
});
