import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isId, newId, newSecretToken } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp at the front of a UUIDv7. */
const msOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('newId', () => {
  it('is a lower-case UUID version 7 with the RFC 9562 variant', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId();
      expect(id).toMatch(UUID_V7);
      const hex = id.replace(/-/g, '');
      expect(hex[12]).toBe('7'); // version nibble
      expect(Number.parseInt(hex[16] as string, 16) >> 2).toBe(0b10); // variant 10xx
      expect(isId(id)).toBe(true);
    }
  });

  it('encodes the given time in the first 48 bits', () => {
    const at = new Date('2026-11-25T21:40:00.123Z');
    expect(msOf(newId(at))).toBe(at.getTime());
    expect(newId(new Date(0)).startsWith('00000000-0000-7')).toBe(true);
  });

  it('uses the current time by default', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(msOf(id)).toBeGreaterThanOrEqual(before);
    expect(msOf(id)).toBeLessThanOrEqual(after);
  });

  it('property: ids for increasing dates sort in the same order, as text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 10 ** 10 }),
        (ms, delta) => newId(new Date(ms)) < newId(new Date(ms + delta)),
      ),
    );
  });

  it('sorting ids sorts by time', () => {
    const dates = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 997));
    const ids = dates.map((d) => newId(d));
    const shuffled = [...ids].reverse();
    expect(shuffled.sort()).toEqual(ids);
  });

  it('is unique over 10,000 ids made in the same millisecond', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(at)));
    expect(ids.size).toBe(10_000);
  });

  it('is unique over 10,000 ids made now', () => {
    expect(new Set(Array.from({ length: 10_000 }, () => newId())).size).toBe(10_000);
  });
});

describe('isId', () => {
  it('rejects non-UUIDs and upper-case', () => {
    expect(isId('')).toBe(false);
    expect(isId('not-an-id')).toBe(false);
    expect(isId(newId().toUpperCase())).toBe(false);
    expect(isId(`${newId()}x`)).toBe(false);
    expect(isId(newId().replace(/-/g, ''))).toBe(false);
  });
});

describe('newSecretToken', () => {
  it('carries at least 256 bits, base64url without padding', () => {
    const token = newSecretToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBe(43);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(256);
    expect(Buffer.from(token, 'base64url').toString('base64url')).toBe(token);
  });

  it('is different every time', () => {
    expect(new Set(Array.from({ length: 1000 }, () => newSecretToken())).size).toBe(1000);
  });
});
