// A minimal cookie jar for the headless login flow against one host: remembers Set-Cookie by
// name and path, replays them by RFC 6265 path-match. It ignores Domain, Secure and SameSite.

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export interface CookieJar {
  /** Applies one `Set-Cookie` header value received for `requestPath`. */
  store(setCookie: string, requestPath: string): void;
  /** The `Cookie` header for a request to `requestPath`, or undefined when there is none. */
  header(requestPath: string): string | undefined;
}

/**
 * Creates an empty jar; `now` decides when an `Expires` date has passed.
 * @example
 * const jar = createCookieJar();
 * jar.store('_session=abc; path=/; httponly', '/auth');
 * jar.header('/auth/xyz'); // '_session=abc'
 */
export function createCookieJar(now: () => number = Date.now): CookieJar {
  const cookies = new Map<string, StoredCookie>();
  return {
    store(setCookie, requestPath) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) return;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = defaultPath(requestPath);
      let expired = false;
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=');
        const key = rawKey.trim().toLowerCase();
        const attrValue = rest.join('=').trim();
        if (key === 'path' && attrValue.startsWith('/')) path = attrValue;
        if (key === 'max-age' && Number(attrValue) <= 0) expired = true;
        if (key === 'expires') {
          const at = Date.parse(attrValue);
          if (!Number.isNaN(at) && at <= now()) expired = true;
        }
      }
      const key = `${name}\u0000${path}`;
      if (expired) cookies.delete(key);
      else cookies.set(key, { name, value, path });
    },
    header(requestPath) {
      const matching = [...cookies.values()]
        .filter((cookie) => pathMatches(cookie.path, requestPath))
        .sort((a, b) => b.path.length - a.path.length);
      return matching.length === 0
        ? undefined
        : matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    },
  };
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

/** RFC 6265 §5.1.4 default-path: the request path up to its last `/`. */
function defaultPath(requestPath: string): string {
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}
