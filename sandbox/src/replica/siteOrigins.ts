// The browser origins the replica lets call it: the docs site started by `npm start` plus any the
// user adds (--allowed-origin). It does not apply CORS; each server does.

import { AwsStsError } from '../errors';
import { normalizeOrigins } from '../proxy';
import { SITE_ORIGINS } from '../tutorial/sandboxAddresses';

export { SITE_ORIGINS };

/**
 * The site's origins plus `extra`, normalized and without duplicates; a value that is not a bare
 * origin is an INVALID_INPUT error naming it.
 * @example allowedOriginsWith(['https://docs.example.com/']) // [...SITE_ORIGINS, 'https://docs.example.com']
 */
export function allowedOriginsWith(extra: readonly string[]): string[] {
  let normalized: string[];
  try {
    normalized = normalizeOrigins(extra);
  } catch (error) {
    throw new AwsStsError('INVALID_INPUT', `--allowed-origin: ${(error as Error).message}`);
  }
  return [...new Set([...SITE_ORIGINS, ...normalized])];
}
