/**
 * A Map that keeps at most `maxSize` entries, letting the least recently used go first (decision 029).
 * For values that depend only on their key (a pure function's answer): nothing needs invalidating,
 * a changed input is a different key, and entries nobody asks for any more age out. Or for values a
 * caller checks still hold before using them (features/today/day-cache.ts).
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly maxSize: number) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new Error('a bounded cache needs room for at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A hit moves to the back of the Map's order: the front is always the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached answer for `key`, or `make()`'s, kept. */
  getOrMake(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry `stale` says no longer holds; answers how many went. */
  deleteWhere(stale: (value: V, key: K) => boolean): number {
    let dropped = 0;
    for (const [key, value] of this.entries) {
      if (!stale(value, key)) continue;
      this.entries.delete(key);
      dropped += 1;
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
  }
}
