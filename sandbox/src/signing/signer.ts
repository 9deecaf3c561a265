// Owns SigV4-signing a request for the upstream (AWS MCP Server): which headers are sent and
// signed, the upstream host, the exact body hash. It does not send the request or fetch credentials.

import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SignatureV4CryptoInit, SignatureV4Init } from '@smithy/signature-v4';
import { DEFAULT_SERVICE } from '../config/constants';
import { AwsStsError } from '../errors';
import { Sha256 } from '../shared';
import {
  connectionNamedHeaders,
  HOP_BY_HOP_HEADERS,
  isForwardingHeader,
  lowerCaseName,
  toHeaderRecord,
} from './headers';
import type { HeaderInput } from './headers';
import { parseQuery } from './request';
import { createSigV4Signer } from './sigv4';
import type { SigV4Hashing, SigV4Result } from './sigv4';

/**
 * The largest body signed: ToolHive's `maxPayloadSize`, `10*1024*1024` (stacklok/toolhive
 * `pkg/auth/awssts/signer.go`); also the enhanced proxy's body limit. ToolHive's proxy refuses
 * bodies earlier, at 8 MiB (`TOOLHIVE_MAX_BODY_BYTES`, proxy/mode.ts).
 */
export const MAX_SIGNED_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Headers the client may send that the signer owns: they are never taken from the client.
 * `x-amz-content-sha256` in particular would otherwise replace the hash of the real body.
 */
const SIGNER_OWNED_HEADERS = [
  'authorization',
  'host',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
];
const EMPTY_BODY = new Uint8Array();
/** The only headers taken back from the signer's output, as ToolHive does. */
const COPIED_BACK_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token'] as const;

export interface UpstreamRequest {
  method: string;
  /** The upstream target, e.g. `https://aws-mcp.us-east-1.api.aws/mcp`. */
  url: string | URL;
  /** The incoming request's headers. */
  headers: HeaderInput;
  /** The exact bytes that will be sent. */
  body?: Uint8Array;
}

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignForUpstreamOptions {
  region: string;
  /** SigV4 service name; `aws-mcp` unless set. */
  service?: string;
  /** Signing time; now unless set (tests, test vectors). */
  signingDate?: Date;
  /** Bodies above this fail with SIGNING_FAILED. Default 10 MiB. */
  maxBodyBytes?: number;
}

export interface SignedUpstreamRequest {
  /** Every header to send, lower-case; the signed ones are exactly what was signed. */
  headers: Record<string, string>;
  /** The `SignedHeaders` list of the signature, for debug logs. */
  signedHeaders: string[];
}

/**
 * Signs `request` for its upstream: hop-by-hop, Connection-named and forwarding headers are
 * dropped, the client's `Authorization` is replaced, `Host` is the upstream's, and the payload
 * hash covers `body` exactly. No `x-amz-content-sha256` header is added (as ToolHive).
 * @example
 * const { headers } = await signForUpstream({ method: 'POST', url: target, headers: req.headers, body }, creds, { region: 'us-east-1' });
 */
export async function signForUpstream(
  request: UpstreamRequest,
  credentials: SigningCredentials,
  options: SignForUpstreamOptions
): Promise<SignedUpstreamRequest> {
  const { url, body, headers } = prepareUpstreamRequest(request, credentials, options);
  const toSign = signableRequest(request.method, url, headers, body);
  const signer = new SignatureV4(signerInit(credentials, options.region, options.service));

  let signed: HttpRequest;
  try {
    signed = (await signer.sign(toSign, {
      signingDate: options.signingDate ?? new Date(),
    })) as HttpRequest;
  } catch (error) {
    throw new AwsStsError('SIGNING_FAILED', 'SigV4 signing failed', { cause: error });
  }
  for (const name of COPIED_BACK_HEADERS) {
    const value = signed.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const match = /SignedHeaders=([^,\s]+)/.exec(headers.authorization ?? '');
  return { headers, signedHeaders: match?.[1]?.split(';') ?? [] };
}

/** signForUpstream's contract, synchronous: what `createUpstreamSigner` returns. */
export type SignForUpstreamSync = (
  request: UpstreamRequest,
  credentials: SigningCredentials,
  options: SignForUpstreamOptions
) => SignedUpstreamRequest;

/**
 * signForUpstream on the lean SigV4 of `sigv4.ts` with `hashing` (the proxy passes node:crypto):
 * the same checks, the same headers sent and signed, byte for byte the same signature (the tests
 * compare both on AWS's test-suite vectors and thousands of generated requests), synchronously and
 * with a small fraction of the allocations. The derived key is kept per credential set and day.
 * @example const sign = createUpstreamSigner(nodeHashing); const { headers } = sign(request, creds, { region });
 */
export function createUpstreamSigner(hashing: SigV4Hashing): SignForUpstreamSync {
  const signer = createSigV4Signer(hashing);
  return (request, credentials, options) => {
    const { url, body, headers } = prepareUpstreamRequest(request, credentials, options);
    headers.authorization = ''; // holds its place: the headers go out in signForUpstream's order
    try {
      const result = signer.sign(
        {
          method: request.method.toUpperCase(),
          path: url.pathname,
          search: url.search,
          headers,
          body,
        },
        credentials,
        {
          region: options.region,
          service: options.service ?? DEFAULT_SERVICE,
          timeMs: options.signingDate?.getTime() ?? Date.now(),
        }
      );
      return new LeanSignedRequest(headers, result);
    } catch (error) {
      throw new AwsStsError('SIGNING_FAILED', 'SigV4 signing failed', { cause: error });
    }
  };
}

/** A lean signature's result; the header list is split only when somebody reads it. */
class LeanSignedRequest implements SignedUpstreamRequest {
  constructor(
    readonly headers: Record<string, string>,
    readonly sigv4: SigV4Result
  ) {}

  get signedHeaders(): string[] {
    return this.sigv4.signedHeaders.split(';');
  }
}

/** The checks both signers make, and the headers to send (not yet signed). */
function prepareUpstreamRequest(
  request: UpstreamRequest,
  credentials: SigningCredentials,
  options: SignForUpstreamOptions
): { url: URL; body: Uint8Array; headers: Record<string, string> } {
  const body = request.body ?? EMPTY_BODY;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_SIGNED_BODY_BYTES;
  if (body.byteLength > maxBodyBytes) {
    throw new AwsStsError(
      'SIGNING_FAILED',
      `request body exceeds maximum size of ${maxBodyBytes} bytes`
    );
  }
  if (!options.region) throw new AwsStsError('SIGNING_FAILED', 'signing region is required');
  if (!credentials.accessKeyId || !credentials.secretAccessKey) {
    throw new AwsStsError('SIGNING_FAILED', 'credentials are required for signing');
  }
  let url: URL;
  try {
    url = request.url instanceof URL ? request.url : new URL(request.url);
  } catch {
    throw new AwsStsError('SIGNING_FAILED', 'upstream URL is not a valid absolute URL');
  }
  return { url, body, headers: upstreamHeaders(request.headers, url.host, body.byteLength) };
}

/**
 * The headers sent upstream for a client's `headers`: hop-by-hop, Connection-named and
 * forwarding headers dropped, the signer's own removed, `Host` the upstream's, `Content-Length`
 * the body's. The pass-through floor of the benchmark sends exactly these, unsigned.
 * @example upstreamHeaders(req.headers, 'aws-mcp.us-east-1.api.aws', body.byteLength)
 */
export function upstreamHeaders(
  headers: HeaderInput,
  host: string,
  bodyLength: number
): Record<string, string> {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return upstreamHeaders(toHeaderRecord(headers), host, bodyLength);
  }
  // One pass, no intermediate copies: this runs on every proxied request. The result equals
  // flattenHeaders(stripForwardingHeaders(stripHopByHopHeaders(headers))) without the signer's
  // own headers (a test compares both on generated header sets).
  const bag = headers as Record<string, string | readonly string[] | number | undefined>;
  const connectionNamed = connectionNamedHeaders(bag);
  const out: Record<string, string> = {};
  for (const name in bag) {
    if (!Object.hasOwn(bag, name)) continue;
    const value = bag[name];
    if (value === undefined || value === null) continue;
    const key = lowerCaseName(name);
    if (
      SIGNER_OWNED.has(key) ||
      HOP_BY_HOP.has(key) ||
      connectionNamed?.has(key) === true ||
      isForwardingHeader(key)
    ) {
      continue;
    }
    const separator = key === 'cookie' ? '; ' : ', ';
    let joined: string | undefined = out[key];
    if (Array.isArray(value)) {
      for (const one of value as readonly unknown[]) {
        joined = joined === undefined ? String(one) : `${joined}${separator}${String(one)}`;
      }
    } else {
      const one = typeof value === 'string' ? value : String(value);
      joined = joined === undefined ? one : `${joined}${separator}${one}`;
    }
    if (joined !== undefined) out[key] = joined;
  }
  out.host = host;
  if (out['content-length'] !== undefined) out['content-length'] = String(bodyLength);
  return out;
}

const SIGNER_OWNED = new Set(SIGNER_OWNED_HEADERS);
const HOP_BY_HOP = new Set(HOP_BY_HOP_HEADERS);

/**
 * The request `SignatureV4` signs: method, URL parts and query as SigV4 canonicalises them, a copy
 * of `headers` (the signer adds to its copy), the exact body.
 */
export function signableRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Uint8Array
): HttpRequest {
  return new HttpRequest({
    method: method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: parseQuery(url.search),
    headers: { ...headers },
    body,
  });
}

/**
 * How signForUpstream configures `SignatureV4`; also for code that observes its steps (the
 * site's SigV4 trace), so that both sign alike.
 */
export function signerInit(
  credentials: SigningCredentials,
  region: string,
  service = DEFAULT_SERVICE
): SignatureV4Init & SignatureV4CryptoInit {
  return {
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    region,
    service,
    sha256: Sha256,
    applyChecksum: false,
  };
}
