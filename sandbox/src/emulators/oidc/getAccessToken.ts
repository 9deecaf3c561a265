// Gets a demo user's access token from a running local OIDC provider by a real authorization code
// + PKCE flow over HTTP (login and consent posted as a browser would). It does not verify tokens.
import { AwsStsError } from '../../errors';
import { DEFAULT_PUBLIC_CLIENT_ID, DEFAULT_REDIRECT_URI } from './clients';
import { createCookieJar, type CookieJar } from './cookieJar';
import type { InteractionJson } from './interactionPages';
import { createPkcePair, randomBase64Url } from './pkce';

export interface GetAccessTokenOptions {
  /** The provider's issuer, exactly as its discovery document states it. */
  issuer: string;
  /** The demo user's login name (`alice`, `bob`, `carol`). */
  user: string;
  /** A public client registered for PKCE. Default `sandbox-cli`. */
  clientId?: string;
  /** Sent as the `audience` parameter; the provider's configured audience when absent. */
  audience?: string;
  /** A redirect URI registered for the client (nothing needs to listen there). */
  redirectUri?: string;
  /** Default `openid profile email`. */
  scope?: string;
  fetch?: typeof fetch;
}

/** The token endpoint's answer (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  id_token?: string;
  scope?: string;
}

const MAX_STEPS = 12;

/**
 * Runs the authorization code flow with PKCE for `user` and returns the token response: GET
 * /auth, follow redirects to the interaction, post the login and the consent, capture the code
 * from the redirect to `redirectUri`, POST /token with the verifier.
 * @example const { access_token } = await getTokenResponse({ issuer, user: 'alice' });
 */
export async function getTokenResponse(options: GetAccessTokenOptions): Promise<TokenResponse> {
  const fetchFn = options.fetch ?? fetch;
  const clientId = options.clientId ?? DEFAULT_PUBLIC_CLIENT_ID;
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URI;
  const metadata = await discover(fetchFn, options.issuer);
  const { verifier, challenge } = createPkcePair();
  const state = randomBase64Url(16);

  const authUrl = new URL(metadata.authorization_endpoint);
  const params: Record<string, string> = {
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid profile email',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ...(options.audience ? { audience: options.audience } : {}),
  };
  for (const [key, value] of Object.entries(params)) authUrl.searchParams.set(key, value);

  const browser = createBrowser(fetchFn);
  const code = await followToCallback(browser, authUrl, redirectUri, options, state);

  const response = await fetchFn(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & OAuthError;
  if (!response.ok || typeof body.access_token !== 'string') {
    throw flowError(`the token endpoint refused the code (HTTP ${response.status})`, body);
  }
  return body as TokenResponse;
}

/**
 * Like getTokenResponse, returning only the access token (a JWT for the provider's audience).
 * @example const token = await getAccessToken({ issuer: 'http://127.0.0.1:4444', user: 'alice' });
 */
export async function getAccessToken(options: GetAccessTokenOptions): Promise<string> {
  return (await getTokenResponse(options)).access_token;
}

interface OAuthError {
  error?: string;
  error_description?: string;
}

interface Browser {
  request(url: URL, init?: { method?: string; form?: Record<string, string> }): Promise<Response>;
}

/** fetch with a cookie jar and manual redirects, as a browser tab would carry cookies. */
function createBrowser(fetchFn: typeof fetch, jar: CookieJar = createCookieJar()): Browser {
  return {
    async request(url, init = {}) {
      const headers: Record<string, string> = { accept: 'application/json, text/html;q=0.5' };
      const cookie = jar.header(url.pathname);
      if (cookie) headers.cookie = cookie;
      if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetchFn(url, {
        method: init.method ?? 'GET',
        headers,
        redirect: 'manual',
        ...(init.form ? { body: new URLSearchParams(init.form) } : {}),
      });
      for (const value of setCookies(response.headers)) jar.store(value, url.pathname);
      return response;
    },
  };
}

async function followToCallback(
  browser: Browser,
  start: URL,
  redirectUri: string,
  options: GetAccessTokenOptions,
  state: string
): Promise<string> {
  let url = start;
  let response = await browser.request(url);
  for (let step = 0; step < MAX_STEPS; step++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (isRedirectUri(next, redirectUri)) return codeFrom(next, options.issuer, state);
      url = next;
      response = await browser.request(url);
      continue;
    }
    const page = (await response.json().catch(() => undefined)) as
      (InteractionJson & OAuthError) | undefined;
    if (response.status === 401 && page?.prompt === 'login') {
      throw new AwsStsError(
        'INVALID_INPUT',
        `the OIDC provider refused the login for user "${options.user}": ${page.error ?? 'unknown user'}`
      );
    }
    if (!response.ok || !page?.actions) {
      const what = page?.error ? 'the provider refused the request to' : 'unexpected answer from';
      throw flowError(`${what} ${url.pathname} (HTTP ${response.status})`, page);
    }
    if (page.prompt === 'login' && page.actions.login) {
      url = new URL(page.actions.login, url);
      response = await browser.request(url, { method: 'POST', form: { user: options.user } });
    } else if (page.prompt === 'consent' && page.actions.confirm) {
      url = new URL(page.actions.confirm, url);
      response = await browser.request(url, { method: 'POST', form: {} });
    } else {
      throw flowError(`the provider asks for an unsupported step "${page.prompt}"`, page);
    }
  }
  throw flowError(`the authorization flow did not finish within ${MAX_STEPS} steps`);
}

function codeFrom(callback: URL, issuer: string, state: string): string {
  const query = callback.searchParams;
  const error = query.get('error');
  if (error) {
    throw flowError('the provider refused the authorization request', {
      error,
      error_description: query.get('error_description') ?? undefined,
    });
  }
  if (query.get('state') !== state) throw flowError('the callback carries the wrong state');
  const iss = query.get('iss');
  if (iss !== null && iss !== issuer) {
    throw flowError(`the callback names issuer "${iss}", not "${issuer}"`);
  }
  const code = query.get('code');
  if (!code) throw flowError('the callback carries no code');
  return code;
}

async function discover(
  fetchFn: typeof fetch,
  issuer: string
): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new AwsStsError('INVALID_INPUT', `cannot reach the OIDC provider at ${url}`, {
      cause: error,
    });
  }
  const metadata = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw flowError(`discovery failed at ${url} (HTTP ${response.status})`);
  if (metadata.issuer !== issuer) {
    throw flowError(
      `discovery at ${url} names issuer "${String(metadata.issuer)}", not "${issuer}"`
    );
  }
  const { authorization_endpoint: auth, token_endpoint: token } = metadata;
  if (typeof auth !== 'string' || typeof token !== 'string') {
    throw flowError(`discovery at ${url} lacks authorization_endpoint or token_endpoint`);
  }
  return { authorization_endpoint: auth, token_endpoint: token };
}

function isRedirectUri(url: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri);
  return url.origin === expected.origin && url.pathname === expected.pathname;
}

function setCookies(headers: Headers): string[] {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const single = headers.get('set-cookie');
  return single ? [single] : [];
}

function flowError(message: string, oauth?: OAuthError): AwsStsError {
  const detail = oauth?.error
    ? `: ${oauth.error}${oauth.error_description ? ` (${oauth.error_description})` : ''}`
    : '';
  return new AwsStsError('INVALID_INPUT', `${message}${detail}`);
}
