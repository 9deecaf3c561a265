import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapStsError, StsExchangeError } from './errors';

/** The shape the SDK gives an unmodeled STS error (see exchange.test.ts for the real thing). */
function serviceError(code: string, httpStatusCode: number, message = 'm', extra = {}) {
  return Object.assign(new Error(message), {
    name: code,
    Code: code,
    $fault: 'client',
    $metadata: { httpStatusCode, requestId: 'rid', attempts: 1 },
    ...extra,
  });
}

describe('mapStsError', () => {
  it('reads the wire code from a modeled exception name when Code is absent', () => {
    const err = Object.assign(new Error('bad'), {
      name: 'IDPRejectedClaimException',
      $metadata: { httpStatusCode: 403 },
    });
    const m = mapStsError(err);
    assert.equal(m.code, 'IDPRejectedClaim');
    assert.equal(m.kind, 'denied');
  });

  it('names the issuer without https:// in the AccessDenied condition key', () => {
    const m = mapStsError(serviceError('AccessDenied', 403), {
      issuer: 'https://idp.example.com/realms/mcp',
    });
    assert.match(m.reason, /idp\.example\.com\/realms\/mcp:aud condition matches the token's aud/);
    assert.doesNotMatch(m.reason, /https:\/\//);
  });

  it('names a plain-http issuer (the local sandbox) without its scheme too', () => {
    const m = mapStsError(serviceError('AccessDenied', 403), { issuer: 'http://127.0.0.1:4101' });
    assert.match(m.reason, /oidc-provider\/127\.0\.0\.1:4101\)/);
    assert.doesNotMatch(m.reason, /http:\/\//);
  });

  it('falls back to a placeholder when the issuer is unknown', () => {
    assert.match(mapStsError(serviceError('AccessDenied', 403)).reason, /<issuer>:aud/);
  });

  it('treats HTTP 429 as throttling whatever the code', () => {
    const m = mapStsError(serviceError('SlowDownPlease', 429));
    assert.equal(m.kind, 'throttled');
    assert.equal(m.retryAfterSeconds, undefined, 'no Retry-After of its own: the proxy picks one');
  });

  it("keeps STS's own Retry-After, whatever the kind", () => {
    const withHeader = (code: string, status: number) =>
      serviceError(code, status, 'm', { $response: { headers: { 'Retry-After': '9' } } });
    assert.equal(mapStsError(withHeader('Throttling', 400)).retryAfterSeconds, 9);
    assert.equal(mapStsError(withHeader('InternalFailure', 500)).retryAfterSeconds, 9);
  });

  it('removes JWT-shaped strings from the message even without the token at hand', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';
    const m = mapStsError(serviceError('InvalidIdentityToken', 400, `token ${jwt} is bad`));
    assert.equal(m.summary.message, 'token [REDACTED] is bad');
  });

  const transport: [string, unknown, string][] = [
    [
      'a Node ECONNREFUSED',
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED', $metadata: {} }),
      'NetworkError',
    ],
    [
      'a fetch TypeError',
      Object.assign(new TypeError('Failed to fetch'), { $metadata: {} }),
      'NetworkError',
    ],
    [
      'a reset connection the SDK named TimeoutError',
      Object.assign(new Error('socket hang up'), {
        name: 'TimeoutError',
        code: 'ECONNRESET',
        $metadata: {},
      }),
      'NetworkError',
    ],
    [
      'an SDK TimeoutError',
      Object.assign(new Error('slow'), { name: 'TimeoutError', $metadata: {} }),
      'TimeoutError',
    ],
    [
      'an AbortError',
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
      'RequestAborted',
    ],
    ['a non-error value', 'boom', 'Unknown'],
  ];
  for (const [name, error, code] of transport) {
    const transient = code === 'NetworkError' || code === 'TimeoutError';
    it(`maps ${name} to ${code}, ${transient ? 'transient' : 'failed'}`, () => {
      const m = mapStsError(error, { endpoint: 'https://sts.us-east-1.amazonaws.com' });
      assert.equal(m.kind, transient ? 'transient' : 'failed');
      assert.equal(m.code, code);
      assert.equal(m.retryAfterSeconds, undefined);
    });
  }

  it('an answer the SDK could not parse is MalformedResponse, transient (worth a retry)', () => {
    const hint = 'Deserialization error: to see the raw response, inspect the hidden field';
    const unparsable = (status: number) =>
      Object.assign(new Error(`Unexpected end of XML\n  ${hint}`), {
        name: 'Error',
        $metadata: { httpStatusCode: status },
      });
    for (const status of [200, 400]) {
      const m = mapStsError(unparsable(status), { endpoint: 'http://127.0.0.1:9/' });
      assert.deepEqual([m.kind, m.code], ['transient', 'MalformedResponse']);
      assert.match(m.reason, new RegExp(`HTTP ${status} with a body that is not an STS response`));
      assert.match(m.reason, /127\.0\.0\.1:9/);
    }
    const serverError = mapStsError(unparsable(500));
    assert.equal(serverError.kind, 'transient');
    assert.match(serverError.reason, /server error \(HTTP 500\)/);
    const modeled = mapStsError(serviceError('AccessDenied', 403, 'not allowed'));
    assert.equal(modeled.code, 'AccessDenied', 'a parsed refusal keeps its code');
  });

  it('StsExchangeError.toJSON carries the mapping but no cause', () => {
    const err = new StsExchangeError(mapStsError(serviceError('Throttling', 400)));
    const json = err.toJSON();
    assert.equal(json.code, 'STS_EXCHANGE_FAILED');
    assert.equal(json.stsCode, 'Throttling');
    assert.equal(json.kind, 'throttled');
    assert.equal(json.summary.requestId, 'rid');
    assert.equal(err.cause, undefined);
  });
});
