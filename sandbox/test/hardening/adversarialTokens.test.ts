// Hostile bearer tokens against the running proxy (real issuer, STS stub, signing upstream), in
// both modes: every one is refused before STS and the upstream, none crashes the proxy or gets a
// 5xx; the enhanced mode says which check caught it, the ToolHive mode says it in ToolHive's words.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { base64url, exportSPKI, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { startTestIssuer } from '../support/testIssuer';
import type { TestIssuer } from '../support/testIssuer';
import { startHarness } from '../support/proxyHarness';
import type { Harness } from '../support/proxyHarness';
import type { Proxy } from '../../src/proxy/createProxy';
import { send, signRaw } from './kit';

let h: Harness;
let other: TestIssuer;
let toolhive: { proxy: Proxy; url: string };
before(async () => {
  h = await startHarness({ mode: 'enhanced' });
  toolhive = await h.extraProxy({ mode: 'toolhive' });
  await h.issuer.addKey('ec1', { alg: 'ES256' });
  await h.issuer.addKey('k-rotated-in', { alg: 'RS256' });
  other = await startTestIssuer({ issuerPath: '/oauth2/default' });
  await other.addKey('k1', { alg: 'RS256' }); // same kid as the real issuer's key, other material
  // Keys are fetched once here, so each case below starts from a warm proxy.
  assert.equal((await send(h.url, { token: await h.token() })).status, 200);
  assert.equal((await send(toolhive.url, { token: await h.token() })).status, 200);
});
after(async () => {
  await h.close();
  await other.close();
});

const now = (): number => Math.floor(Date.now() / 1000);
const claims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: h.issuer.issuer,
  aud: 'toolhive-aws',
  sub: 'mallory',
  groups: ['admins'],
  iat: now(),
  exp: now() + 600,
  ...extra,
});
/** The claims as JSON text without the closing brace, to append raw members to. */
const rawClaims = (): string => JSON.stringify(claims()).slice(0, -1);
const b64 = (value: unknown): string => base64url.encode(JSON.stringify(value));
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** What every refusal must leave untouched. */
function spent() {
  const serverErrors = [h.proxy, toolhive.proxy]
    .flatMap((proxy) => Object.entries(proxy.stats().statuses))
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  return { sts: h.sts.calls.length, upstream: h.upstream.received.length, serverErrors };
}

interface Case {
  name: string;
  token: () => Promise<string>;
  /** 401 unless said otherwise; 431 where Node's 16 KiB header limit answers first. */
  status?: 401 | 431;
  /** What the 401's body must say: the check that caught it. */
  says?: RegExp;
  /** What ToolHive's `error_description` says (golang-jwt's words), where the sandbox imitates it. */
  toolhive?: RegExp;
}

const cases: Case[] = [
  {
    name: 'expired',
    says: /has expired/,
    toolhive: /token has invalid claims: token is expired$/,
    token: () => h.token(claims({ iat: now() - 7200, exp: now() - 3600 })),
  },
  {
    name: 'not yet valid (nbf in an hour)',
    says: /not valid yet/,
    toolhive: /token has invalid claims: token is not valid yet$/,
    token: () => h.token(claims({ nbf: now() + 3600 })),
  },
  {
    name: 'wrong issuer',
    says: /issuer is not trusted/,
    toolhive: /^invalid issuer$/,
    token: () => h.token(claims({ iss: 'https://evil.example.com' })),
  },
  {
    name: 'wrong audience',
    says: /audience/,
    toolhive: /^invalid audience$/,
    token: () => h.token(claims({ aud: 'another-api' })),
  },
  {
    name: 'unknown kid',
    says: /signing key is not one of/,
    toolhive: /keyfunc: key ID no-such-key not found in JWKS$/,
    token: () => h.issuer.sign(claims(), 'k1', { kid: 'no-such-key' }),
  },
  {
    name: 'tampered payload (signature of another payload)',
    says: /signature is invalid/,
    toolhive: /token signature is invalid: crypto\/rsa: verification error$/,
    token: async () => {
      const [header, , signature] = (await h.token(claims({ groups: ['s3-readers'] }))).split('.');
      return `${header}.${b64(claims())}.${signature}`;
    },
  },
  {
    name: 'alg none',
    says: /algorithm is not allowed/,
    toolhive: /unexpected signing method: none$/,
    token: async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`,
  },
  {
    name: 'HS256 signed with the public key (key confusion)',
    says: /algorithm is not allowed/,
    toolhive: /unexpected signing method: HS256$/,
    token: async () => {
      const pem = await exportSPKI(h.issuer.key('k1').publicKey);
      return new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .sign(new TextEncoder().encode(pem));
    },
  },
  {
    name: 'malformed base64 (characters outside base64url)',
    says: /not a well-formed JWT/,
    toolhive: /^failed to introspect opaque token: no introspection endpoint available$/,
    token: async () => {
      const [header, payload, signature] = (await h.token(claims())).split('.');
      return `${header}.${payload?.slice(0, 10)}+/+${payload?.slice(10)}.${signature}`;
    },
  },
  {
    name: 'base64 of impossible length',
    says: /not a well-formed JWT/,
    token: async () => {
      const [header, payload, signature] = (await h.token(claims())).split('.');
      const cut = (payload ?? '').slice(0, -((payload ?? '').length % 4) - 3);
      return `${header}.${cut}.${signature}`;
    },
  },
  {
    name: 'oversized (20 KiB)',
    token: async () => h.token(claims({ padding: 'x'.repeat(20 * 1024) })),
    status: 431,
  },
  {
    name: 'signed by another issuer whose JWKS is reachable',
    says: /signature is invalid/,
    token: () => other.sign(claims({ iss: other.issuer }), 'k1'),
  },
  {
    name: 'our iss and kid, another issuer’s key, its JWKS in jku',
    says: /signature is invalid/,
    token: () => other.sign(claims(), 'k1', { jku: other.jwksUri }),
  },
  {
    name: 'kid of an EC key with alg RS256',
    says: /signing key is not one of/,
    token: () => h.issuer.sign(claims(), 'k1', { kid: 'ec1' }),
  },
  {
    name: 'crit header naming an extension nobody understands',
    says: /unsupported header parameter/,
    token: () =>
      signRaw(
        h.issuer,
        'k1',
        JSON.stringify(claims()),
        '{"alg":"RS256","kid":"k1","crit":["urn:example:must-understand"],"urn:example:must-understand":true}'
      ),
  },
  {
    name: 'claims nested 5,000 deep (validly signed)',
    says: /not a well-formed JWT/,
    token: () => signRaw(h.issuer, 'k1', `${rawClaims()},"deep":${nested(5000)}}`),
  },
  {
    name: 'claims nested 10,000 deep (validly signed)',
    token: () => signRaw(h.issuer, 'k1', `${rawClaims()},"deep":${nested(10_000)}}`),
    status: 431,
  },
  {
    name: '1 MiB token',
    token: async () => `${b64({ alg: 'RS256', kid: 'k1' })}.${'A'.repeat(1024 * 1024)}.sig`,
    status: 431,
  },
  {
    name: 'exp as a string (validly signed)',
    says: /"exp" claim has the wrong type/,
    toolhive: /invalid type for claim: exp is invalid$/,
    token: () => signRaw(h.issuer, 'k1', JSON.stringify({ ...claims(), exp: String(now() + 600) })),
  },
  {
    name: 'duplicate claim: sub twice (validly signed)',
    says: /not a well-formed JWT/,
    token: () => signRaw(h.issuer, 'k1', `${rawClaims()},"sub":"alice"}`),
  },
  {
    name: 'duplicate claim spelled with an escape (validly signed)',
    says: /not a well-formed JWT/,
    token: () => signRaw(h.issuer, 'k1', `${rawClaims()},"\\u0073ub":"alice"}`),
  },
  {
    name: 'duplicate header parameter: alg twice (validly signed)',
    says: /not a well-formed JWT/,
    token: () =>
      signRaw(h.issuer, 'k1', JSON.stringify(claims()), '{"alg":"none","kid":"k1","alg":"RS256"}'),
  },
];

describe('adversarial tokens → refused, no STS call, no upstream request, no 5xx', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const before = spent();
      const otherHits = { ...other.hits };
      const token = await c.token();
      const answer = await send(h.url, { token });
      const th = await send(toolhive.url, { token });
      const expected = c.status ?? 401;
      if (expected === 431) {
        // Node answers 431 and closes; with a 1 MiB header the client may see the reset first.
        assert.ok([431, 0].includes(answer.status), `status ${answer.status} ${answer.body}`);
        assert.ok([431, 0].includes(th.status), `ToolHive mode: ${th.status} ${th.body}`);
      } else {
        assert.equal(answer.status, 401, answer.body);
        assert.match(String(answer.headers['www-authenticate']), /^Bearer error="invalid_token"/);
        assert.match(answer.body, /^Invalid bearer token: /);
        if (c.says) assert.match(answer.body, c.says);
        assert.equal(th.status, 401, th.body);
        assert.match(String(th.headers['www-authenticate']), /^Bearer realm="http:/);
        const body = JSON.parse(th.body) as { error: string; error_description: string };
        assert.equal(body.error, 'invalid_token');
        assert.match(body.error_description, /^Invalid token: /);
        if (c.toolhive) {
          assert.match(body.error_description.slice('Invalid token: '.length), c.toolhive);
        }
      }
      assert.deepEqual(spent(), before);
      assert.deepEqual({ ...other.hits }, otherHits, 'nothing fetched from another issuer');
    });
  }

  it('afterwards the proxy still serves a good token (it did not crash or wedge)', async () => {
    const answer = await send(h.url, { token: await h.token({ sub: 'after-the-attack' }) });
    assert.equal(answer.status, 200, answer.body);
    const th = await send(toolhive.url, { token: await h.token({ sub: 'after-the-attack' }) });
    assert.equal(th.status, 200, th.body);
    assert.deepEqual({ ...other.hits }, { discovery: 0, jwks: 0 });
  });
});
