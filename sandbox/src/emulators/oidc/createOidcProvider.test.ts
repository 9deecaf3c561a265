import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { createTokenVerifier } from '../../auth';
import { DEFAULT_SERVICE_CLIENT_ID } from './clients';
import { createOidcProvider, type OidcProviderHandle } from './createOidcProvider';
import { getAccessToken, getTokenResponse } from './getAccessToken';
import { resourceIndicatorFor } from './resourceIndicator';

const AUDIENCE = 'toolhive-aws';
let idp: OidcProviderHandle;
let issuer: string;
let discovery: Record<string, unknown>;

before(async () => {
  idp = createOidcProvider({ audience: AUDIENCE });
  ({ issuer } = await idp.listen(0, '127.0.0.1'));
  discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    unknown
  >;
});

after(async () => {
  await idp.close();
});

async function verify(token: string): Promise<Record<string, unknown>> {
  const jwks = createRemoteJWKSet(new URL(String(discovery.jwks_uri)));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: String(discovery.issuer),
    audience: AUDIENCE,
    algorithms: ['RS256'],
  });
  return payload;
}

describe('OIDC provider discovery and JWKS', () => {
  it('serves discovery whose issuer is the issuer exactly', () => {
    assert.equal(discovery.issuer, issuer);
    assert.match(issuer, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(idp.issuer, issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
      assert.ok(String(discovery[endpoint]).startsWith(`${issuer}/`), endpoint);
    }
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.ok((discovery.grant_types_supported as string[]).includes('client_credentials'));
  });

  it('serves an RS256 public key without private parts', async () => {
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as {
      keys: Record<string, unknown>[];
    };
    assert.equal(jwks.keys.length, 1);
    const [key] = jwks.keys;
    assert.equal(key?.kty, 'RSA');
    assert.equal(key?.alg, 'RS256');
    assert.equal(key?.d, undefined);
  });
});

describe('getAccessToken (authorization code + PKCE over HTTP)', () => {
  const cases: { user: string; sub: string; groups: string[] }[] = [
    { user: 'alice', sub: 'alice', groups: ['s3-readers'] },
    { user: 'bob', sub: 'bob', groups: [] },
    { user: 'carol', sub: 'auth0|carol', groups: ['s3-readers'] },
  ];
  for (const c of cases) {
    it(`issues ${c.user} a verifiable JWT access token for the audience`, async () => {
      const token = await getAccessToken({ issuer, user: c.user });
      assert.equal(decodeProtectedHeader(token).typ, 'at+jwt');
      const claims = await verify(token);
      assert.equal(claims.sub, c.sub);
      assert.deepEqual(claims.groups, c.groups);
      assert.equal(claims.client_id, 'sandbox-cli');
      assert.equal(claims.email, `${c.user}@example.com`);
    });
  }

  it('issues tokens that the proxy’s own verifier accepts (discovery over http on loopback)', async () => {
    const verifier = createTokenVerifier({ issuer, audience: AUDIENCE });
    try {
      const { claims } = await verifier.verify(await getAccessToken({ issuer, user: 'alice' }));
      assert.deepEqual(claims.groups, ['s3-readers']);
    } finally {
      verifier.close();
    }
  });

  it('returns an ID token next to the access token', async () => {
    const response = await getTokenResponse({ issuer, user: 'alice' });
    assert.equal(response.token_type, 'Bearer');
    assert.equal(typeof response.id_token, 'string');
    assert.equal(response.expires_in, 3600);
  });

  it('accepts the configured audience as the audience parameter', async () => {
    const claims = await verify(await getAccessToken({ issuer, user: 'bob', audience: AUDIENCE }));
    assert.equal(claims.aud, AUDIENCE);
  });

  const refusals: {
    name: string;
    options: { user: string; audience?: string; clientId?: string };
    error: RegExp;
  }[] = [
    {
      name: 'an unknown user',
      options: { user: 'mallory' },
      error: /refused the login for user "mallory".*Demo users: alice, bob, carol/,
    },
    {
      name: 'an unknown audience',
      options: { user: 'alice', audience: 'other-api' },
      error: /invalid_target.*"other-api"/,
    },
    {
      name: 'an unknown client',
      options: { user: 'alice', clientId: 'nope' },
      error: /refused the request to \/auth \(HTTP 400\): invalid_client/,
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, async () => {
      await assert.rejects(getAccessToken({ issuer, ...c.options }), (error: Error) => {
        assert.match(error.message, c.error);
        return true;
      });
    });
  }

  it('refuses an issuer that differs from discovery (trailing slash)', async () => {
    await assert.rejects(getAccessToken({ issuer: `${issuer}/`, user: 'alice' }), /names issuer/);
  });
});

describe('client credentials', () => {
  async function clientCredentials(
    secret: string,
    body: Record<string, string> = {}
  ): Promise<Response> {
    return fetch(String(discovery.token_endpoint), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${DEFAULT_SERVICE_CLIENT_ID}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...body }),
    });
  }
  const secret = (): string =>
    String(idp.clients.find((c) => c.client_id === DEFAULT_SERVICE_CLIENT_ID)?.client_secret);

  it('issues a JWT access token for the audience without a resource parameter', async () => {
    const response = await clientCredentials(secret());
    assert.equal(response.status, 200);
    const { access_token } = (await response.json()) as { access_token: string };
    const claims = await verify(access_token);
    assert.equal(claims.sub, DEFAULT_SERVICE_CLIENT_ID);
    assert.equal(claims.groups, undefined);
  });

  it('accepts the resource indicator of the audience', async () => {
    const response = await clientCredentials(secret(), {
      resource: resourceIndicatorFor(AUDIENCE),
    });
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  const refusals: {
    name: string;
    secret: () => string;
    body: Record<string, string>;
    status: number;
    error: string;
  }[] = [
    {
      name: 'a wrong secret',
      secret: () => 'wrong',
      body: {},
      status: 401,
      error: 'invalid_client',
    },
    {
      name: 'another resource',
      secret,
      body: { resource: 'https://other.example.com' },
      status: 400,
      error: 'invalid_target',
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}`, async () => {
      const response = await clientCredentials(c.secret(), c.body);
      assert.equal(response.status, c.status);
      assert.equal(((await response.json()) as { error: string }).error, c.error);
    });
  }
});

describe('interaction pages in a browser', () => {
  it('redirects /auth to a login page with one button per demo user', async () => {
    const auth = new URL(String(discovery.authorization_endpoint));
    auth.search = new URLSearchParams({
      client_id: 'sandbox-cli',
      response_type: 'code',
      redirect_uri: 'http://localhost:9876/callback',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const redirect = await fetch(auth, { redirect: 'manual' });
    assert.equal(redirect.status, 303);
    const location = new URL(String(redirect.headers.get('location')), issuer);
    assert.match(location.pathname, /^\/interaction\/[\w-]+$/);
    const cookie = redirect.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const page = await fetch(location, { headers: { cookie, accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, new RegExp(`<form method="post" action="${location.pathname}/login">`));
    for (const user of ['alice', 'bob', 'carol'])
      assert.match(html, new RegExp(`name="user" value="${user}"`));
    assert.match(html, /auth0\|carol/);
  });

  it('answers an interaction without its cookie with 400', async () => {
    const response = await fetch(`${issuer}/interaction/unknown`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_request');
  });
});

describe('createOidcProvider options', () => {
  it('uses a given issuer verbatim and a custom audience', async () => {
    const custom = createOidcProvider({ audience: 'api://custom', issuer: 'http://localhost:0/' });
    assert.equal(custom.issuer, 'http://localhost:0/');
    assert.equal(custom.audience, 'api://custom');
  });

  it('refuses duplicate users', () => {
    assert.throws(
      () =>
        createOidcProvider({
          users: [
            { username: 'a', sub: 'x', groups: [] },
            { username: 'b', sub: 'x', groups: [] },
          ],
        }),
      /users\[1\]\.sub is a duplicate/
    );
  });

  it('has no issuer before listening when none was given', () => {
    assert.throws(() => createOidcProvider().issuer, /no issuer until it listens/);
  });
});
