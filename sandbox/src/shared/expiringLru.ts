// A bounded map whose entries expire: the least recently used entry goes beyond `maxEntries`, and
// an entry is served only before its `validUntil`. Time is epoch milliseconds from one clock,
// `now`, given at construction. It decides nothing about what to keep or for how long; callers do.

export interface ExpiringLruOptions {
  /** The bound; a positive integer. */
  maxEntries: number;
  /** Milliseconds since the epoch. Default `Date.now`; inject a fake clock in tests. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  /** Epoch ms from which the entry is no longer served. */
  validUntil: number;
}

/**
 * LRU with expiry per entry. Reading a valid entry makes it the most recently used; an expired
 * one is dropped when met. Throws RangeError for a bound that is not a positive integer.
 * @example
 * const cache = new ExpiringLru<string>({ maxEntries: 100 });
 * cache.set('k', 'v', Date.now() + 60_000);
 * cache.get('k'); // 'v' for the next minute
 */
export class ExpiringLru<V> {
  /** The clock every expiry is measured with. */
  readonly now: () => number;
  /** Valid entries served. */
  hits = 0;
  /** Entries dropped by the bound. */
  evictions = 0;
  /** Entries dropped because their validity had ended when they were met. */
  expired = 0;
  private readonly maxEntries: number;
  private readonly entries = new Map<string, Entry<V>>();

  constructor(options: ExpiringLruOptions) {
    const { maxEntries } = options;
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
    this.maxEntries = maxEntries;
    this.now = options.now ?? Date.now;
  }

  /** The value under `key` while it is valid (now the most recently used), else undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (!(this.now() < entry.validUntil)) {
      this.expired++;
      return undefined;
    }
    this.entries.set(key, entry);
    this.hits++;
    return entry.value;
  }

  /**
   * Keeps `value` until `validUntil` (epoch ms, exclusive), evicting beyond the bound; keeps
   * nothing and returns false when that moment has already passed (or is NaN).
   */
  set(key: string, value: V, validUntil: number): boolean {
    if (!(validUntil > this.now())) return false;
    this.entries.delete(key);
    this.entries.set(key, { value, validUntil });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      this.evictions++;
    }
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
