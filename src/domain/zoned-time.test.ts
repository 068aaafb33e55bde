import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  mondayOf,
  startOfLocalDay,
  weekdayOf,
  zonedInstant,
  zoneOffsetMinutes,
} from './zoned-time';

const iso = (date: string, time: string, zone: string) => zonedInstant(date, time, zone).toISOString();
const utc = (text: string) => new Date(text);

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

describe('zonedInstant: ordinary days and odd offsets', () => {
  it('reads a wall-clock time in winter and summer', () => {
    expect(iso('2026-01-15', '21:00', 'America/New_York')).toBe('2026-01-16T02:00:00.000Z');
    expect(iso('2026-07-15', '21:00', 'America/New_York')).toBe('2026-07-16T01:00:00.000Z');
    expect(iso('2026-01-15', '09:00', 'Europe/London')).toBe('2026-01-15T09:00:00.000Z');
    expect(iso('2026-07-15', '09:00', 'Europe/London')).toBe('2026-07-15T08:00:00.000Z');
  });

  it('handles 45- and 30-minute offsets', () => {
    expect(iso('2026-06-01', '00:00', 'Asia/Kathmandu')).toBe('2026-05-31T18:15:00.000Z');
    expect(iso('2026-06-01', '00:00', 'Asia/Kolkata')).toBe('2026-05-31T18:30:00.000Z');
    expect(zoneOffsetMinutes(utc('2026-06-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(345);
    // Lord Howe: +10:30 in its winter, +11:00 in its summer.
    expect(zoneOffsetMinutes(utc('2026-06-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(630);
    expect(zoneOffsetMinutes(utc('2026-12-01T00:00:00Z'), 'Australia/Lord_Howe')).toBe(660);
  });

  it('rejects dates and times that are not real', () => {
    expect(() => zonedInstant('2026-02-30', '10:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2026-02-01', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2026-2-1', '10:00', 'UTC')).toThrow(RangeError);
  });
});

describe('zonedInstant: clocks going forward (gaps)', () => {
  it('New York: 02:30 on the spring-forward night becomes 03:30 EDT', () => {
    const at = zonedInstant('2026-03-08', '02:30', 'America/New_York');
    expect(at.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeOf(at, 'America/New_York')).toBe('03:30');
    expect(iso('2026-03-08', '02:00', 'America/New_York')).toBe(iso('2026-03-08', '03:00', 'America/New_York'));
  });

  it('London: 01:30 on the last Sunday of March becomes 02:30 BST', () => {
    expect(iso('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf(utc('2026-03-29T01:30:00Z'), 'Europe/London')).toBe('02:30');
  });

  it('Lord Howe: the half-hour gap (02:00 → 02:30) moves 02:15 to 02:45', () => {
    const at = zonedInstant('2026-10-04', '02:15', 'Australia/Lord_Howe');
    expect(localTimeOf(at, 'Australia/Lord_Howe')).toBe('02:45');
    expect(at.toISOString()).toBe('2026-10-03T15:45:00.000Z');
  });

  it('Santiago and Havana skip midnight: the day starts at 01:00', () => {
    const santiago = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(santiago.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localTimeOf(santiago, 'America/Santiago')).toBe('01:00');
    expect(localDateOf(new Date(santiago.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
    const havana = startOfLocalDay('2026-03-08', 'America/Havana');
    expect(havana.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(localTimeOf(havana, 'America/Havana')).toBe('01:00');
  });
});

describe('zonedInstant: clocks going back (repeated hours)', () => {
  it('New York: 01:30 on 1 November 2026 resolves to the first (EDT) one', () => {
    expect(iso('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('London: 01:30 on 25 October 2026 resolves to the first (BST) one', () => {
    expect(iso('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('Lord Howe: 01:45 on 5 April 2026 resolves to the first (+11:00) one', () => {
    expect(iso('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('Santiago: 23:30 on 4 April 2026 (repeated) resolves to the first, and 5 April starts after the repeat', () => {
    expect(iso('2026-04-04', '23:30', 'America/Santiago')).toBe('2026-04-05T02:30:00.000Z');
    expect(startOfLocalDay('2026-04-05', 'America/Santiago').toISOString()).toBe('2026-04-05T04:00:00.000Z');
  });

  it('Havana: 00:30 on 1 November 2026 (repeated) resolves to the first', () => {
    expect(iso('2026-11-01', '00:30', 'America/Havana')).toBe('2026-11-01T04:30:00.000Z');
  });
});

describe('localDateOf and localTimeOf near midnight', () => {
  it('puts one instant on different days in different zones', () => {
    const at = utc('2026-06-01T23:30:00Z');
    expect(localDateOf(at, 'UTC')).toBe('2026-06-01');
    expect(localDateOf(at, 'Europe/London')).toBe('2026-06-02');
    expect(localTimeOf(at, 'Europe/London')).toBe('00:30');
    expect(localDateOf(at, 'America/New_York')).toBe('2026-06-01');
    expect(localDateOf(at, 'Pacific/Kiritimati')).toBe('2026-06-02');
    expect(localDateOf(utc('2026-06-01T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-06-01');
    expect(localDateOf(utc('2026-06-01T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-06-02');
    expect(localTimeOf(utc('2026-06-01T18:15:00Z'), 'Asia/Kathmandu')).toBe('00:00');
  });

  it('the last millisecond before a day starts belongs to the day before', () => {
    for (const zone of ZONES) {
      const start = startOfLocalDay('2026-03-08', zone);
      expect(localDateOf(start, zone)).toBe('2026-03-08');
      expect(localDateOf(new Date(start.getTime() - 1), zone)).toBe('2026-03-07');
    }
  });

  it('shows 24:00 as 00:00 of the next day (h23)', () => {
    expect(localTimeOf(utc('2026-01-02T00:00:00Z'), 'UTC')).toBe('00:00');
    expect(localDateOf(utc('2026-01-02T00:00:00Z'), 'UTC')).toBe('2026-01-02');
  });
});

describe('calendar helpers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('knows weekdays and Mondays', () => {
    expect(weekdayOf('2026-12-04')).toBe(5); // a Friday
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });

  it('checks local dates and times', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    // Years far enough inside four digits that a window or a week's arithmetic stays in the format.
    expect(isLocalDate('1000-01-01')).toBe(true);
    expect(isLocalDate('8999-12-31')).toBe(true);
    expect(isLocalDate('9999-12-31')).toBe(false);
    expect(isLocalDate('0100-01-01')).toBe(false);
    expect(addDays('8999-12-31', 1096)).toBe('9003-01-01');
    expect(daysBetween(addDays('1000-01-01', -1096), '1000-01-01')).toBe(1096);
    expect(isLocalTime('00:00')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:00')).toBe(false);
  });
});

describe('zoned time: properties', () => {
  const dateArb = fc.integer({ min: 0, max: 365 * 5 }).map((n) => addDays('2024-01-01', n));
  const timeArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const zoneArb = fc.constantFrom(...ZONES);

  it('a wall time round-trips, unless the clocks skipped it (then it lands just after the gap)', () => {
    fc.assert(
      fc.property(dateArb, timeArb, zoneArb, (date, time, zone) => {
        const at = zonedInstant(date, time, zone);
        if (localDateOf(at, zone) === date && localTimeOf(at, zone) === time) return;
        // Skipped: the offset just got larger, within the last three hours.
        const before = zoneOffsetMinutes(new Date(at.getTime() - 3 * 3_600_000), zone);
        expect(zoneOffsetMinutes(at, zone)).toBeGreaterThan(before);
      }),
      { numRuns: 300 },
    );
  });

  it('local days start in order and no earlier instant falls on that day', () => {
    fc.assert(
      fc.property(dateArb, zoneArb, (date, zone) => {
        const start = startOfLocalDay(date, zone).getTime();
        const next = startOfLocalDay(addDays(date, 1), zone).getTime();
        expect(next).toBeGreaterThan(start);
        expect(next - start).toBeGreaterThanOrEqual(22 * 3_600_000);
        expect(next - start).toBeLessThanOrEqual(26 * 3_600_000);
        expect(localDateOf(new Date(start), zone)).toBe(date);
        expect(localDateOf(new Date(start - 1), zone)).toBe(addDays(date, -1));
      }),
      { numRuns: 300 },
    );
  });

  it('calendar arithmetic is consistent', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -1000, max: 1000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(weekdayOf(mondayOf(date))).toBe(1);
        expect(daysBetween(mondayOf(date), date)).toBe(weekdayOf(date) - 1);
      }),
    );
  });
});
