// IPv4/IPv6 addresses and CIDR ranges for the IpAddress and NotIpAddress condition operators.
// It does not read request headers; callers put the caller's address in `aws:SourceIp`.

/** An address as bytes (4 for IPv4, 16 for IPv6) plus a prefix length. */
interface Cidr {
  bytes: number[];
  prefix: number;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))
    ? groups.map((g) => parseInt(g, 16))
    : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * Parses `203.0.113.0/24`, `2001:DB8:1234:5678::/64` or a bare address (prefix /32 or /128).
 * @example parseCidr('203.0.113.0/24') // { bytes: [203, 0, 113, 0], prefix: 24 }
 */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const bytes = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  if (!bytes) return undefined;
  const max = bytes.length * 8;
  const prefix =
    prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  return prefix >= 0 && prefix <= max ? { bytes, prefix } : undefined;
}

/**
 * Whether `address` lies inside `range` (same family, first `prefix` bits equal).
 * @example ipInRange('203.0.113.7', '203.0.113.0/24') // true
 */
export function ipInRange(address: string, range: string): boolean {
  const ip = parseCidr(address);
  const cidr = parseCidr(range);
  if (!ip || !cidr || ip.bytes.length !== cidr.bytes.length) return false;
  for (let bit = 0; bit < cidr.prefix; bit += 1) {
    const mask = 0x80 >> (bit % 8);
    const byte = Math.floor(bit / 8);
    if (((ip.bytes[byte] ?? 0) & mask) !== ((cidr.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
