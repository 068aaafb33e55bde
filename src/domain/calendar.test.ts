import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_LIMITS,
  type CalendarEntry,
  calendarEntryOf,
  calendarUid,
  type FeedOccurrence,
  feedWindow,
  keepNearest,
} from './calendar';
import { expandSchedule, type Schedule } from './schedule';
import { daysBetween, localDateOf, localTimeOf, weekdayOf } from './zoned-time';

const NY = 'America/New_York';
const ID = '0190a000-0000-7000-8000-000000000001';

/** The feed's entries for one commitment with one schedule, expanded like the service does. */
function entries(schedule: Schedule, zone: string, from: string, to: string, spanFrom = from): CalendarEntry[] {
  return expandSchedule({ spans: [{ schedule, from: spanFrom, until: null }], zone, from, to }).map((o) =>
    calendarEntryOf({ commitmentId: ID, key: o.key, due: o.due, localDate: o.localDate, kind: schedule.kind, zone }, 'T'),
  );
}

describe('calendar feed entries', () => {
  it('covers 7 days back and 60 ahead', () => {
    expect(feedWindow('2026-11-01T12:00:00.000Z')).toEqual({
      from: '2026-10-25T12:00:00.000Z',
      to: '2026-12-31T12:00:00.000Z',
    });
  });

  it('ends "every day by 21:00" at 21:00 New York time on both sides of the 1 November 2026 change', () => {
    const list = entries({ kind: 'daily', by: '21:00' }, NY, '2026-10-29T12:00:00Z', '2026-11-03T12:00:00Z');
    expect(list.map((e) => (e.allDay ? null : [e.uid, e.start, e.end]))).toEqual([
      [calendarUid(ID, '2026-10-29'), '2026-10-30T00:30:00.000Z', '2026-10-30T01:00:00.000Z'],
      [calendarUid(ID, '2026-10-30'), '2026-10-31T00:30:00.000Z', '2026-10-31T01:00:00.000Z'],
      [calendarUid(ID, '2026-10-31'), '2026-11-01T00:30:00.000Z', '2026-11-01T01:00:00.000Z'],
      // EST from here: 21:00 is 02:00 UTC the next day.
      [calendarUid(ID, '2026-11-01'), '2026-11-02T01:30:00.000Z', '2026-11-02T02:00:00.000Z'],
      [calendarUid(ID, '2026-11-02'), '2026-11-03T01:30:00.000Z', '2026-11-03T02:00:00.000Z'],
    ]);
    for (const e of list) {
      if (e.allDay) throw new Error('expected timed events');
      expect(localTimeOf(new Date(e.end), NY)).toBe('21:00');
      expect(localTimeOf(new Date(e.start), NY)).toBe('20:30');
    }
  });

  it('makes "by the end of the day" an all-day event on its local date, across the change too', () => {
    const list = entries({ kind: 'weekdays', days: [7, 1], by: null }, NY, '2026-10-29T00:00:00Z', '2026-11-10T00:00:00Z');
    expect(list.map((e) => (e.allDay ? [e.uid, e.firstDay, e.dayAfter] : null))).toEqual([
      [calendarUid(ID, '2026-11-01'), '2026-11-01', '2026-11-02'],
      [calendarUid(ID, '2026-11-02'), '2026-11-02', '2026-11-03'],
      [calendarUid(ID, '2026-11-08'), '2026-11-08', '2026-11-09'],
    ]);
  });

  it('spreads each "n times a week" slot over its Monday-to-Sunday week', () => {
    const list = entries({ kind: 'weekly', times: 2 }, NY, '2026-10-26T04:00:00Z', '2026-11-09T00:00:00Z');
    expect(list.map((e) => (e.allDay ? [e.uid, e.firstDay, e.dayAfter, e.due] : null))).toEqual([
      [calendarUid(ID, '2026-10-26#1'), '2026-10-26', '2026-11-02', '2026-11-02T05:00:00.000Z'],
      [calendarUid(ID, '2026-10-26#2'), '2026-10-26', '2026-11-02', '2026-11-02T05:00:00.000Z'],
    ]);
  });

  it('makes a one-off a 30-minute event ending when it is due, even at midnight', () => {
    const at = (date: string, by: string) =>
      entries({ kind: 'once', date, by }, NY, '2026-10-20T00:00:00Z', '2026-12-01T00:00:00Z')[0];
    expect(at('2026-11-01', '10:00')).toMatchObject({
      allDay: false,
      uid: calendarUid(ID, 'once'),
      start: '2026-11-01T14:30:00.000Z',
      end: '2026-11-01T15:00:00.000Z',
    });
    // 00:00 is the start of that day, not "by the end of" the one before: still a timed event.
    expect(at('2026-11-03', '00:00')).toMatchObject({ allDay: false, end: '2026-11-03T05:00:00.000Z' });
  });

  it('keeps the entries due nearest to now, in the order they are due', () => {
    const now = '2026-11-10T12:00:00.000Z';
    const made = entries({ kind: 'daily', by: '09:00' }, 'UTC', '2026-11-01T00:00:00Z', '2026-11-21T00:00:00Z');
    expect(made).toHaveLength(20);
    const kept = keepNearest(made, now, 4);
    expect(kept.truncated).toBe(true);
    expect(kept.entries.map((e) => e.due)).toEqual([
      '2026-11-09T09:00:00.000Z',
      '2026-11-10T09:00:00.000Z',
      '2026-11-11T09:00:00.000Z',
      '2026-11-12T09:00:00.000Z',
    ]);
    expect(keepNearest(made, now).truncated).toBe(false);
    expect(CALENDAR_LIMITS.maxEvents).toBe(500);
  });
});

describe('calendar feed entries: properties', () => {
  const zones = fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC');
  // 01:xx (London, last Sunday of March) and 02:xx (New York, Lord Howe) can fall in a spring-forward gap.
  const hour = fc.integer({ min: 0, max: 23 }).filter((h) => h !== 1 && h !== 2);
  const minute = fc.constantFrom(0, 15, 30, 45);
  const start = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString());
  const pad = (n: number) => String(n).padStart(2, '0');

  it('a timed event lasts 30 minutes and ends at the local time promised, in any zone and season', () => {
    fc.assert(
      fc.property(zones, hour, minute, start, (zone, h, m, from) => {
        const by = `${pad(h)}:${pad(m)}`;
        const to = new Date(Date.parse(from) + 20 * 86_400_000).toISOString();
        for (const e of entries({ kind: 'daily', by }, zone, from, to)) {
          if (e.allDay) return false;
          expect(Date.parse(e.end) - Date.parse(e.start)).toBe(30 * 60_000);
          expect(e.end).toBe(e.due);
          expect(localTimeOf(new Date(e.end), zone)).toBe(by);
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('an all-day event covers its own local day, or its whole Monday-start week', () => {
    fc.assert(
      fc.property(zones, start, fc.boolean(), (zone, from, weekly) => {
        const to = new Date(Date.parse(from) + 30 * 86_400_000).toISOString();
        const schedule: Schedule = weekly ? { kind: 'weekly', times: 3 } : { kind: 'daily', by: null };
        for (const e of entries(schedule, zone, from, to)) {
          if (!e.allDay) return false;
          expect(daysBetween(e.firstDay, e.dayAfter)).toBe(weekly ? 7 : 1);
          if (weekly) expect(weekdayOf(e.firstDay)).toBe(1);
          // Due at the start of the day after, in the occurrence's zone.
          expect(localDateOf(new Date(e.due), zone)).toBe(e.dayAfter);
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('gives every occurrence of a commitment its own UID', () => {
    const occ = (key: string): FeedOccurrence => ({
      commitmentId: ID,
      key,
      due: '2026-11-02T05:00:00.000Z',
      localDate: '2026-11-01',
      kind: 'weekly',
      zone: NY,
    });
    const uids = ['2026-10-26#1', '2026-10-26#2', '2026-10-26#3'].map((k) => calendarEntryOf(occ(k), 'T').uid);
    expect(new Set(uids).size).toBe(3);
  });
});
