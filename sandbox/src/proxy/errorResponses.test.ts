// The failure table, row by row in both columns: every named failure → status, headers and the
// exact body, ToolHive's answer (its middleware's words) and the enhanced one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64url } from 'jose';
import { TokenError } from '../auth';
import { AwsStsError } from '../errors';
import { StsExchangeError, mapStsError } from '../sts';
import { FAILURE_TABLE, statusForError } from './errorResponses';
import type { ErrorResponseContext } from './errorResponses';
import type { FailureKind } from './failures';
import type { ProxyMode } from './mode';
import { ProxyError } from './proxyError';
import { checkDeclaredLength } from './readBody';

const METADATA = 'http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp';
const ISSUER = 'http://127.0.0.1:4101';
const CHALLENGE_BARE = `Bearer resource_metadata="${METADATA}"`;
const ROLE = 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const GO_TEXT = {
  'content-type': 'text/plain; charset=utf-8',
  'x-content-type-options': 'nosniff',
};
const OUR_TEXT = { ...GO_TEXT, 'cache-control': 'no-store' };

/** A bearer header whose token has this protected header (signature and payload are junk). */
function bearerWith(header: Record<string, unknown>): string {
  return `Bearer ${base64url.encode(JSON.stringify(header))}.eyJzdWIiOiJhIn0.c2ln`;
}

/** ToolHive's challenge for a token failure (pkg/auth/token.go buildWWWAuthenticate). */
function toolhiveChallenge(error: string, description: string): string {
  return `Bearer realm="${ISSUER}", resource_metadata="${METADATA}", error="${error}", error_description="${description}"`;
}

/** An STS failure the way the SDK reports it. */
function stsFailure(code: string, httpStatus: number, retryAfter?: string): StsExchangeError {
  const error = Object.assign(new Error(`refused ${TOKEN}`), {
    name: code,
    Code: code,
    $metadata: { httpStatusCode: httpStatus, requestId: 'req-1', attempts: 1 },
    $response: { headers: retryAfter ? { 'retry-after': retryAfter } : {} },
  });
  return new StsExchangeError(
    mapStsError(error, { token: TOKEN, roleArn: ROLE, issuer: 'https://idp.example.com' })
  );
}

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

interface Expected {
  status: number;
  body: string | RegExp;
  /** Headers that must be present with this value (or match); `undefined`: must be absent. */
  headers?: Record<string, string | RegExp | undefined>;
}

interface Row {
  name: string;
  kind: FailureKind;
  error: unknown;
  authorization?: string;
  toolhive: Expected;
  enhanced: Expected;
}

const AUTHENTICATION_REQUIRED_JSON =
  '{"error":"invalid_request","error_description":"authorization header required"}';

const rows: Row[] = [
  {
    name: 'no Authorization header',
    kind: 'token_missing',
    error: new TokenError('missing', 'bearer token required'),
    toolhive: {
      status: 401,
      body: AUTHENTICATION_REQUIRED_JSON,
      headers: {
        'content-type': 'application/json',
        'www-authenticate': toolhiveChallenge('invalid_request', 'authorization header required'),
      },
    },
    enhanced: {
      status: 401,
      body: 'Authentication required\n',
      headers: { ...OUR_TEXT, 'www-authenticate': CHALLENGE_BARE },
    },
  },
  {
    name: 'another scheme (Basic)',
    kind: 'token_missing',
    error: new TokenError('missing', 'bearer token required', {
      detail: 'Authorization header uses another scheme',
    }),
    authorization: 'Basic YWxpY2U6cHc=',
    toolhive: {
      status: 401,
      body: `{"error":"invalid_request","error_description":"invalid authorization header format, expected 'Bearer \\u003ctoken\\u003e'"}`,
      headers: {
        'www-authenticate': toolhiveChallenge(
          'invalid_request',
          "invalid authorization header format, expected 'Bearer <token>'"
        ),
      },
    },
    enhanced: { status: 401, body: 'Authentication required\n' },
  },
  {
    name: 'expired token',
    kind: 'token_rejected',
    error: new TokenError('expired', 'token has expired', { detail: 'ERR_JWT_EXPIRED' }),
    toolhive: {
      status: 401,
      body: '{"error":"invalid_token","error_description":"Invalid token: failed to parse token: token has invalid claims: token is expired"}',
      headers: {
        'www-authenticate': toolhiveChallenge(
          'invalid_token',
          'failed to parse token: token has invalid claims: token is expired'
        ),
      },
    },
    enhanced: {
      status: 401,
      body: 'Invalid bearer token: token has expired\n',
      headers: {
        'www-authenticate': `Bearer error="invalid_token", error_description="token has expired", resource_metadata="${METADATA}"`,
      },
    },
  },
  {
    name: 'signing key unknown (the IdP restarted): ToolHive names the kid',
    kind: 'token_rejected',
    error: new TokenError('unknown_key', "token signing key is not one of the issuer's keys"),
    authorization: bearerWith({ alg: 'RS256', kid: 'old-key' }),
    toolhive: {
      status: 401,
      body: '{"error":"invalid_token","error_description":"Invalid token: failed to parse token: token is unverifiable: error while executing keyfunc: key ID old-key not found in JWKS"}',
    },
    enhanced: {
      status: 401,
      body: "Invalid bearer token: token signing key is not one of the issuer's keys\n",
    },
  },
  {
    name: 'bad signature on an ES256 token',
    kind: 'token_rejected',
    error: new TokenError('signature', 'token signature is invalid'),
    authorization: bearerWith({ alg: 'ES256', kid: 'k' }),
    toolhive: {
      status: 401,
      body: '{"error":"invalid_token","error_description":"Invalid token: failed to parse token: token signature is invalid: crypto/ecdsa: verification error"}',
    },
    enhanced: { status: 401, body: 'Invalid bearer token: token signature is invalid\n' },
  },
  {
    name: 'HS256 token',
    kind: 'token_rejected',
    error: new TokenError('algorithm', 'token algorithm is not allowed'),
    authorization: bearerWith({ alg: 'HS256' }),
    toolhive: {
      status: 401,
      body: /"Invalid token: failed to parse token: token is unverifiable: error while executing keyfunc: unexpected signing method: HS256"/,
    },
    enhanced: { status: 401, body: 'Invalid bearer token: token algorithm is not allowed\n' },
  },
  {
    name: 'not a JWT: ToolHive tries introspection, which is not configured',
    kind: 'token_rejected',
    error: new TokenError('malformed', 'token is not a well-formed JWT'),
    authorization: 'Bearer opaque-token',
    toolhive: {
      status: 401,
      body: /"Invalid token: failed to introspect opaque token: no introspection endpoint available"/,
    },
    enhanced: { status: 401, body: 'Invalid bearer token: token is not a well-formed JWT\n' },
  },
  {
    name: 'audience',
    kind: 'token_rejected',
    error: new TokenError('audience', 'token audience is not this resource'),
    toolhive: { status: 401, body: /"Invalid token: invalid audience"/ },
    enhanced: { status: 401, body: 'Invalid bearer token: token audience is not this resource\n' },
  },
  {
    name: 'issuer keys unavailable: 401 like any bad token in ToolHive, 503 enhanced',
    kind: 'issuer_unavailable',
    error: new TokenError('unavailable', "the token issuer's signing keys are unavailable", {
      detail: 'discovery request to http://127.0.0.1:4101/.well-known/openid-configuration failed',
    }),
    toolhive: {
      status: 401,
      body: /^\{"error":"invalid_token","error_description":"Invalid token: OIDC discovery failed: failed to discover OIDC configuration: discovery request to/,
      headers: { 'retry-after': undefined },
    },
    enhanced: {
      status: 503,
      body: /^Token issuer unavailable: .*retry later\n$/,
      headers: { 'retry-after': '5', 'www-authenticate': undefined },
    },
  },
  {
    name: 'no role',
    kind: 'no_role',
    error: new AwsStsError('NO_ROLE_MAPPING', 'no role mapping found for JWT claims'),
    toolhive: { status: 403, body: 'Failed to determine IAM role\n', headers: GO_TEXT },
    enhanced: {
      status: 403,
      body: 'Failed to determine IAM role\n',
      headers: { 'www-authenticate': undefined },
    },
  },
  {
    name: 'session claim missing',
    kind: 'session_name_missing',
    error: new AwsStsError('MISSING_SESSION_NAME_CLAIM', 'claim "sub" not found in token'),
    toolhive: {
      status: 401,
      body: 'Missing session name claim\n',
      headers: { 'www-authenticate': undefined },
    },
    enhanced: {
      status: 401,
      body: 'Missing session name claim\n',
      headers: {
        'www-authenticate':
          /^Bearer error="invalid_token", error_description="Missing session name claim"/,
      },
    },
  },
  {
    name: 'session name invalid',
    kind: 'session_name_invalid',
    error: new AwsStsError('INVALID_SESSION_NAME', 'invalid session name: contains invalid chars'),
    toolhive: {
      status: 401,
      body: 'Invalid session name\n',
      headers: { ...GO_TEXT, 'www-authenticate': undefined },
    },
    enhanced: {
      status: 401,
      body: 'Invalid session name\n',
      headers: { 'www-authenticate': /error_description="Invalid session name"/ },
    },
  },
  {
    name: 'STS InvalidIdentityToken',
    kind: 'sts_token_rejected',
    error: stsFailure('InvalidIdentityToken', 400),
    toolhive: {
      status: 401,
      body: 'AWS credential exchange failed\n',
      headers: { 'www-authenticate': undefined },
    },
    enhanced: {
      status: 401,
      body: /^AWS credential exchange failed: InvalidIdentityToken: STS could not validate/,
      headers: {
        'www-authenticate':
          /error="invalid_token", error_description="AWS STS refused the token \(InvalidIdentityToken\)"/,
      },
    },
  },
  {
    name: 'STS AccessDenied (the trust policy)',
    kind: 'sts_denied',
    error: stsFailure('AccessDenied', 403),
    toolhive: { status: 401, body: 'AWS credential exchange failed\n', headers: GO_TEXT },
    enhanced: {
      status: 403,
      body: /^AWS credential exchange failed: AccessDenied: the trust policy of role arn:aws:iam::123456789012:role\/S3ReadOnlyMCPRole does not allow this token/,
      headers: { 'www-authenticate': undefined, 'retry-after': undefined },
    },
  },
  {
    name: 'STS ValidationError',
    kind: 'sts_misconfigured',
    error: stsFailure('ValidationError', 400),
    toolhive: { status: 401, body: 'AWS credential exchange failed\n' },
    enhanced: { status: 500, body: /^AWS credential exchange failed: ValidationError: / },
  },
  {
    name: 'STS throttling with its own Retry-After',
    kind: 'sts_throttled',
    error: stsFailure('Throttling', 400, '7'),
    toolhive: {
      status: 401,
      body: 'AWS credential exchange failed\n',
      headers: { 'retry-after': undefined },
    },
    enhanced: {
      status: 503,
      body: /^AWS credential exchange failed: Throttling: /,
      headers: { 'retry-after': '7' },
    },
  },
  {
    name: 'STS throttling without Retry-After',
    kind: 'sts_throttled',
    error: stsFailure('ThrottlingException', 400),
    toolhive: { status: 401, body: 'AWS credential exchange failed\n' },
    enhanced: { status: 503, body: /Throttling/, headers: { 'retry-after': '5' } },
  },
  {
    name: 'STS 503',
    kind: 'sts_unavailable',
    error: stsFailure('ServiceUnavailable', 503),
    toolhive: { status: 401, body: 'AWS credential exchange failed\n' },
    enhanced: { status: 503, body: /server error \(HTTP 503\)/, headers: { 'retry-after': '2' } },
  },
  {
    name: 'STS 500',
    kind: 'sts_transient',
    error: stsFailure('InternalFailure', 500),
    toolhive: {
      status: 401,
      body: 'AWS credential exchange failed\n',
      headers: { 'retry-after': undefined },
    },
    enhanced: {
      status: 502,
      body: /^AWS credential exchange failed: InternalFailure: STS returned a server error/,
      headers: { 'retry-after': '2' },
    },
  },
  {
    name: 'STS refusal nobody anticipated',
    kind: 'sts_failed',
    error: stsFailure('SomethingNew', 400),
    toolhive: { status: 401, body: 'AWS credential exchange failed\n' },
    enhanced: {
      status: 502,
      body: /SomethingNew \(HTTP 400\)/,
      headers: { 'retry-after': undefined },
    },
  },
  {
    name: 'signing failed',
    kind: 'signing_failed',
    error: new AwsStsError('SIGNING_FAILED', 'SigV4 signing failed'),
    toolhive: { status: 500, body: 'Request signing failed\n' },
    enhanced: { status: 500, body: 'Request signing failed\n' },
  },
  {
    name: 'Content-Length over the limit',
    kind: 'body_too_large',
    error: thrown(() => checkDeclaredLength('20000000', 10485760)),
    toolhive: {
      status: 413,
      body: 'Request Entity Too Large\n',
      headers: { connection: 'close' },
    },
    enhanced: {
      status: 413,
      body: 'Request body exceeds maximum size of 10485760 bytes\n',
      headers: { connection: 'close' },
    },
  },
  {
    name: 'the limit reached while streaming',
    kind: 'body_too_large_streamed',
    error: new ProxyError('body_too_large', 'Request body exceeds maximum size of 10485760 bytes', {
      detail: 'limit reached while reading',
    }),
    toolhive: { status: 500, body: 'Request signing failed\n' },
    enhanced: { status: 413, body: 'Request body exceeds maximum size of 10485760 bytes\n' },
  },
  {
    name: 'upstream unreachable',
    kind: 'upstream_unreachable',
    error: new ProxyError('upstream_unreachable', 'Upstream unreachable', {
      detail: 'ECONNREFUSED',
    }),
    toolhive: { status: 502, body: '', headers: { 'content-type': undefined } },
    enhanced: { status: 502, body: 'Upstream unreachable\n' },
  },
  {
    name: 'upstream timeout',
    kind: 'upstream_timeout',
    error: new ProxyError('upstream_timeout', 'Upstream timeout'),
    toolhive: { status: 502, body: '' },
    enhanced: { status: 504, body: 'Upstream timeout\n' },
  },
  {
    name: 'forbidden origin',
    kind: 'origin_forbidden',
    error: new ProxyError('origin_forbidden', 'Origin not allowed'),
    toolhive: {
      status: 403,
      body: '{"error":{"code":-32600,"message":"Origin not allowed"},"jsonrpc":"2.0"}',
      headers: { 'content-type': 'application/json' },
    },
    enhanced: { status: 403, body: 'Origin not allowed\n' },
  },
  {
    name: 'client went away',
    kind: 'client_closed',
    error: new ProxyError('client_closed', 'Client closed the request'),
    toolhive: { status: 499, body: 'Client closed the request\n' },
    enhanced: { status: 499, body: 'Client closed the request\n' },
  },
  {
    name: 'unknown path',
    kind: 'not_found',
    error: new ProxyError('not_found', 'Not found'),
    toolhive: { status: 404, body: 'Not found\n' },
    enhanced: { status: 404, body: 'Not found\n' },
  },
  {
    name: 'method not allowed',
    kind: 'method_not_allowed',
    error: new ProxyError('method_not_allowed', 'Method not allowed', { allow: 'GET, POST' }),
    toolhive: { status: 405, body: 'Method not allowed\n', headers: { allow: 'GET, POST' } },
    enhanced: { status: 405, body: 'Method not allowed\n', headers: { allow: 'GET, POST' } },
  },
  {
    name: 'a config error at request time: details only in the log',
    kind: 'internal',
    error: new AwsStsError('INVALID_CONFIG', 'invalid session duration: 99 is below minimum'),
    toolhive: { status: 500, body: 'Internal proxy error\n' },
    enhanced: { status: 500, body: 'Internal proxy error\n' },
  },
  {
    name: 'anything else',
    kind: 'internal',
    error: new TypeError('boom\nsecond line'),
    toolhive: { status: 500, body: 'Internal proxy error\n' },
    enhanced: { status: 500, body: 'Internal proxy error\n' },
  },
];

function context(mode: ProxyMode, row: Row): ErrorResponseContext {
  return {
    mode,
    resourceMetadataUrl: METADATA,
    issuer: ISSUER,
    ...(row.authorization === undefined ? {} : { authorization: row.authorization }),
  };
}

for (const row of rows) {
  for (const mode of ['toolhive', 'enhanced'] as const) {
    test(`failure table, ${mode}: ${row.name}`, () => {
      const expected = row[mode];
      const answer = statusForError(row.error, context(mode, row));
      assert.equal(answer.failure, row.kind);
      assert.equal(answer.status, expected.status);
      if (typeof expected.body === 'string') assert.equal(answer.body, expected.body);
      else assert.match(answer.body, expected.body);
      for (const [name, value] of Object.entries(expected.headers ?? {})) {
        const actual = answer.headers[name];
        if (value === undefined) assert.equal(actual, undefined, name);
        else if (typeof value === 'string') assert.equal(actual, value, name);
        else assert.match(actual ?? '', value, name);
      }
      const everything = JSON.stringify(answer);
      assert.ok(!everything.includes(TOKEN), 'the token never appears in the answer or its log');
      assert.equal(answer.body.split('\n').length <= 2, true, 'one line at most');
    });
  }
}

test('failure table: every row is tested, in both modes', () => {
  const tested = new Set(rows.map((row) => row.kind));
  assert.deepEqual(
    Object.keys(FAILURE_TABLE).filter((kind) => !tested.has(kind as FailureKind)),
    []
  );
});

test('failure table: ToolHive never sends Retry-After; every enhanced 401 carries a challenge', () => {
  for (const row of rows) {
    const toolhive = statusForError(row.error, context('toolhive', row));
    assert.equal(toolhive.headers['retry-after'], undefined, row.name);
    const enhanced = statusForError(row.error, context('enhanced', row));
    if (enhanced.status === 401) {
      assert.match(enhanced.headers['www-authenticate'] ?? '', /^Bearer .*resource_metadata="/);
    }
  }
});

test('failure table: the default column is the enhanced one', () => {
  const answer = statusForError(stsFailure('AccessDenied', 403), { resourceMetadataUrl: METADATA });
  assert.equal(answer.status, 403);
});

test('failure table: a kid that could break the header is left out of ToolHive texts', () => {
  const answer = statusForError(
    new TokenError('unknown_key', "token signing key is not one of the issuer's keys"),
    {
      mode: 'toolhive',
      resourceMetadataUrl: METADATA,
      issuer: ISSUER,
      authorization: bearerWith({ alg: 'RS256', kid: 'a\r\nSet-Cookie: x=1' }),
    }
  );
  assert.match(answer.body, /token header missing kid/);
  assert.doesNotMatch(answer.headers['www-authenticate'] ?? '', /[\r\n]/);
});

test('failure table: the log of an unknown error keeps only its first line', () => {
  const answer = statusForError(new TypeError('boom\nsecond line'), {
    resourceMetadataUrl: METADATA,
  });
  assert.deepEqual(answer.log, { error: { name: 'TypeError', message: 'boom' } });
  assert.equal(answer.stage, 'internal');
});
