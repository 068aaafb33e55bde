import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('answers a hit from the cache and a miss by making it once', () => {
    const cache = new BoundedCache<string, number>(3);
    let made = 0;
    const make = () => ++made;
    expect(cache.getOrMake('a', make)).toBe(1);
    expect(cache.getOrMake('a', make)).toBe(1);
    expect(cache.getOrMake('b', make)).toBe(2);
    expect(made).toBe(2);
    expect(cache.get('c')).toBeUndefined();
  });

  it('lets the least recently used go first', () => {
    const cache = new BoundedCache<string, string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A'); // b is now the oldest
    cache.set('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
  });

  it('never holds more than its bound, and keeps the most recent keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (max, keys) => {
        const cache = new BoundedCache<number, number>(max);
        for (const k of keys) cache.getOrMake(k, () => k * 10);
        expect(cache.size).toBeLessThanOrEqual(max);
        const last = keys.at(-1);
        if (last !== undefined) expect(cache.get(last)).toBe(last * 10);
      }),
    );
  });

  it('refuses a bound below one, and empties on clear', () => {
    expect(() => new BoundedCache(0)).toThrow();
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
