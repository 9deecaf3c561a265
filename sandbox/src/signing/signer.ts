// Owns SigV4-signing a request for the upstream (AWS MCP Server): which headers are sent and
// signed, the upstream host, the exact body hash. It does not send the request or fetch credentials.

import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SignatureV4CryptoInit, SignatureV4Init } from '@smithy/signature-v4';
import { AwsStsError } from '../errors';
import { flattenHeaders, stripForwardingHeaders, stripHopByHopHeaders } from './headers';
import type { HeaderInput } from './headers';
import { parseQuery } from './request';

export const DEFAULT_SIGNING_SERVICE = 'aws-mcp';
/** ToolHive's `maxPayloadSize`. */
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
  const body = request.body ?? new Uint8Array();
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
    url = new URL(request.url);
  } catch {
    throw new AwsStsError('SIGNING_FAILED', 'upstream URL is not a valid absolute URL');
  }

  const headers = upstreamHeaders(request.headers, url.host, body.byteLength);
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
  const out = flattenHeaders(stripForwardingHeaders(stripHopByHopHeaders(headers)));
  for (const name of SIGNER_OWNED_HEADERS) delete out[name];
  out.host = host;
  if (out['content-length'] !== undefined) out['content-length'] = String(bodyLength);
  return out;
}

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
  service = DEFAULT_SIGNING_SERVICE
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
