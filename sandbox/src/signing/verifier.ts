// Owns checking a SigV4 request as a server received it: header shape, scope, clock skew, session
// token, recomputed signature. It does not authorize the caller (the IAM evaluator does).

import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { formatAmzDate, parseAmzDate, parseAuthorization } from './authorization';
import type { ParsedAuthorization } from './authorization';
import { flattenHeaders, toHeaderRecord } from './headers';
import type { HeaderInput } from './headers';
import { Sha256, sha256Hex } from '../shared';
import { parseQuery, splitTarget } from './request';

export const DEFAULT_MAX_SKEW_SECONDS = 300;

/** AWS's error codes for authentication failures, as JSON-protocol services name them. */
export type SigV4ErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'RequestExpired'
  | 'UnrecognizedClientException'
  | 'InvalidClientTokenId';

export interface ReceivedRequest {
  method: string;
  /** The request target as received: `/mcp?x=1` (Node's `req.url`) or an absolute URL. */
  url: string;
  headers: HeaderInput;
  body: Uint8Array;
}

/** What the verifier needs to know about an access key. */
export interface SigningSecret {
  secretAccessKey: string;
  /** Set for temporary credentials: the request must carry exactly this token. */
  sessionToken?: string;
}

export type LookupSecret = (
  accessKeyId: string
) => SigningSecret | undefined | Promise<SigningSecret | undefined>;

export interface VerifySigV4Options {
  /** The scope's service must equal this, e.g. `aws-mcp`. */
  service: string;
  /** When set, the scope's region must equal it. */
  region?: string;
  now: Date;
  /** Largest accepted distance between X-Amz-Date and `now`. Default 300. */
  maxSkewSeconds?: number;
}

export type SigV4VerifyResult =
  | {
      ok: true;
      accessKeyId: string;
      region: string;
      service: string;
      signedHeaders: string[];
      signedAt: Date;
      /** Whether the request carried (and matched) a session token. */
      withSessionToken: boolean;
    }
  | {
      ok: false;
      /** AWS answers all of these with 403; 401 is reserved for callers who want it. */
      status: 401 | 403;
      code: SigV4ErrorCode;
      message: string;
    };

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * Verifies a SigV4 `Authorization` header against the request as received, recomputing the
 * signature over only the signed headers with `@smithy/signature-v4`.
 * @example
 * const result = await verifySigV4({ method: req.method, url: req.url, headers: req.headers, body }, lookup, { service: 'aws-mcp', region: 'us-east-1', now: new Date() });
 */
export async function verifySigV4(
  request: ReceivedRequest,
  lookupSecret: LookupSecret,
  options: VerifySigV4Options
): Promise<SigV4VerifyResult> {
  const headers = flattenHeaders(toHeaderRecord(request.headers));
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.trim() === '') {
    return fail('MissingAuthenticationToken', 'Missing Authentication Token');
  }
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok) return fail('IncompleteSignatureException', parsed.reason);
  const auth = parsed.value;

  const amzDate = headers['x-amz-date'];
  if (amzDate === undefined) {
    return fail(
      'IncompleteSignatureException',
      "Authorization header requires existence of a 'X-Amz-Date' header."
    );
  }
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) {
    return fail(
      'IncompleteSignatureException',
      "'X-Amz-Date' must have the form YYYYMMDD'T'HHMMSS'Z'."
    );
  }
  for (const required of ['host', 'x-amz-date']) {
    if (!auth.signedHeaders.includes(required)) {
      return fail('IncompleteSignatureException', `'${required}' must be a signed header.`);
    }
  }

  const scopeProblem = checkScope(auth, amzDate, options);
  if (scopeProblem) return fail('InvalidSignatureException', scopeProblem);

  const maxSkewMs = (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS) * 1000;
  const skewProblem = checkSkew(signedAt, amzDate, options.now, maxSkewMs);
  if (skewProblem) return fail('RequestExpired', skewProblem);

  const secret = await lookupSecret(auth.accessKeyId);
  if (!secret) return fail('UnrecognizedClientException', INVALID_TOKEN);
  const sentToken = headers['x-amz-security-token'];
  if (!tokensMatch(secret.sessionToken, sentToken)) {
    return fail('InvalidClientTokenId', INVALID_TOKEN);
  }

  const payloadHash = headers['x-amz-content-sha256'];
  if (payloadHash !== undefined && !constantTimeEqual(payloadHash, sha256Hex(request.body))) {
    return fail(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match the request body."
    );
  }

  const signedHeaderValues: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headers[name];
    if (value === undefined) {
      return fail(
        'InvalidSignatureException',
        `Signed header '${name}' is missing from the request.`
      );
    }
    signedHeaderValues[name] = value;
  }

  const expected = await recomputeSignature(request, auth, signedHeaderValues, signedAt, {
    accessKeyId: auth.accessKeyId,
    secretAccessKey: secret.secretAccessKey,
    ...(auth.signedHeaders.includes('x-amz-security-token') && sentToken
      ? { sessionToken: sentToken }
      : {}),
  });
  if (expected === undefined || !constantTimeEqual(expected, auth.signature)) {
    return fail('InvalidSignatureException', SIGNATURE_MISMATCH);
  }
  return {
    ok: true,
    accessKeyId: auth.accessKeyId,
    region: auth.scope.region,
    service: auth.scope.service,
    signedHeaders: auth.signedHeaders,
    signedAt,
    withSessionToken: sentToken !== undefined,
  };
}

function checkScope(
  auth: ParsedAuthorization,
  amzDate: string,
  options: VerifySigV4Options
): string | undefined {
  const { scope } = auth;
  if (scope.terminator !== 'aws4_request') {
    return "Credential should be scoped with a valid terminator: 'aws4_request'.";
  }
  if (scope.service !== options.service) {
    return `Credential should be scoped to correct service: '${options.service}'.`;
  }
  if (options.region !== undefined && scope.region !== options.region) {
    return `Credential should be scoped to a valid region, not '${printable(scope.region)}'.`;
  }
  if (scope.date !== amzDate.slice(0, 8)) {
    return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
  }
  return undefined;
}

function checkSkew(
  signedAt: Date,
  amzDate: string,
  now: Date,
  maxSkewMs: number
): string | undefined {
  const minutes = `${maxSkewMs / 60_000} min.`;
  if (signedAt.getTime() < now.getTime() - maxSkewMs) {
    const limit = formatAmzDate(new Date(now.getTime() - maxSkewMs));
    return `Signature expired: ${amzDate} is now earlier than ${limit} (${formatAmzDate(now)} - ${minutes})`;
  }
  if (signedAt.getTime() > now.getTime() + maxSkewMs) {
    const limit = formatAmzDate(new Date(now.getTime() + maxSkewMs));
    return `Signature not yet current: ${amzDate} is still later than ${limit} (${formatAmzDate(now)} + ${minutes})`;
  }
  return undefined;
}

/** The expected signature, or undefined when the request cannot be reproduced. */
async function recomputeSignature(
  request: ReceivedRequest,
  auth: ParsedAuthorization,
  signedHeaderValues: Record<string, string>,
  signedAt: Date,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
): Promise<string | undefined> {
  const { path, search } = splitTarget(request.url);
  const host = signedHeaderValues.host ?? '';
  const toSign = new HttpRequest({
    method: request.method,
    protocol: 'https:',
    hostname: host.replace(/:\d+$/, ''),
    path,
    query: parseQuery(search),
    headers: signedHeaderValues,
    body: request.body,
  });
  const signer = new SignatureV4({
    credentials,
    region: auth.scope.region,
    service: auth.scope.service,
    sha256: Sha256,
    applyChecksum: false,
  });
  try {
    const signed = (await signer.sign(toSign, {
      signingDate: signedAt,
      signableHeaders: new Set(auth.signedHeaders),
    })) as HttpRequest;
    const header = signed.headers.authorization ?? '';
    const recomputedList = /SignedHeaders=([^,\s]+)/.exec(header)?.[1];
    // The signer adds x-amz-date (and the token when signed); a signed header it cannot
    // reproduce (such as `date`) makes the lists differ, and the request cannot verify.
    if (recomputedList !== [...auth.signedHeaders].sort().join(';')) return undefined;
    return /Signature=([0-9a-f]{64})/.exec(header)?.[1];
  } catch {
    return undefined;
  }
}

function tokensMatch(expected: string | undefined, sent: string | undefined): boolean {
  if (expected === undefined || expected === '') return sent === undefined;
  return sent !== undefined && constantTimeEqual(expected, sent);
}

/** Compares without an early exit, so timing does not reveal how many characters matched. */
function constantTimeEqual(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

function printable(value: string): string {
  return value.replace(/[^\w.-]/g, '?').slice(0, 64);
}

function fail(code: SigV4ErrorCode, message: string): SigV4VerifyResult {
  return { ok: false, status: 403, code, message };
}
