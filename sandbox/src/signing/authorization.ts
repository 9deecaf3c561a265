// Owns reading a SigV4 `Authorization` header and an `X-Amz-Date` value into typed parts.
// It does not judge them (scope, skew, signature): the verifier does.

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export interface ParsedAuthorization {
  accessKeyId: string;
  /** Credential scope: `YYYYMMDD/region/service/aws4_request`. */
  scope: { date: string; region: string; service: string; terminator: string };
  /** Lower-case header names in the order given. */
  signedHeaders: string[];
  /** 64 lower-case hex digits. */
  signature: string;
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; returns the reason
 * (never the header's value) when it cannot.
 * @example
 * parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa0…');
 */
export function parseAuthorization(
  header: string
): { ok: true; value: ParsedAuthorization } | { ok: false; reason: string } {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${SIGV4_ALGORITHM} `)) {
    const scheme = /^\S+/.exec(trimmed)?.[0] ?? '';
    return {
      ok: false,
      reason: /^[A-Za-z0-9-]{1,32}$/.test(scheme)
        ? `Authorization header uses scheme '${scheme}'; only ${SIGV4_ALGORITHM} is accepted.`
        : `Authorization header must start with ${SIGV4_ALGORITHM}.`,
    };
  }
  const params = new Map<string, string>();
  for (const part of trimmed.slice(SIGV4_ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: 'Invalid key=value pair in Authorization header.' };
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !params.get(k));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' '),
    };
  }
  const credential = (params.get('Credential') ?? '').split('/');
  const [accessKeyId, date, region, service, terminator] = credential;
  if (credential.length !== 5 || !accessKeyId || !date || !region || !service || !terminator) {
    return {
      ok: false,
      reason:
        "Credential must have the form '<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request'.",
    };
  }
  if (!/^\d{8}$/.test(date)) {
    return { ok: false, reason: 'Credential scope date must be YYYYMMDD.' };
  }
  const signature = params.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, reason: 'Signature must be 64 lower-case hex digits.' };
  }
  const signedHeaders = (params.get('SignedHeaders') ?? '').split(';');
  if (signedHeaders.some((h) => h === '' || h !== h.toLowerCase())) {
    return { ok: false, reason: 'SignedHeaders must be lower-case names separated by semicolons.' };
  }
  return {
    ok: true,
    value: { accessKeyId, scope: { date, region, service, terminator }, signedHeaders, signature },
  };
}

/**
 * Parses the basic ISO 8601 form SigV4 uses (`20150830T123600Z`); undefined when malformed.
 * @example
 * parseAmzDate('20150830T123600Z')?.toISOString(); // '2015-08-30T12:36:00.000Z'
 */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatAmzDate(date) === value ? date : undefined;
}

/**
 * Formats a date the way SigV4 writes it.
 * @example
 * formatAmzDate(new Date('2015-08-30T12:36:00Z')); // '20150830T123600Z'
 */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
