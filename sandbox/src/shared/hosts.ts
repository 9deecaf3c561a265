// Hosts: whether a host or URL names this machine (`localhost`, 127.0.0.0/8, ::1), and how a host
// stands in a URL. It decides nothing about what loopback allows (plain http, …); callers do.

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

/**
 * A host as it stands in a URL: an IPv6 literal in brackets.
 * @example hostForUrl('::1') // '[::1]'
 */
export function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The URL host that reaches a server bound to `host`: a wildcard bind (`0.0.0.0`, `::`) is
 * reached on 127.0.0.1.
 * @example reachableHost('0.0.0.0') // '127.0.0.1'
 */
export function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : hostForUrl(host);
}
