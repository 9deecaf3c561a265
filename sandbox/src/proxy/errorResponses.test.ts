// Every failure on the request path → status, body and headers, in one table (ToolHive's bodies
// where it has them; WWW-Authenticate on every 401; Retry-After on transient failures).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenError } from '../auth';
import { AwsStsError } from '../errors';
import { StsExchangeError, mapStsError } from '../sts';
import { statusForError } from './errorResponses';
import { ProxyError } from './proxyError';

const METADATA = 'http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp';
const CHALLENGE_BARE = `Bearer resource_metadata="${METADATA}"`;
const ROLE = 'arn:aws:iam::123456789012:role/S3ReadOnlyMCPRole';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

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

const cases: {
  name: string;
  error: unknown;
  status: number;
  body: string | RegExp;
  headers?: Record<string, string | RegExp | undefined>;
  stage: string;
}[] = [
  {
    name: 'no bearer token',
    error: new TokenError('missing', 'bearer token required'),
    status: 401,
    body: 'Authentication required',
    headers: { 'www-authenticate': CHALLENGE_BARE },
    stage: 'auth',
  },
  {
    name: 'expired token',
    error: new TokenError('expired', 'token has expired', { detail: 'ERR_JWT_EXPIRED' }),
    status: 401,
    body: 'Invalid bearer token: token has expired',
    headers: {
      'www-authenticate': `Bearer error="invalid_token", error_description="token has expired", resource_metadata="${METADATA}"`,
    },
    stage: 'auth',
  },
  {
    name: 'issuer keys unavailable → 503, not 401',
    error: new TokenError('unavailable', "the token issuer's signing keys are unavailable"),
    status: 503,
    body: /^Token issuer unavailable: .*retry later$/,
    headers: { 'retry-after': '5', 'www-authenticate': undefined },
    stage: 'auth',
  },
  {
    name: 'no role (ToolHive body)',
    error: new AwsStsError('NO_ROLE_MAPPING', 'no role mapping found for JWT claims'),
    status: 403,
    body: 'Failed to determine IAM role',
    headers: { 'www-authenticate': undefined },
    stage: 'role',
  },
  {
    name: 'session claim missing (ToolHive body)',
    error: new AwsStsError('MISSING_SESSION_NAME_CLAIM', 'claim "sub" not found in token'),
    status: 401,
    body: 'Missing session name claim',
    headers: {
      'www-authenticate':
        /^Bearer error="invalid_token", error_description="Missing session name claim"/,
    },
    stage: 'session',
  },
  {
    name: 'session name invalid (ToolHive body)',
    error: new AwsStsError(
      'INVALID_SESSION_NAME',
      'invalid session name: contains invalid characters'
    ),
    status: 401,
    body: 'Invalid session name',
    headers: { 'www-authenticate': /error_description="Invalid session name"/ },
    stage: 'session',
  },
  {
    name: 'STS AccessDenied → 403 with the trust-policy hint',
    error: stsFailure('AccessDenied', 403),
    status: 403,
    body: /^AWS credential exchange failed: AccessDenied: the trust policy of role arn:aws:iam::123456789012:role\/S3ReadOnlyMCPRole does not allow this token/,
    headers: { 'www-authenticate': undefined, 'retry-after': undefined },
    stage: 'sts',
  },
  {
    name: 'STS InvalidIdentityToken → 401 with a challenge',
    error: stsFailure('InvalidIdentityToken', 400),
    status: 401,
    body: /^AWS credential exchange failed: InvalidIdentityToken: STS could not validate/,
    headers: {
      'www-authenticate':
        /error="invalid_token", error_description="AWS STS refused the token \(InvalidIdentityToken\)"/,
    },
    stage: 'sts',
  },
  {
    name: 'STS throttling → 503 with its Retry-After',
    error: stsFailure('Throttling', 400, '7'),
    status: 503,
    body: /^AWS credential exchange failed: Throttling: /,
    headers: { 'retry-after': '7' },
    stage: 'sts',
  },
  {
    name: 'STS 500 → 502 with a default Retry-After',
    error: stsFailure('InternalFailure', 500),
    status: 502,
    body: /^AWS credential exchange failed: InternalFailure: STS returned a server error/,
    headers: { 'retry-after': '2' },
    stage: 'sts',
  },
  {
    name: 'signing failed (ToolHive body)',
    error: new AwsStsError('SIGNING_FAILED', 'SigV4 signing failed'),
    status: 500,
    body: 'Request signing failed',
    stage: 'signing',
  },
  {
    name: 'body too large → 413 and the connection closes',
    error: new ProxyError('body_too_large', 'Request body exceeds maximum size of 10485760 bytes'),
    status: 413,
    body: 'Request body exceeds maximum size of 10485760 bytes',
    headers: { connection: 'close' },
    stage: 'body',
  },
  {
    name: 'upstream unreachable → 502',
    error: new ProxyError('upstream_unreachable', 'Upstream unreachable', {
      detail: 'ECONNREFUSED',
    }),
    status: 502,
    body: 'Upstream unreachable',
    stage: 'upstream',
  },
  {
    name: 'upstream timeout → 504',
    error: new ProxyError('upstream_timeout', 'Upstream timeout'),
    status: 504,
    body: 'Upstream timeout',
    stage: 'upstream',
  },
  {
    name: 'method not allowed → 405 with Allow',
    error: new ProxyError('method_not_allowed', 'Method not allowed', { allow: 'GET, POST' }),
    status: 405,
    body: 'Method not allowed',
    headers: { allow: 'GET, POST' },
    stage: 'routing',
  },
  {
    name: 'forbidden origin → 403',
    error: new ProxyError('origin_forbidden', 'Origin not allowed'),
    status: 403,
    body: 'Origin not allowed',
    stage: 'routing',
  },
  {
    name: 'a config error at request time → 500, details only in the log',
    error: new AwsStsError('INVALID_CONFIG', 'invalid session duration: 99 is below minimum'),
    status: 500,
    body: 'Internal proxy error',
    stage: 'internal',
  },
  {
    name: 'anything else → 500',
    error: new TypeError('boom\nsecond line'),
    status: 500,
    body: 'Internal proxy error',
    stage: 'internal',
  },
];

for (const c of cases) {
  test(`statusForError: ${c.name}`, () => {
    const answer = statusForError(c.error, { resourceMetadataUrl: METADATA });
    assert.equal(answer.status, c.status);
    if (typeof c.body === 'string') assert.equal(answer.body, c.body);
    else assert.match(answer.body, c.body);
    assert.equal(answer.stage, c.stage);
    for (const [name, expected] of Object.entries(c.headers ?? {})) {
      const actual = answer.headers[name];
      if (expected === undefined) assert.equal(actual, undefined, name);
      else if (typeof expected === 'string') assert.equal(actual, expected, name);
      else assert.match(actual ?? '', expected, name);
    }
    const everything = JSON.stringify(answer);
    assert.ok(!everything.includes(TOKEN), 'the token never appears in the answer or its log');
    assert.ok(!answer.body.includes('\n'));
  });
}

test('statusForError: every 401 carries a challenge that points at the metadata', () => {
  for (const c of cases.filter((x) => x.status === 401)) {
    const answer = statusForError(c.error, { resourceMetadataUrl: METADATA });
    assert.match(answer.headers['www-authenticate'] ?? '', /^Bearer .*resource_metadata="/, c.name);
  }
});

test('statusForError: the log of an unknown error keeps only its first line', () => {
  const answer = statusForError(new TypeError('boom\nsecond line'), {
    resourceMetadataUrl: METADATA,
  });
  assert.deepEqual(answer.log, { error: { name: 'TypeError', message: 'boom' } });
});
