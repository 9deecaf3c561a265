// A fetch that SigV4-signs every request with `signForUpstream` (service `aws-mcp`), so MCP SDK
// clients and scripts can talk to the AWS MCP Server emulator directly. It fetches no credentials.
import { signForUpstream, type SigningCredentials } from '../../signing';

export interface SignedFetchOptions {
  credentials: SigningCredentials | (() => SigningCredentials);
  region: string;
  /** Default `aws-mcp`. */
  service?: string;
  /** Signing time; now unless set (tests). */
  now?: () => Date;
  fetch?: typeof fetch;
}

/**
 * Wraps fetch so that each request is signed for its URL's host with the exact body bytes.
 * @example new StreamableHTTPClientTransport(new URL(url), { fetch: createSignedFetch({ credentials, region: 'us-east-1' }) })
 */
export function createSignedFetch(options: SignedFetchOptions): typeof fetch {
  const fetchFn = options.fetch ?? fetch;
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : input.toString();
    const method = init.method ?? request?.method ?? 'GET';
    const headers = new Headers(init.headers ?? request?.headers);
    const body = await bodyBytes(init.body ?? (request ? await request.arrayBuffer() : undefined));
    const credentials =
      typeof options.credentials === 'function' ? options.credentials() : options.credentials;
    const signed = await signForUpstream(
      { method, url, headers, ...(body ? { body } : {}) },
      credentials,
      {
        region: options.region,
        ...(options.service ? { service: options.service } : {}),
        ...(options.now ? { signingDate: options.now() } : {}),
      }
    );
    // fetch derives Host from the URL (the value that was signed) and refuses to set it.
    const { host: _host, ...sendHeaders } = signed.headers;
    return fetchFn(url, {
      ...init,
      method,
      headers: sendHeaders,
      ...(body ? { body } : {}),
    });
  };
}

async function bodyBytes(body: unknown): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof URLSearchParams) return new TextEncoder().encode(body.toString());
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new TypeError('createSignedFetch signs string, bytes, URLSearchParams or Blob bodies only');
}
