// Whether a host or URL names this machine: `localhost`, 127.0.0.0/8 or ::1. It decides nothing
// about what loopback allows (plain http, listening without resourceUrl); callers do.

/**
 * Whether `host` (a host name or address, IPv6 with or without brackets) is loopback.
 * @example isLoopbackHost('[::1]') // true
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Whether `url` parses and its host is loopback.
 * @example isLoopbackUrl('http://127.0.0.1:4101') // true
 */
export function isLoopbackUrl(url: string | URL): boolean {
  if (typeof url !== 'string') return isLoopbackHost(url.hostname);
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
