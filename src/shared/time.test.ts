import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMs, DAY_MS, fromDbTime, HOUR_MS, isValidTimeZone, MINUTE_MS, toDbTime } from './time';

describe('toDbTime / fromDbTime', () => {
  it('stores UTC ISO text with milliseconds regardless of the process time zone', () => {
    // The test run uses TZ=America/New_York; the stored text must still be UTC.
    const at = new Date(2026, 10, 25, 16, 40, 0, 5); // local New York time
    expect(toDbTime(at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(toDbTime(new Date(Date.UTC(2026, 10, 25, 21, 40, 0, 0)))).toBe('2026-11-25T21:40:00.000Z');
  });

  it('round-trips any date to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        (d) => {
          return fromDbTime(toDbTime(d)).getTime() === d.getTime();
        },
      ),
    );
  });

  it('property: stored text sorts like the times it stores', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        (a, b) =>
          a.getTime() < b.getTime() === toDbTime(a) < toDbTime(b) &&
          (a.getTime() === b.getTime()) === (toDbTime(a) === toDbTime(b)),
      ),
    );
  });

  it('passes a Date through unchanged (pg may return Date objects)', () => {
    const d = new Date('2026-03-08T07:00:00.000Z');
    expect(fromDbTime(d)).toBe(d);
  });

  it('reads times across the New York DST change correctly', () => {
    // 2026-03-08 02:00 local is skipped in New York; UTC text is unaffected.
    const before = fromDbTime('2026-03-08T06:59:59.999Z');
    const after = fromDbTime('2026-03-08T07:00:00.000Z');
    expect(after.getTime() - before.getTime()).toBe(1);
  });

  it.each([['garbage'], [''], ['2026-13-45T99:99:99Z'], [null], [undefined], [42], [{}]])(
    'rejects %o with a TypeError',
    (value) => {
      expect(() => fromDbTime(value)).toThrow(TypeError);
      expect(() => fromDbTime(value)).toThrow(/Not a stored time/);
    },
  );
});

describe('addMs and constants', () => {
  it('adds milliseconds without touching the original', () => {
    const d = new Date('2026-01-01T00:00:00.000Z');
    const later = addMs(d, DAY_MS);
    expect(later.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(d.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(addMs(d, -HOUR_MS).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(MINUTE_MS).toBe(60_000);
    expect(HOUR_MS).toBe(3_600_000);
    expect(DAY_MS).toBe(86_400_000);
  });
});

describe('isValidTimeZone', () => {
  it.each(['America/New_York', 'Europe/London', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'])('accepts %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus_Mons', 'New York', 'not a zone', 'America/New_Yorkk'])('rejects %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('fromDbTime and invalid dates', () => {
  it('rejects an invalid Date object', () => {
    expect(() => fromDbTime(new Date(Number.NaN))).toThrow(TypeError);
  });
});
