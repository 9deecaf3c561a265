// CORS and Origin decisions for browser clients (the docs site): which origins may call, what a
// preflight answers, which headers an answer carries. Pure; the server applies the result.

/** Methods of MCP Streamable HTTP. */
export const CORS_ALLOWED_METHODS: readonly string[] = ['GET', 'POST', 'DELETE'];
/** Request headers a browser client may send. */
export const CORS_ALLOWED_HEADERS: readonly string[] = [
  'Authorization',
  'Content-Type',
  'Mcp-Session-Id',
  'MCP-Protocol-Version',
  'Last-Event-ID',
];
/** Response headers a browser client may read. */
export const CORS_EXPOSED_HEADERS: readonly string[] = [
  'Mcp-Session-Id',
  'WWW-Authenticate',
  'MCP-Protocol-Version',
  'Retry-After',
  'X-Request-Id',
];
/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * `absent`: no Origin header (not a browser, or same-origin GET); `allowed`: listed;
 * `forbidden`: a browser origin that is not listed (MCP asks servers to answer 403).
 */
export type OriginVerdict = 'absent' | 'allowed' | 'forbidden';

/**
 * Judges an `Origin` header against the allowed origins (exact match, no wildcards).
 * @example originVerdict('https://docs.example.com', ['https://docs.example.com']) // 'allowed'
 */
export function originVerdict(
  origin: string | undefined,
  allowedOrigins: readonly string[]
): OriginVerdict {
  if (origin === undefined || origin === '') return 'absent';
  return allowedOrigins.includes(origin) ? 'allowed' : 'forbidden';
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const VARY_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ vary: 'Origin' });

/**
 * Headers for an actual (non-preflight) response: CORS headers only for an allowed origin;
 * `Vary: Origin` whenever the answer depends on the origin.
 * @example corsHeaders('https://docs.example.com', allowed)['access-control-allow-origin']
 */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[]
): Readonly<Record<string, string>> {
  if (allowedOrigins.length === 0) return NO_HEADERS;
  if (originVerdict(origin, allowedOrigins) !== 'allowed' || origin === undefined) {
    return VARY_ORIGIN;
  }
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
    vary: 'Origin',
  };
}

/** The answer to an OPTIONS request. */
export interface PreflightAnswer {
  status: 204 | 403;
  headers: Record<string, string>;
  /** Plain-text body for a refusal. */
  body: string;
}

/**
 * Answers an OPTIONS request: a CORS preflight from an allowed origin gets 204 with the allowed
 * methods and headers; from any other origin 403; a plain OPTIONS (no Origin) 204 with `Allow`.
 * @example corsPreflight('https://docs.example.com', allowed, 'GET, POST, DELETE, OPTIONS').status // 204
 */
export function corsPreflight(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  allow: string
): PreflightAnswer {
  const verdict = originVerdict(origin, allowedOrigins);
  if (verdict === 'absent') return { status: 204, headers: { allow }, body: '' };
  if (verdict === 'forbidden') {
    return { status: 403, headers: { vary: 'Origin' }, body: 'Origin not allowed' };
  }
  return {
    status: 204,
    headers: {
      allow,
      'access-control-allow-origin': origin ?? '',
      'access-control-allow-methods': CORS_ALLOWED_METHODS.join(', '),
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      vary: 'Origin',
    },
    body: '',
  };
}

/**
 * Normalizes configured origins (`https://docs.example.com/` → `https://docs.example.com`);
 * throws a RangeError naming the first entry that is not a bare http(s) origin.
 * @example normalizeOrigins(['http://localhost:3000/']) // ['http://localhost:3000']
 */
export function normalizeOrigins(origins: readonly string[]): string[] {
  return origins.map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new RangeError(`allowed origin ${JSON.stringify(value)} is not a URL`);
    }
    const bare = url.pathname === '/' && url.search === '' && url.hash === '';
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare || url.username !== '') {
      throw new RangeError(
        `allowed origin ${JSON.stringify(value)} must be scheme://host[:port], e.g. https://docs.example.com`
      );
    }
    return url.origin;
  });
}
