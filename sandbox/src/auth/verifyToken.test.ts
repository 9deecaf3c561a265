// Every way an inbound token can be refused, one table, against a real issuer on 127.0.0.1:0;
// each case also asserts how many discovery and JWKS requests it cost (rotation, rate limit).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64url, exportSPKI, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { AwsStsError } from '../errors';
import type { ErrorCode } from '../errors';
import { startTestIssuer } from '../../test/support/testIssuer';
import type { TestIssuer } from '../../test/support/testIssuer';
import { TokenError } from './tokenError';
import type { TokenErrorReason } from './tokenError';
import { createTokenVerifier } from './verifyToken';
import type { TokenVerifier, TokenVerifierOptions } from './verifyToken';

const AUDIENCE = 'toolhive-aws';
const now = Math.floor(Date.now() / 1000);

let idp: TestIssuer;
let other: TestIssuer;

function claims(extra: JWTPayload = {}): JWTPayload {
  return { iss: idp.issuer, aud: AUDIENCE, sub: 'user-1', iat: now, exp: now + 600, ...extra };
}

function without(name: string): JWTPayload {
  const all = claims();
  delete all[name];
  return all;
}

const b64json = (value: unknown) => base64url.encode(JSON.stringify(value));

interface Case {
  name: string;
  token: () => Promise<string> | string;
  options?: Partial<TokenVerifierOptions>;
  /** Runs on the same verifier before the token under test (warm-up, rotation). */
  before?: (verifier: TokenVerifier) => Promise<void>;
  expect: { ok: true } | { reason: TokenErrorReason; code?: ErrorCode };
  /** Requests to the configured issuer during the case (discovery, JWKS). */
  hits: { discovery: number; jwks: number };
}

const warmUp = async (verifier: TokenVerifier) => {
  await verifier.verify(await idp.sign(claims(), 'k1'));
};

const cases: Case[] = [
  {
    name: 'valid RS256 token (issuer with a path)',
    token: () => idp.sign(claims(), 'k1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'valid ES256 token',
    token: () => idp.sign(claims(), 'es1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'valid EdDSA token',
    token: () => idp.sign(claims(), 'ed1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'audience array containing the configured audience',
    token: () => idp.sign(claims({ aud: ['another-api', AUDIENCE] }), 'k1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'verifier accepting two audiences, token has the second',
    token: () => idp.sign(claims({ aud: 'legacy-aud' }), 'k1'),
    options: { audience: [AUDIENCE, 'legacy-aud'] },
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'expired 10s ago, within the default 30s clock tolerance',
    token: () => idp.sign(claims({ exp: now - 10 }), 'k1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'expired 10s ago, clock tolerance 0',
    token: () => idp.sign(claims({ exp: now - 10 }), 'k1'),
    options: { clockToleranceSeconds: 0 },
    expect: { reason: 'expired' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'expired an hour ago',
    token: () => idp.sign(claims({ iat: now - 7200, exp: now - 3600 }), 'k1'),
    expect: { reason: 'expired' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'nbf an hour ahead',
    token: () => idp.sign(claims({ nbf: now + 3600 }), 'k1'),
    expect: { reason: 'not_yet_valid' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'nbf 10s ahead, within clock tolerance',
    token: () => idp.sign(claims({ nbf: now + 10 }), 'k1'),
    expect: { ok: true },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'wrong issuer, signed with the right key',
    token: () => idp.sign(claims({ iss: 'https://evil.example.com' }), 'k1'),
    expect: { reason: 'issuer' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'issuer differing by a trailing slash',
    token: () => idp.sign(claims({ iss: `${idp.issuer}/` }), 'k1'),
    expect: { reason: 'issuer' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'missing iss',
    token: () => idp.sign(without('iss'), 'k1'),
    expect: { reason: 'missing_claim' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'wrong audience',
    token: () => idp.sign(claims({ aud: 'another-api' }), 'k1'),
    expect: { reason: 'audience' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'missing exp',
    token: () => idp.sign(without('exp'), 'k1'),
    expect: { reason: 'missing_claim' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'exp as a string',
    token: () => idp.sign(claims({ exp: String(now + 600) as unknown as number }), 'k1'),
    expect: { reason: 'invalid_claim' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'unknown kid within the JWKS cooldown: no refetch (rate limit)',
    token: () => idp.sign(claims(), 'k-unknown'),
    options: { jwksCooldownMs: 600_000 },
    before: warmUp,
    expect: { reason: 'unknown_key', code: 'INVALID_TOKEN' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'unknown kid after the cooldown: exactly one refetch, then rejected',
    token: () => idp.sign(claims(), 'k-unknown'),
    options: { jwksCooldownMs: 0 },
    before: warmUp,
    expect: { reason: 'unknown_key' },
    hits: { discovery: 1, jwks: 2 },
  },
  {
    name: 'rotated key published within the cooldown: not yet seen',
    token: () => idp.sign(claims(), 'k-rotated-late'),
    options: { jwksCooldownMs: 600_000 },
    before: async (verifier) => {
      await warmUp(verifier);
      idp.publish('k-rotated-late');
    },
    expect: { reason: 'unknown_key' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'rotated key published after the cooldown: accepted after one refetch',
    token: () => idp.sign(claims(), 'k-rotated'),
    options: { jwksCooldownMs: 0 },
    before: async (verifier) => {
      await warmUp(verifier);
      idp.publish('k-rotated');
    },
    expect: { ok: true },
    hits: { discovery: 1, jwks: 2 },
  },
  {
    name: 'tampered payload',
    token: async () => {
      const [header, , signature] = (await idp.sign(claims(), 'k1')).split('.');
      return `${header}.${b64json(claims({ sub: 'admin' }))}.${signature}`;
    },
    expect: { reason: 'signature' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'alg none (unsecured JWT)',
    token: () => `${b64json({ alg: 'none' })}.${b64json(claims())}.`,
    expect: { reason: 'algorithm' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'HS256 signed with the public key bytes (key confusion)',
    token: async () => {
      const pem = new TextEncoder().encode(await exportSPKI(idp.key('k1').publicKey));
      return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(pem);
    },
    expect: { reason: 'algorithm' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'RS256 token when only ES256 is allowed',
    token: () => idp.sign(claims(), 'k1'),
    options: { algorithms: ['ES256'] },
    expect: { reason: 'algorithm' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'malformed base64 in the header',
    token: async () => `e30*.${(await idp.sign(claims(), 'k1')).split('.').slice(1).join('.')}`,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'header is base64url but not JSON',
    token: async () =>
      `${base64url.encode('not json')}.${(await idp.sign(claims(), 'k1')).split('.').slice(1).join('.')}`,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'payload is a JSON array',
    token: () => `${b64json({ alg: 'RS256', kid: 'k1' })}.${b64json([1, 2])}.c2ln`,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'two parts',
    token: async () => (await idp.sign(claims(), 'k1')).split('.').slice(0, 2).join('.'),
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'five parts (a JWE)',
    token: async () => `${await idp.sign(claims(), 'k1')}.e30.e30`,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'empty signature with an allowed alg',
    token: async () => `${(await idp.sign(claims(), 'k1')).split('.').slice(0, 2).join('.')}.`,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'oversized token (over 16 KiB by default)',
    token: () => idp.sign(claims({ padding: 'x'.repeat(17 * 1024) }), 'k1'),
    expect: { reason: 'too_large' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'valid token over a configured maxTokenBytes',
    token: () => idp.sign(claims(), 'k1'),
    options: { maxTokenBytes: 100 },
    expect: { reason: 'too_large' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'crit header naming an unknown extension',
    token: () =>
      idp.sign(
        claims(),
        'k1',
        { crit: ['urn:example:ext'], 'urn:example:ext': true },
        {
          crit: { 'urn:example:ext': true },
        }
      ),
    expect: { reason: 'unsupported' },
    hits: { discovery: 0, jwks: 0 },
  },
  {
    name: 'token of another issuer, its JWKS reachable and named in jku',
    token: () => other.sign({ ...claims(), iss: other.issuer }, 'b1', { jku: other.jwksUri }),
    expect: { reason: 'unknown_key' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: "token of another issuer whose key reuses our key's kid",
    token: () => other.sign({ ...claims(), iss: other.issuer }, 'k1'),
    expect: { reason: 'signature' },
    hits: { discovery: 1, jwks: 1 },
  },
  {
    name: 'not a string (untyped caller)',
    token: () => 42 as unknown as string,
    expect: { reason: 'malformed' },
    hits: { discovery: 0, jwks: 0 },
  },
];

describe('createTokenVerifier against a local OIDC issuer', () => {
  before(async () => {
    idp = await startTestIssuer({ issuerPath: '/oauth2/default' });
    other = await startTestIssuer();
    await idp.addKey('k1');
    await idp.addKey('es1', { alg: 'ES256' });
    await idp.addKey('ed1', { alg: 'EdDSA' });
    await idp.addKey('k-unknown', { publish: false });
    await idp.addKey('k-rotated', { publish: false });
    await idp.addKey('k-rotated-late', { publish: false });
    await other.addKey('b1');
    await other.addKey('k1');
  });
  after(async () => {
    await idp.close();
    await other.close();
  });

  for (const c of cases) {
    test(c.name, async () => {
      const verifier = createTokenVerifier({
        issuer: idp.issuer,
        audience: AUDIENCE,
        ...c.options,
      });
      try {
        idp.resetHits();
        other.resetHits();
        await c.before?.(verifier);
        const token = await c.token();
        const outcome = await verifier.verify(token).then(
          (verified) => ({ verified }),
          (error: unknown) => ({ error })
        );
        if ('ok' in c.expect) {
          if ('error' in outcome) assert.fail(`expected success, got ${String(outcome.error)}`);
          assert.equal(outcome.verified.claims.sub, 'user-1');
          assert.equal(
            outcome.verified.expiresAt.getTime(),
            Number(outcome.verified.claims.exp) * 1000
          );
        } else {
          assert.ok('error' in outcome, 'expected a rejection');
          const error = outcome.error;
          assert.ok(error instanceof TokenError, `not a TokenError: ${String(error)}`);
          assert.ok(error instanceof AwsStsError);
          assert.deepEqual(
            { reason: error.reason, code: error.code },
            { reason: c.expect.reason, code: c.expect.code ?? 'INVALID_TOKEN' }
          );
          if (typeof token === 'string' && token.length > 20) {
            const echo = `${error.message} ${error.detail ?? ''} ${JSON.stringify(error)}`;
            for (const part of token.split('.').filter((p) => p.length > 8)) {
              assert.ok(!echo.includes(part), 'the error echoes part of the token');
            }
          }
        }
        assert.deepEqual({ ...idp.hits }, c.hits);
        assert.deepEqual(
          { ...other.hits },
          { discovery: 0, jwks: 0 },
          'never fetched from iss/jku'
        );
      } finally {
        verifier.close();
      }
    });
  }
});

describe('createTokenVerifier wiring', () => {
  before(async () => {
    idp = await startTestIssuer({ issuerPath: '/oauth2/default' });
    await idp.addKey('k1');
  });
  after(() => idp.close());

  const wiring: {
    name: string;
    run: () => Promise<unknown>;
    expect: { ok: true } | { reason: TokenErrorReason };
    hits: { discovery: number; jwks: number };
  }[] = [
    {
      name: 'jwksUri given: no discovery',
      run: async () =>
        createTokenVerifier({
          issuer: idp.issuer,
          audience: AUDIENCE,
          jwksUri: idp.jwksUri,
        }).verify(await idp.sign(claims(), 'k1')),
      expect: { ok: true },
      hits: { discovery: 0, jwks: 1 },
    },
    {
      name: 'jwksUri answering 404: unavailable',
      run: async () =>
        createTokenVerifier({
          issuer: idp.issuer,
          audience: AUDIENCE,
          jwksUri: `${idp.issuer}/nope`,
        }).verify(await idp.sign(claims(), 'k1')),
      expect: { reason: 'unavailable' },
      hits: { discovery: 0, jwks: 0 },
    },
    {
      name: 'JWKS over 1 MiB (through the fetch option): unavailable',
      run: async () => {
        const huge = JSON.stringify({ keys: [], padding: 'x'.repeat(2 * 1024 * 1024) });
        const fetchWithHugeJwks: typeof fetch = (input, init) =>
          String(input) === idp.jwksUri
            ? Promise.resolve(new Response(huge, { status: 200 }))
            : fetch(input, init);
        return createTokenVerifier({
          issuer: idp.issuer,
          audience: AUDIENCE,
          fetch: fetchWithHugeJwks,
        }).verify(await idp.sign(claims(), 'k1'));
      },
      expect: { reason: 'unavailable' },
      hits: { discovery: 1, jwks: 0 },
    },
    {
      name: 'concurrent first requests share one discovery and one JWKS fetch',
      run: async () => {
        const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE });
        const token = await idp.sign(claims(), 'k1');
        return Promise.all([1, 2, 3, 4, 5].map(() => verifier.verify(token)));
      },
      expect: { ok: true },
      hits: { discovery: 1, jwks: 1 },
    },
    {
      name: 'a closed verifier refuses without fetching',
      run: async () => {
        const verifier = createTokenVerifier({ issuer: idp.issuer, audience: AUDIENCE });
        verifier.close();
        return verifier.verify(await idp.sign(claims(), 'k1'));
      },
      expect: { reason: 'unavailable' },
      hits: { discovery: 0, jwks: 0 },
    },
  ];

  for (const c of wiring) {
    test(c.name, async () => {
      idp.resetHits();
      const outcome = await c.run().then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ reason: error instanceof TokenError ? error.reason : String(error) })
      );
      assert.deepEqual(outcome, c.expect);
      assert.deepEqual({ ...idp.hits }, c.hits);
    });
  }
});

describe('createTokenVerifier configuration', () => {
  const base = { issuer: 'https://idp.example.com/oauth2/default', audience: AUDIENCE };
  const configs: { name: string; options: TokenVerifierOptions; path?: string }[] = [
    { name: 'valid https issuer', options: base },
    { name: 'http loopback issuer', options: { ...base, issuer: 'http://127.0.0.1:9/x' } },
    {
      name: 'http on a non-loopback host',
      options: { ...base, issuer: 'http://idp.example.com' },
      path: 'issuer',
    },
    {
      name: 'http allowed explicitly',
      options: { ...base, issuer: 'http://oidc:8080', allowInsecureHttp: true },
    },
    { name: 'issuer not a URL', options: { ...base, issuer: 'idp.example.com' }, path: 'issuer' },
    {
      name: 'issuer with a query',
      options: { ...base, issuer: 'https://idp.example.com/?tenant=1' },
      path: 'issuer',
    },
    { name: 'empty audience', options: { ...base, audience: '' }, path: 'audience' },
    { name: 'empty audience list', options: { ...base, audience: [] }, path: 'audience' },
    {
      name: 'HS256 in the allowlist',
      options: { ...base, algorithms: ['HS256' as 'RS256'] },
      path: 'algorithms',
    },
    {
      name: 'none in the allowlist',
      options: { ...base, algorithms: ['RS256', 'none' as 'RS256'] },
      path: 'algorithms',
    },
    { name: 'empty allowlist', options: { ...base, algorithms: [] }, path: 'algorithms' },
    {
      name: 'clock tolerance of an hour',
      options: { ...base, clockToleranceSeconds: 3600 },
      path: 'clockToleranceSeconds',
    },
    {
      name: 'negative clock tolerance',
      options: { ...base, clockToleranceSeconds: -1 },
      path: 'clockToleranceSeconds',
    },
    { name: 'maxTokenBytes 0', options: { ...base, maxTokenBytes: 0 }, path: 'maxTokenBytes' },
    {
      name: 'jwksUri over plain http',
      options: { ...base, jwksUri: 'http://keys.example.com/jwks' },
      path: 'jwksUri',
    },
  ];
  for (const c of configs) {
    test(c.name, () => {
      let thrown: unknown;
      try {
        createTokenVerifier(c.options).close();
      } catch (error) {
        thrown = error;
      }
      if (c.path === undefined) {
        assert.equal(thrown, undefined);
      } else {
        assert.ok(thrown instanceof AwsStsError, `expected INVALID_CONFIG, got ${String(thrown)}`);
        assert.deepEqual(
          { code: thrown.code, path: thrown.path },
          { code: 'INVALID_CONFIG', path: c.path }
        );
      }
    });
  }
});
