// Owns a lean, synchronous SigV4 (AWS4-HMAC-SHA256) for the proxy's request path: the canonical
// request, string to sign and Authorization exactly as @smithy/signature-v4 builds them, with the
// hashing injected (node:crypto in the proxy), the derived key kept per credential set and day,
// and no per-request garbage beyond the strings it must produce. It does not pick the headers.

import { SIGV4_ALGORITHM, formatAmzDate } from './authorization';
import { EMPTY_BODY_SHA256, parseQuery } from './request';

/** Synchronous SHA-256 and HMAC-SHA256; the proxy passes node:crypto's (sandbox/src/proxy). */
export interface SigV4Hashing {
  /** Lower-case hex SHA-256 of `data` (a string is hashed as UTF-8). */
  sha256Hex(data: string | Uint8Array): string;
  /** HMAC-SHA256 of UTF-8 `data` under `key` (a string key as UTF-8). */
  hmacSha256(key: string | Uint8Array, data: string): Uint8Array;
  /** The same, as lower-case hex. */
  hmacSha256Hex(key: Uint8Array, data: string): string;
}

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

export interface SigV4Request {
  /** Upper-case method. */
  method: string;
  /** The URL's path as sent (percent-encoded, as `URL#pathname` has it). */
  path: string;
  /** The URL's query as sent, without `?` (`''` for none). */
  search: string;
  /**
   * Lower-case names, one string each, `host` included: the request as it will be sent. The
   * signer adds `x-amz-date`, `x-amz-security-token` (with a session token) and `authorization`.
   */
  headers: Record<string, string>;
  /** The exact bytes sent; the payload hash covers them. */
  body: Uint8Array;
}

export interface SigV4Scope {
  region: string;
  service: string;
  /** Milliseconds since the epoch. */
  timeMs: number;
}

/** What one signature was made of (the site shows these strings; the tests compare them). */
export interface SigV4Result {
  authorization: string;
  amzDate: string;
  /** `;`-separated, as in `SignedHeaders=`. */
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * Headers @smithy/signature-v4 never signs (its `ALWAYS_UNSIGNABLE_HEADERS`, plus `date`, which
 * its `prepareRequest` drops as a header it generates); so are `proxy-*` and `sec-*`.
 */
const UNSIGNABLE_HEADERS = new Set([
  'authorization',
  'cache-control',
  'connection',
  'date',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

interface DerivedKey {
  secretAccessKey: string;
  shortDate: string;
  region: string;
  service: string;
  scope: string;
  key: Uint8Array;
  /** The Authorization up to the signature, for `authorizationFor` and `accessKeyId`. */
  authorizationHead?: string;
  authorizationFor?: string;
  accessKeyId?: string;
}

export interface SigV4Signer {
  /**
   * Signs `request` in place: adds `x-amz-date`, `x-amz-security-token` (when the credentials
   * have one) and `authorization` to `request.headers`, and returns what the signature was made of.
   */
  sign(request: SigV4Request, credentials: SigV4Credentials, scope: SigV4Scope): SigV4Result;
}

/**
 * A SigV4 signer on `hashing`. The derived signing key is computed once per credential set (by
 * identity), day, Region and service; the date string once per second; an empty body's hash never.
 * @example
 * const signer = createSigV4Signer(nodeHashing);
 * signer.sign({ method: 'POST', path: '/mcp', search: '', headers, body }, creds, { region, service: 'aws-mcp', timeMs: Date.now() });
 */
export function createSigV4Signer(hashing: SigV4Hashing): SigV4Signer {
  const keys = new WeakMap<object, DerivedKey>();
  let lastSecond = Number.NaN;
  let lastAmzDate = '';
  let lastPath = '';
  let lastCanonicalPath = '';

  function amzDate(timeMs: number): string {
    const second = Math.floor(timeMs / 1000);
    if (second !== lastSecond) {
      lastAmzDate = formatAmzDate(new Date(timeMs));
      lastSecond = second;
    }
    return lastAmzDate;
  }

  function derivedKey(
    credentials: SigV4Credentials,
    shortDate: string,
    region: string,
    service: string
  ): DerivedKey {
    const known = keys.get(credentials);
    if (
      known !== undefined &&
      known.secretAccessKey === credentials.secretAccessKey &&
      known.shortDate === shortDate &&
      known.region === region &&
      known.service === service
    ) {
      return known;
    }
    let key = hashing.hmacSha256(`AWS4${credentials.secretAccessKey}`, shortDate);
    key = hashing.hmacSha256(key, region);
    key = hashing.hmacSha256(key, service);
    key = hashing.hmacSha256(key, 'aws4_request');
    const derived: DerivedKey = {
      secretAccessKey: credentials.secretAccessKey,
      shortDate,
      region,
      service,
      scope: `${shortDate}/${region}/${service}/aws4_request`,
      key,
    };
    keys.set(credentials, derived);
    return derived;
  }

  function canonicalPath(path: string): string {
    if (path !== lastPath) {
      lastCanonicalPath = canonicalizePath(path);
      lastPath = path;
    }
    return lastCanonicalPath;
  }

  // Per signer, reused by every signature (the signer is synchronous): the canonical request's
  // pieces, joined once into one flat string (no cons string per header line, none to flatten
  // for hashing); the last signed-header list, reused while the names repeat, as they do for
  // one client's requests; the string to sign's head per date and scope; the Authorization's
  // head per key and signed-header list.
  const pieces: string[] = [];
  let lastNames: string[] = [];
  let lastSignedHeaders = '';
  let signingHeadFor: DerivedKey | undefined;
  let signingHeadDate = '';
  let signingHead = '';

  /** `SignedHeaders=` for the signable names among `names` (sorted), reused when unchanged. */
  function signedHeaderList(names: string[], headers: Record<string, string>): string {
    let count = 0;
    let same = true;
    for (const name of names) {
      if (!isSigned(name, headers[name])) continue;
      if (same && lastNames[count] !== name) same = false;
      count++;
    }
    if (same && count === lastNames.length) return lastSignedHeaders;
    const signed: string[] = [];
    for (const name of names) if (isSigned(name, headers[name])) signed.push(name);
    lastNames = signed;
    lastSignedHeaders = signed.join(';');
    return lastSignedHeaders;
  }

  function stringToSignHead(longDate: string, derived: DerivedKey): string {
    if (signingHeadFor !== derived || signingHeadDate !== longDate) {
      signingHead = `${SIGV4_ALGORITHM}\n${longDate}\n${derived.scope}\n`;
      signingHeadFor = derived;
      signingHeadDate = longDate;
    }
    return signingHead;
  }

  return {
    sign(request, credentials, scope) {
      const { headers } = request;
      const longDate = amzDate(scope.timeMs);
      const derived = derivedKey(credentials, longDate.slice(0, 8), scope.region, scope.service);
      headers['x-amz-date'] = longDate;
      if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
      const payloadHash =
        headers['x-amz-content-sha256'] ??
        (request.body.byteLength === 0 ? EMPTY_BODY_SHA256 : hashing.sha256Hex(request.body));

      const names = sortInPlace(Object.keys(headers));
      const signedHeaders = signedHeaderList(names, headers);
      let n = 0;
      pieces[n++] = request.method;
      pieces[n++] = '\n';
      pieces[n++] = canonicalPath(request.path);
      pieces[n++] = '\n';
      pieces[n++] = canonicalQuery(request.search);
      pieces[n++] = '\n';
      for (const name of names) {
        const value = headers[name];
        if (!isSigned(name, value)) continue;
        pieces[n++] = name;
        pieces[n++] = ':';
        pieces[n++] = normalizeHeaderValue(value as string);
        pieces[n++] = '\n';
      }
      pieces[n++] = '\n';
      pieces[n++] = signedHeaders;
      pieces[n++] = '\n';
      pieces[n++] = payloadHash;
      pieces.length = n; // unchanged from one request to the next of the same shape
      const canonicalRequest = pieces.join('');
      const stringToSign =
        stringToSignHead(longDate, derived) + hashing.sha256Hex(canonicalRequest);
      const signature = hashing.hmacSha256Hex(derived.key, stringToSign);
      const authorization = authorizationHead(derived, credentials, signedHeaders) + signature;
      headers.authorization = authorization;
      return { authorization, amzDate: longDate, signedHeaders, canonicalRequest, stringToSign };
    },
  };
}

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=`, kept per key and header list. */
function authorizationHead(
  derived: DerivedKey,
  credentials: SigV4Credentials,
  signedHeaders: string
): string {
  if (
    derived.authorizationHead === undefined ||
    derived.authorizationFor !== signedHeaders ||
    derived.accessKeyId !== credentials.accessKeyId
  ) {
    derived.authorizationHead = `${SIGV4_ALGORITHM} Credential=${credentials.accessKeyId}/${derived.scope}, SignedHeaders=${signedHeaders}, Signature=`;
    derived.authorizationFor = signedHeaders;
    derived.accessKeyId = credentials.accessKeyId;
  }
  return derived.authorizationHead;
}

/** A header that goes into the signature: present and not one the SDK leaves unsigned. */
function isSigned(name: string, value: string | undefined | null): boolean {
  return value !== undefined && value !== null && isSignable(name);
}

/**
 * Insertion sort by UTF-16 code units (what `Array#sort` does with strings), in place: a
 * request's dozen header names, without the temporary storage `Array#sort` allocates.
 */
function sortInPlace(names: string[]): string[] {
  for (let i = 1; i < names.length; i++) {
    const name = names[i] as string;
    let j = i - 1;
    while (j >= 0 && (names[j] as string) > name) {
      names[j + 1] = names[j] as string;
      j--;
    }
    names[j + 1] = name;
  }
  return names;
}

function isSignable(name: string): boolean {
  return !UNSIGNABLE_HEADERS.has(name) && !name.startsWith('proxy-') && !name.startsWith('sec-');
}

/**
 * A header value as SigV4 canonicalises it (@smithy/signature-v4's three replacements: CR/LF to
 * space, runs of spaces and tabs to one space, one leading and one trailing space removed),
 * returned as is when those would change nothing.
 * @example normalizeHeaderValue('  a \t b ') // 'a b'
 */
export function normalizeHeaderValue(value: string): string {
  const last = value.length - 1;
  let plain = last < 0 || (value.charCodeAt(0) !== 32 && value.charCodeAt(last) !== 32);
  for (let i = 0; plain && i <= last; i++) {
    const c = value.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && value.charCodeAt(i + 1) === 32)) {
      plain = false;
    }
  }
  if (plain) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

/**
 * The canonical URI of SigV4 for services other than S3: empty, `.` and `..` segments
 * resolved, then URI-encoded once more (AWS double-encodes the path), `/` kept.
 * @example canonicalizePath('/a b/./c/../d/') // '/a%20b/d/'
 */
export function canonicalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/**
 * The canonical query of a raw query string: decoded as `parseQuery` does, every key and value
 * RFC 3986-encoded, sorted by key and then value, `X-Amz-Signature` left out.
 * @example canonicalQuery('b=2&a=1&a=0') // 'a=0&a=1&b=2'
 */
export function canonicalQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const query = parseQuery(search);
  const keys: string[] = [];
  const serialized: Record<string, string> = {};
  for (const key of Object.keys(query)) {
    if (key.toLowerCase() === 'x-amz-signature') continue;
    const encodedKey = escapeUri(key);
    keys.push(encodedKey);
    const value = query[key];
    if (typeof value === 'string') {
      serialized[encodedKey] = `${encodedKey}=${escapeUri(value)}`;
    } else if (Array.isArray(value)) {
      serialized[encodedKey] = value
        .map((v) => `${encodedKey}=${escapeUri(v)}`)
        .sort()
        .join('&');
    }
  }
  return keys
    .sort()
    .map((key) => serialized[key])
    .filter((part) => part)
    .join('&');
}

/** RFC 3986 encoding as the AWS SDK's `escapeUri`. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
}
