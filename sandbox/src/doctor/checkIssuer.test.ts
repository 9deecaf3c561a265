// The online issuer links, discovery and jwks, against a fetch that answers from a table.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  NOW,
  claimsFor,
  tableFetch,
  testKey,
  unsignedJwt,
  type CannedResponse,
  type TestKey,
} from '../../test/support/doctorFixtures';
import { checkDiscovery, discoveryUrl } from './checkDiscovery';
import { checkJwks } from './checkJwks';

const ISSUER = 'https://idp.example.com/oauth2/default';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const JWKS = `${ISSUER}/v1/keys`;
const now = () => NOW;
const discoveryDoc = (extra: Record<string, unknown> = {}): CannedResponse => ({
  json: { issuer: ISSUER, jwks_uri: JWKS, ...extra },
  headers: { date: new Date(NOW.getTime() - 5000).toUTCString() },
});

describe('checkDiscovery', () => {
  it('derives the discovery URL as OIDC does', () => {
    assert.equal(discoveryUrl('https://x/'), 'https://x/.well-known/openid-configuration');
    assert.equal(discoveryUrl(ISSUER), DISCOVERY);
  });

  it('passes a document that names the issuer and a jwks_uri; measures the clock skew', async () => {
    const outcome = await checkDiscovery(
      ISSUER,
      tableFetch({ [DISCOVERY]: discoveryDoc() }),
      1000,
      now
    );
    assert.equal(outcome.check.status, 'pass', outcome.check.message);
    assert.equal(outcome.check.message, `${DISCOVERY}: issuer matches iss, jwks_uri ${JWKS}`);
    assert.equal(outcome.jwksUri, JWKS);
    assert.equal(outcome.skewSeconds, 5);
  });

  const failures: {
    name: string;
    issuer?: string;
    table: Record<string, CannedResponse>;
    message: RegExp;
    fix: RegExp;
  }[] = [
    {
      name: 'an http issuer that is not loopback',
      issuer: 'http://idp.example.com',
      table: {},
      message: /cannot be registered with IAM: it uses http:\/\//,
      fix: /use an https:\/\/ issuer/,
    },
    {
      name: 'an unreachable issuer',
      table: {},
      message:
        /cannot reach https:\/\/idp.example.com\/oauth2\/default\/.well-known\/openid-configuration: ECONNREFUSED/,
      fix: /reachable over the internet \(AWS STS fetches it/,
    },
    {
      name: 'no discovery document (404)',
      table: { [DISCOVERY]: { status: 404, text: 'not found' } },
      message: /answered HTTP 404/,
      fix: /publishes no discovery document .* \(for Okta, the authorization server URL/,
    },
    {
      name: 'HTML instead of JSON',
      table: { [DISCOVERY]: { text: '<html>' } },
      message: /did not answer JSON/,
      fix: /reachable/,
    },
    {
      name: 'a document for another issuer (custom domain)',
      table: {
        [DISCOVERY]: {
          json: { issuer: 'https://login.example.com/oauth2/default', jwks_uri: JWKS },
        },
      },
      message:
        /names https:\/\/login.example.com\/oauth2\/default, but the token's iss is https:\/\/idp.example.com\/oauth2\/default \(the host is idp.example.com instead of login.example.com\)/,
      fix: /use tokens whose iss is https:\/\/login.example.com\/oauth2\/default/,
    },
    {
      name: 'no jwks_uri',
      table: { [DISCOVERY]: { json: { issuer: ISSUER } } },
      message: /has no jwks_uri/,
      fix: /publish jwks_uri/,
    },
    {
      name: 'a jwks_uri over http',
      table: { [DISCOVERY]: { json: { issuer: ISSUER, jwks_uri: 'http://idp.example.com/keys' } } },
      message: /jwks_uri http:\/\/idp.example.com\/keys cannot be used/,
      fix: /serve the JWKS over https/,
    },
  ];
  for (const c of failures) {
    it(`fails ${c.name}`, async () => {
      const { check } = await checkDiscovery(c.issuer ?? ISSUER, tableFetch(c.table), 1000, now);
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.match(check.fix ?? '', c.fix);
    });
  }

  it('skips offline and without an iss', async () => {
    assert.match(
      (await checkDiscovery(ISSUER, undefined, 1000, now)).check.message,
      /not checked offline/
    );
    assert.equal((await checkDiscovery(undefined, tableFetch({}), 1000, now)).check.status, 'skip');
  });

  it('accepts plain http on loopback and says so', async () => {
    const local = 'http://127.0.0.1:4101';
    const fetch = tableFetch({
      [`${local}/.well-known/openid-configuration`]: {
        json: { issuer: local, jwks_uri: `${local}/jwks` },
      },
    });
    const { check } = await checkDiscovery(local, fetch, 1000, now);
    assert.equal(check.status, 'pass');
    assert.match(check.message, /loopback: fine for the sandbox/);
  });
});

describe('checkJwks', () => {
  let rsa: TestKey;
  let other: TestKey;
  let ec: TestKey;
  before(async () => {
    rsa = await testKey('k1');
    other = await testKey('k1');
    ec = await testKey('e1', 'ES256');
  });
  const run = (token: string, keys: unknown[], jwksUri = JWKS) =>
    checkJwks({
      token,
      header: JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()),
      jwksUri,
      discoveryStatus: 'pass',
      fetch: tableFetch({ [JWKS]: { json: { keys } } }),
      timeoutMs: 1000,
      now,
    });

  it('passes when the kid is there, its type fits alg and the signature verifies', async () => {
    const check = await run(await rsa.sign(claimsFor(ISSUER)), [ec.jwk, rsa.jwk]);
    assert.equal(check.status, 'pass', check.message);
    assert.equal(check.message, `${JWKS} has RSA key "k1" for RS256; the signature verifies`);
  });

  it('passes an ES256 token', async () => {
    const check = await run(await ec.sign(claimsFor(ISSUER)), [ec.jwk]);
    assert.equal(check.status, 'pass', check.message);
  });

  it('fails a kid the JWKS no longer has (keys rotated)', async () => {
    const check = await run(await rsa.sign(claimsFor(ISSUER)), [ec.jwk]);
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /has no key with the token's kid "k1" \(it has "e1"\): ToolHive answers 401 and STS "Couldn't retrieve verification key"/
    );
    assert.match(check.fix ?? '', /get a fresh token: the IdP has rotated its signing keys/);
  });

  it('fails a key whose type does not fit alg', async () => {
    const token = unsignedJwt({ alg: 'ES256', kid: 'k1' }, claimsFor(ISSUER));
    const check = await run(token, [rsa.jwk]);
    assert.equal(check.status, 'fail');
    assert.match(check.message, /key "k1" is RSA, but the token's alg ES256 needs an EC P-256 key/);
  });

  it('fails a key published for encryption or another alg', async () => {
    const token = await rsa.sign(claimsFor(ISSUER));
    assert.match(
      (await run(token, [{ ...rsa.jwk, use: 'enc' }])).message,
      /published for use "enc"/
    );
    assert.match(
      (await run(token, [{ ...rsa.jwk, alg: 'RS512' }])).message,
      /published for RS512, but the token says RS256/
    );
  });

  it('fails a signature made by another key under the same kid', async () => {
    const check = await run(await other.sign(claimsFor(ISSUER)), [rsa.jwk]);
    assert.equal(check.status, 'fail');
    assert.match(
      check.message,
      /the signature does not verify with key "k1" \(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\)/
    );
  });

  it('fails an unreachable or malformed key set', async () => {
    const token = await rsa.sign(claimsFor(ISSUER));
    const unreachable = await run(token, [], 'https://idp.example.com/elsewhere');
    assert.match(unreachable.message, /cannot reach https:\/\/idp.example.com\/elsewhere/);
    const notASet = await checkJwks({
      token,
      header: { alg: 'RS256', kid: 'k1' },
      jwksUri: JWKS,
      discoveryStatus: 'pass',
      fetch: tableFetch({ [JWKS]: { json: { nope: true } } }),
      timeoutMs: 1000,
      now,
    });
    assert.match(notASet.message, /is not a JWK set/);
  });

  it("checks the MCPOIDCConfig's jwksUrl too, where ToolHive reads its keys", async () => {
    const token = await rsa.sign(claimsFor(ISSUER));
    const header = { alg: 'RS256', kid: 'k1' };
    const stale = 'https://idp.example.com/stale-keys';
    const base = {
      token,
      header,
      jwksUri: JWKS,
      discoveryStatus: 'pass' as const,
      timeoutMs: 1000,
      now,
    };
    const fetch = tableFetch({
      [JWKS]: { json: { keys: [rsa.jwk] } },
      [stale]: { json: { keys: [ec.jwk] } },
    });
    const failed = await checkJwks({ ...base, fetch, configuredJwksUrl: stale });
    assert.equal(failed.status, 'fail');
    assert.match(
      failed.message,
      /the MCPOIDCConfig's jwksUrl https:\/\/idp.example.com\/stale-keys, where ToolHive reads its keys, has no key with kid "k1"/
    );
    assert.match(
      failed.fix ?? '',
      /remove spec.inline.jwksUrl .* or set it to https:\/\/idp.example.com\/oauth2\/default\/v1\/keys/
    );
    const same = await checkJwks({ ...base, fetch, configuredJwksUrl: JWKS });
    assert.equal(same.status, 'pass');
  });

  it('skips when discovery failed or offline, saying which', async () => {
    const base = { token: 'x', header: { alg: 'RS256' }, jwksUri: undefined, timeoutMs: 1, now };
    const failed = await checkJwks({ ...base, discoveryStatus: 'fail', fetch: tableFetch({}) });
    assert.match(failed.message, /discovery failed/);
    const offline = await checkJwks({ ...base, discoveryStatus: 'skip', fetch: undefined });
    assert.match(offline.message, /offline/);
  });
});
