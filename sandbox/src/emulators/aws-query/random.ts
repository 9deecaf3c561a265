// Random identifiers and secrets for the emulators, from WebCrypto (browser and Node alike).
// It does not decide formats' meaning (prefixes, lengths); callers do.

/** Upper-case letters and digits, the alphabet of AWS access key ids and role ids. */
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** The alphabet of AWS secret access keys. */
export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * `length` characters drawn uniformly from `alphabet` (rejection sampling, no modulo bias).
 * @example randomString(UPPER_ALPHANUMERIC, 16) // 'Q7Z0…'
 */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/**
 * Base64 text of `bytes` random bytes, e.g. for session tokens.
 * @example randomBase64(3) // 'q83v'
 */
export function randomBase64(bytes: number): string {
  const data = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary);
}
