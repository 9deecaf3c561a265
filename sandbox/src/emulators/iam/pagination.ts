// IAM's list pagination: MaxItems (1–1000, default 100), an opaque Marker, IsTruncated. It knows
// nothing about what is listed.

import { iamFaults } from './iamFaults';
import { requireMembers } from './requireMembers';

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  /** Present when truncated: pass it back as Marker. */
  marker?: string;
}

/**
 * One page of `items` after `marker`.
 * @example paginate(roles, undefined, '2') // { items: [r0, r1], isTruncated: true, marker: '…' }
 */
export function paginate<T>(items: readonly T[], marker?: string, maxItems?: string): Page<T> {
  requireMembers({ MaxItems: maxItems, Marker: marker }, [
    { name: 'MaxItems', integer: true, min: 1, max: 1000 },
    { name: 'Marker', minLength: 1, maxLength: 320 },
  ]);
  let start = 0;
  if (marker !== undefined) {
    const decoded = /^emulator-page-(\d+)$/.exec(marker);
    if (decoded === null) throw iamFaults.invalidInput('Invalid Marker');
    start = Number(decoded[1]);
  }
  const size = maxItems === undefined ? 100 : Number(maxItems);
  const page = items.slice(start, start + size);
  const next = start + page.length;
  return next < items.length
    ? { items: page, isTruncated: true, marker: `emulator-page-${next}` }
    : { items: page, isTruncated: false };
}

/** `<IsTruncated>` and, when truncated, `<Marker>`. */
export function pageFooterXml(page: Page<unknown>): string {
  return `<IsTruncated>${page.isTruncated}</IsTruncated>${
    page.marker === undefined ? '' : `<Marker>${page.marker}</Marker>`
  }`;
}
