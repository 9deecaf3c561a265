import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NOW,
  NOW_SECONDS,
  claimsFor,
  tutorialConfig,
  unsignedJwt,
} from '../../test/support/doctorFixtures';
import { checkToken } from './checkToken';
import { readSetup } from './readSetup';
import { readToken } from './readToken';

const ISSUER = 'https://dev-123456.okta.com/oauth2/default';
const HEADER = { alg: 'RS256', kid: 'k1', typ: 'JWT' };
const setup = readSetup(tutorialConfig({ issuer: ISSUER }));

async function run(token: string, skewSeconds?: number, text = tutorialConfig({ issuer: ISSUER })) {
  return checkToken({
    facts: await readToken(token),
    token,
    setup: text === tutorialConfig({ issuer: ISSUER }) ? setup : readSetup(text),
    now: NOW,
    ...(skewSeconds !== undefined ? { skewSeconds } : {}),
  });
}

const cases: {
  name: string;
  token: string;
  skew?: number;
  config?: string;
  message: RegExp;
  fix?: RegExp;
}[] = [
  {
    name: 'an opaque token',
    token: 'opaque-access-token',
    message: /a JWT has 3 dot-separated parts, this token has 1/,
    fix: /an opaque token cannot be exchanged with STS/,
  },
  {
    name: 'an encrypted JWE',
    token: 'a.b.c.d.e',
    message: /5 parts: an encrypted JWE/,
  },
  {
    name: 'garbage in three parts',
    token: 'not.a.jwt',
    message: /not a decodable JWT/,
  },
  {
    name: 'HS256 (ToolHive and STS take RSA and ECDSA only)',
    token: unsignedJwt({ alg: 'HS256', kid: 'k1' }, claimsFor(ISSUER)),
    message:
      /alg "HS256" is not accepted: .*STS accepts only RS256, RS384, RS512, ES256, ES384, ES512/,
    fix: /sign access tokens with RS256/,
  },
  {
    name: 'PS256 (a valid JWS that ToolHive refuses)',
    token: unsignedJwt({ alg: 'PS256', kid: 'k1' }, claimsFor(ISSUER)),
    message: /alg "PS256" is not accepted/,
  },
  {
    name: 'no kid',
    token: unsignedJwt({ alg: 'RS256' }, claimsFor(ISSUER)),
    message: /no kid: ToolHive .* "token header missing kid"/,
    fix: /kid/,
  },
  {
    name: 'no sub (STS requires it)',
    token: unsignedJwt(HEADER, { ...claimsFor(ISSUER), sub: undefined }),
    message: /STS would refuse it with InvalidIdentityToken: The token has no sub/,
  },
  {
    name: 'a fractional exp',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { exp: NOW_SECONDS + 10.5 })),
    message: /STS requires timestamps as integer seconds/,
  },
  {
    name: 'expired an hour ago',
    token: unsignedJwt(
      HEADER,
      claimsFor(ISSUER, { exp: NOW_SECONDS - 3600, iat: NOW_SECONDS - 7200 })
    ),
    message:
      /expired 60 min ago \(exp 2026-06-01T11:00:00Z\): ToolHive's OIDC middleware answers 401$/,
    fix: /get a fresh token/,
  },
  {
    name: 'expired a minute ago (STS would still take it, ToolHive not)',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { exp: NOW_SECONDS - 60 })),
    message: /expired 60 s ago .*STS would still take it for 4 min, but ToolHive checks first/,
  },
  {
    name: 'expired because this machine runs ahead (the Date header says so)',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { exp: NOW_SECONDS - 600 })),
    skew: 900,
    message: /expired 10 min ago/,
    fix: /this machine's clock is 15 min ahead of the issuer's \(its Date header\): synchronise it/,
  },
  {
    name: 'from the future: nbf ahead',
    token: unsignedJwt(
      HEADER,
      claimsFor(ISSUER, { nbf: NOW_SECONDS + 600, iat: NOW_SECONDS + 600 })
    ),
    message:
      /not valid for another 10 min \(nbf 2026-06-01T12:10:00Z\): ToolHive answers 401 until then/,
    fix: /compare this machine's clock .* with the IdP's/,
  },
  {
    name: 'from the future: iat ahead while the issuer agrees with this clock',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { iat: NOW_SECONDS + 3600 })),
    skew: 2,
    message: /issued 60 min in the future/,
    fix: /agrees with the issuer's Date header, so the IdP signs tokens with times ahead/,
  },
  {
    name: 'an iss with a trailing slash the MCPOIDCConfig lacks',
    token: unsignedJwt(HEADER, claimsFor(`${ISSUER}/`)),
    message:
      /iss https:\/\/dev-123456.okta.com\/oauth2\/default\/ is not the MCPOIDCConfig issuer .* \(it ends with a slash .*\): ToolHive compares them character for character/,
    fix: /set spec.inline.issuer: https:\/\/dev-123456.okta.com\/oauth2\/default\/ in the MCPOIDCConfig/,
  },
  {
    name: 'an aud that is not the proxy audience',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { aud: ['api://default'] })),
    message: /aud "api:\/\/default" does not contain the MCPRemoteProxy audience "toolhive-aws"/,
    fix: /set spec.oidcConfigRef.audience/,
  },
  {
    name: 'an aud that differs only in case',
    token: unsignedJwt(HEADER, claimsFor(ISSUER, { aud: 'ToolHive-AWS' })),
    message: /\("ToolHive-AWS" differs only in letter case\)/,
  },
];

describe('checkToken', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const check = await run(c.token, c.skew);
      assert.equal(check.link, 'token');
      assert.equal(check.status, 'fail', check.message);
      assert.match(check.message, c.message);
      assert.ok(check.fix);
      if (c.fix) assert.match(check.fix, c.fix);
      assert.ok(!check.message.includes(c.token) || c.token.length < 20);
    });
  }

  it('passes a sound token and names it by a SHA-256 prefix, never the token', async () => {
    const token = unsignedJwt(HEADER, claimsFor(ISSUER));
    const check = await run(token, 3);
    assert.equal(check.status, 'pass', check.message);
    assert.match(
      check.message,
      /^token [0-9a-f]{8}: sub "alice", iss https:\/\/dev-123456.okta.com\/oauth2\/default, aud "toolhive-aws", RS256 kid "k1", expires in 60 min; iss matches the MCPOIDCConfig, aud has the proxy audience$/
    );
    assert.deepEqual(check.details, [
      "this machine's clock is 3 s ahead of the issuer's Date header",
    ]);
    assert.ok(!JSON.stringify(check).includes(token.split('.')[1] ?? 'x'));
  });

  it('without the companion resources, checks iss and aud against nothing', async () => {
    const token = unsignedJwt(HEADER, claimsFor('https://other.example.com', { aud: 'x' }));
    const check = await run(token, undefined, tutorialConfig({ withCompanions: false }));
    assert.equal(check.status, 'pass', check.message);
    assert.doesNotMatch(check.message, /matches the MCPOIDCConfig/);
  });

  it('lists every further problem in the details', async () => {
    const token = unsignedJwt({ alg: 'HS256' }, claimsFor(ISSUER, { exp: NOW_SECONDS - 10 }));
    const check = await run(token);
    assert.equal(check.details?.length, 2);
    assert.match(check.details?.[0] ?? '', /no kid/);
    assert.match(check.details?.[1] ?? '', /expired/);
  });
});
