import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DueOccurrence,
  describeSchedule,
  expandSchedule,
  isPaused,
  MAX_SCHEDULE_WINDOW_DAYS,
  occurrenceKeyValid,
  type Schedule,
  type ScheduleSpan,
  validateSchedule,
  type Weekday,
} from './schedule';
import {
  addDays,
  daysBetween,
  localDateOf,
  localTimeOf,
  mondayOf,
  startOfLocalDay,
  weekdayOf,
  zonedInstant,
  zoneOffsetMinutes,
} from './zoned-time';

const NY = 'America/New_York';
const start = (date: string, zone: string) => startOfLocalDay(date, zone).toISOString();
const always = (schedule: Schedule, from = '2000-01-01T00:00:00.000Z'): ScheduleSpan[] => [{ schedule, from, until: null }];
/** Occurrences for the local days [first, last] (window from the start of first to the start of the day after last). */
function forDays(schedule: Schedule, zone: string, first: string, last: string, spans = always(schedule)) {
  return expandSchedule({ spans, zone, from: start(first, zone), to: start(addDays(last, 1), zone) });
}
const keys = (list: DueOccurrence[]) => list.map((o) => o.key);

describe('expandSchedule: every day', () => {
  it('New York, March 2026 (clocks forward on the 8th): 31 occurrences, each at 21:00 local', () => {
    const list = forDays({ kind: 'daily', by: '21:00' }, NY, '2026-03-01', '2026-03-31');
    expect(list).toHaveLength(31);
    expect(list[0]).toEqual({ key: '2026-03-01', due: '2026-03-02T02:00:00.000Z', localDate: '2026-03-01' });
    expect(list[7]).toEqual({ key: '2026-03-08', due: '2026-03-09T01:00:00.000Z', localDate: '2026-03-08' });
    for (const o of list) {
      expect(localDateOf(new Date(o.due), NY)).toBe(o.key);
      expect(localTimeOf(new Date(o.due), NY)).toBe('21:00');
    }
  });

  it('New York, November 2026 (clocks back on the 1st): 30 occurrences, by a time and by the end of the day', () => {
    const byNine = forDays({ kind: 'daily', by: '21:00' }, NY, '2026-11-01', '2026-11-30');
    expect(byNine).toHaveLength(30);
    expect(byNine[0]?.due).toBe('2026-11-02T02:00:00.000Z');
    // "By the end of the day" = the start of the next local day, so that window starts a day later.
    const byEnd = forDays({ kind: 'daily', by: null }, NY, '2026-11-02', '2026-12-01');
    expect(byEnd).toHaveLength(30);
    expect(byEnd[0]).toEqual({ key: '2026-11-01', due: '2026-11-02T05:00:00.000Z', localDate: '2026-11-01' });
    expect(byEnd.at(-1)?.key).toBe('2026-11-30');
    // 31 October's end is the start of 1 November, still in daylight time.
    expect(forDays({ kind: 'daily', by: null }, NY, '2026-11-01', '2026-11-01')[0]?.due).toBe('2026-11-01T04:00:00.000Z');
  });

  it('a time in the spring gap happens just after it, once that day', () => {
    const list = forDays({ kind: 'daily', by: '02:30' }, NY, '2026-03-07', '2026-03-09');
    expect(list.map((o) => localTimeOf(new Date(o.due), NY))).toEqual(['02:30', '03:30', '02:30']);
  });

  it('a time in the repeated autumn hour happens once, at the first of the two', () => {
    const list = forDays({ kind: 'daily', by: '01:30' }, NY, '2026-11-01', '2026-11-01');
    expect(list).toEqual([{ key: '2026-11-01', due: '2026-11-01T05:30:00.000Z', localDate: '2026-11-01' }]);
  });

  it('Europe/London across both changes in 2026', () => {
    expect(forDays({ kind: 'daily', by: '01:30' }, 'Europe/London', '2026-03-01', '2026-03-31')).toHaveLength(31);
    expect(forDays({ kind: 'daily', by: null }, 'Europe/London', '2026-10-01', '2026-10-31')).toHaveLength(31);
  });

  it('Lord Howe: the half-hour shift keeps one occurrence a day', () => {
    const zone = 'Australia/Lord_Howe';
    const april = forDays({ kind: 'daily', by: null }, zone, '2026-04-01', '2026-04-30');
    expect(april).toHaveLength(30);
    // 5 April 2026 is 24½ hours long.
    const fifth = april.find((o) => o.key === '2026-04-05');
    const fourth = april.find((o) => o.key === '2026-04-04');
    expect(Date.parse(fifth?.due ?? '') - Date.parse(fourth?.due ?? '')).toBe(24.5 * 3_600_000);
    const october = forDays({ kind: 'daily', by: '02:15' }, zone, '2026-10-01', '2026-10-31');
    expect(october).toHaveLength(31);
    expect(localTimeOf(new Date(october[3]?.due ?? ''), zone)).toBe('02:45'); // 4 October: in the gap
  });

  it('Santiago and Havana, where midnight is skipped: the end of the day is the next day’s first moment', () => {
    const santiago = forDays({ kind: 'daily', by: null }, 'America/Santiago', '2026-09-01', '2026-09-30');
    expect(santiago).toHaveLength(30);
    expect(santiago.find((o) => o.key === '2026-09-05')?.due).toBe('2026-09-06T04:00:00.000Z');
    const havana = forDays({ kind: 'daily', by: '00:00' }, 'America/Havana', '2026-03-01', '2026-03-31');
    expect(havana).toHaveLength(31);
    expect(localTimeOf(new Date(havana[7]?.due ?? ''), 'America/Havana')).toBe('01:00');
  });

  it('Kathmandu (+05:45)', () => {
    const list = forDays({ kind: 'daily', by: '07:00' }, 'Asia/Kathmandu', '2026-06-01', '2026-06-03');
    expect(list.map((o) => o.due)).toEqual(['2026-06-01T01:15:00.000Z', '2026-06-02T01:15:00.000Z', '2026-06-03T01:15:00.000Z']);
  });

  it('a day the zone skipped entirely has no occurrence (Samoa, 30 December 2011)', () => {
    const zone = 'Pacific/Apia';
    const list = forDays({ kind: 'daily', by: '12:00' }, zone, '2011-12-28', '2012-01-02');
    expect(keys(list)).toEqual(['2011-12-28', '2011-12-29', '2011-12-31', '2012-01-01', '2012-01-02']);
    const byEnd = forDays({ kind: 'daily', by: null }, zone, '2011-12-29', '2012-01-03');
    expect(keys(byEnd)).toEqual(['2011-12-28', '2011-12-29', '2011-12-31', '2012-01-01', '2012-01-02']);
    expect(new Set(byEnd.map((o) => o.due)).size).toBe(byEnd.length);
  });

  it('keeps only the due instants inside the window, half-open', () => {
    const schedule: Schedule = { kind: 'daily', by: '21:00' };
    const due = zonedInstant('2026-05-10', '21:00', NY).toISOString();
    expect(keys(expandSchedule({ spans: always(schedule), zone: NY, from: due, to: due }))).toEqual([]);
    const next = new Date(Date.parse(due) + 1).toISOString();
    expect(keys(expandSchedule({ spans: always(schedule), zone: NY, from: due, to: next }))).toEqual(['2026-05-10']);
    const previous = new Date(Date.parse(due) - 1).toISOString();
    expect(keys(expandSchedule({ spans: always(schedule), zone: NY, from: previous, to: due }))).toEqual([]);
  });
});

describe('expandSchedule: chosen weekdays', () => {
  it('only on the chosen days', () => {
    const list = forDays({ kind: 'weekdays', days: [1, 4], by: '08:00' }, NY, '2026-03-01', '2026-03-31');
    expect(keys(list)).toEqual([
      '2026-03-02',
      '2026-03-05',
      '2026-03-09',
      '2026-03-12',
      '2026-03-16',
      '2026-03-19',
      '2026-03-23',
      '2026-03-26',
      '2026-03-30',
    ]);
    expect(list.every((o) => localTimeOf(new Date(o.due), NY) === '08:00')).toBe(true);
  });

  it('by the end of a chosen Sunday is the start of Monday', () => {
    const list = forDays({ kind: 'weekdays', days: [7], by: null }, NY, '2026-03-03', '2026-03-09');
    expect(list).toEqual([{ key: '2026-03-08', due: start('2026-03-09', NY), localDate: '2026-03-08' }]);
  });
});

describe('expandSchedule: n times a week', () => {
  it('n per Monday-start week, all due at the start of the next Monday, keyed by the Monday', () => {
    const list = expandSchedule({
      spans: always({ kind: 'weekly', times: 3 }),
      zone: NY,
      from: start('2026-03-03', NY),
      to: start('2026-03-17', NY),
    });
    expect(list).toEqual([
      { key: '2026-03-02#1', due: start('2026-03-09', NY), localDate: '2026-03-08' },
      { key: '2026-03-02#2', due: start('2026-03-09', NY), localDate: '2026-03-08' },
      { key: '2026-03-02#3', due: start('2026-03-09', NY), localDate: '2026-03-08' },
      { key: '2026-03-09#1', due: start('2026-03-16', NY), localDate: '2026-03-15' },
      { key: '2026-03-09#2', due: start('2026-03-16', NY), localDate: '2026-03-15' },
      { key: '2026-03-09#3', due: start('2026-03-16', NY), localDate: '2026-03-15' },
    ]);
    expect(list[0]?.due).toBe('2026-03-09T04:00:00.000Z');
  });

  it('a first week that starts on Thursday gets ceil(n × 4 / 7) slots', () => {
    const spans: ScheduleSpan[] = [{ schedule: { kind: 'weekly', times: 3 }, from: start('2026-03-05', NY), until: null }];
    const list = expandSchedule({ spans, zone: NY, from: start('2026-03-01', NY), to: start('2026-03-17', NY) });
    expect(keys(list)).toEqual(['2026-03-02#1', '2026-03-02#2', '2026-03-09#1', '2026-03-09#2', '2026-03-09#3']);
  });

  it('a day counts only when its start is inside the span', () => {
    // Starting at Thursday noon: Friday to Sunday are inside (3 days): ceil(7 × 3 / 7) = 3.
    const noon = zonedInstant('2026-03-05', '12:00', NY).toISOString();
    const spans: ScheduleSpan[] = [{ schedule: { kind: 'weekly', times: 7 }, from: noon, until: null }];
    const list = expandSchedule({ spans, zone: NY, from: start('2026-03-01', NY), to: start('2026-03-10', NY) });
    expect(keys(list)).toEqual(['2026-03-02#1', '2026-03-02#2', '2026-03-02#3']);
    // Once a week, any part of a week still counts one.
    const once: ScheduleSpan[] = [{ schedule: { kind: 'weekly', times: 1 }, from: start('2026-03-08', NY), until: null }];
    expect(keys(expandSchedule({ spans: once, zone: NY, from: start('2026-03-01', NY), to: start('2026-03-10', NY) }))).toEqual([
      '2026-03-02#1',
    ]);
  });

  it('an ended commitment keeps its last, partial week, due at that week’s end', () => {
    // Ended at the start of Thursday 12 March: Monday to Wednesday were under it, ceil(2 × 3 / 7) = 1.
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'weekly', times: 2 }, from: start('2026-03-02', NY), until: start('2026-03-12', NY) },
    ];
    const list = expandSchedule({ spans, zone: NY, from: start('2026-03-01', NY), to: start('2026-04-01', NY) });
    expect(keys(list)).toEqual(['2026-03-02#1', '2026-03-02#2', '2026-03-09#1']);
    expect(list[2]?.due).toBe(start('2026-03-16', NY));
  });

  it('a change of n mid-week weighs each day by the schedule in force at its start', () => {
    const change = zonedInstant('2026-03-11', '15:00', NY).toISOString(); // Wednesday afternoon
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'weekly', times: 3 }, from: start('2026-03-02', NY), until: change },
      { schedule: { kind: 'weekly', times: 4 }, from: change, until: null },
    ];
    const list = expandSchedule({ spans, zone: NY, from: start('2026-03-10', NY), to: start('2026-03-24', NY) });
    // Mon–Wed under 3, Thu–Sun under 4: ceil((9 + 16) / 7) = 4; the next week, 4.
    expect(keys(list)).toEqual([
      '2026-03-09#1',
      '2026-03-09#2',
      '2026-03-09#3',
      '2026-03-09#4',
      '2026-03-16#1',
      '2026-03-16#2',
      '2026-03-16#3',
      '2026-03-16#4',
    ]);
  });

  it('a change late on a Sunday does not wipe out that week', () => {
    const change = zonedInstant('2026-03-15', '22:00', NY).toISOString();
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'weekly', times: 3 }, from: start('2026-03-02', NY), until: change },
      { schedule: { kind: 'daily', by: null }, from: change, until: null },
    ];
    const list = expandSchedule({ spans, zone: NY, from: start('2026-03-10', NY), to: start('2026-03-18', NY) });
    expect(keys(list)).toEqual(['2026-03-09#1', '2026-03-09#2', '2026-03-09#3', '2026-03-15', '2026-03-16']);
  });

  it('Lord Howe: the week holding the half-hour change still gets n', () => {
    const zone = 'Australia/Lord_Howe';
    const list = expandSchedule({
      spans: always({ kind: 'weekly', times: 4 }),
      zone,
      from: start('2026-09-28', zone),
      to: start('2026-10-12', zone),
    });
    expect(keys(list).filter((k) => k.startsWith('2026-09-28'))).toHaveLength(4);
    expect(list.find((o) => o.key === '2026-09-28#1')?.due).toBe(start('2026-10-05', zone));
  });
});

describe('expandSchedule: once', () => {
  it('is due at the date and time given, keyed "once"', () => {
    const schedule: Schedule = { kind: 'once', date: '2026-12-04', by: '18:00' };
    const spans = always(schedule, '2026-11-01T00:00:00.000Z');
    expect(expandSchedule({ spans, zone: 'Europe/London', from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toEqual([
      { key: 'once', due: '2026-12-04T18:00:00.000Z', localDate: '2026-12-04' },
    ]);
    expect(expandSchedule({ spans, zone: 'Europe/London', from: '2026-12-05T00:00:00Z', to: '2027-01-01T00:00:00Z' })).toEqual(
      [],
    );
  });

  it('moving a promise before it was due keeps one occurrence, at the new time', () => {
    const spans: ScheduleSpan[] = [
      {
        schedule: { kind: 'once', date: '2026-12-04', by: '18:00' },
        from: '2026-11-01T00:00:00Z',
        until: '2026-12-01T00:00:00Z',
      },
      { schedule: { kind: 'once', date: '2026-12-10', by: '18:00' }, from: '2026-12-01T00:00:00Z', until: null },
    ];
    const list = expandSchedule({ spans, zone: 'UTC', from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(list).toEqual([{ key: 'once', due: '2026-12-10T18:00:00.000Z', localDate: '2026-12-10' }]);
  });

  it('changing a promise after it was due keeps the first one (one key, one occurrence)', () => {
    const spans: ScheduleSpan[] = [
      {
        schedule: { kind: 'once', date: '2026-12-04', by: '18:00' },
        from: '2026-11-01T00:00:00Z',
        until: '2026-12-05T00:00:00Z',
      },
      { schedule: { kind: 'once', date: '2026-12-10', by: '18:00' }, from: '2026-12-05T00:00:00Z', until: null },
    ];
    const list = expandSchedule({ spans, zone: 'UTC', from: '2026-12-06T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(list).toEqual([]);
    const all = expandSchedule({ spans, zone: 'UTC', from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(keys(all)).toEqual(['once']);
    expect(all[0]?.due).toBe('2026-12-04T18:00:00.000Z');
  });
});

describe('expandSchedule: changes over time (spans)', () => {
  it('an occurrence belongs to the span in force at its due instant', () => {
    const change = zonedInstant('2026-03-10', '12:00', NY).toISOString();
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'daily', by: '21:00' }, from: start('2026-03-01', NY), until: change },
      { schedule: { kind: 'weekdays', days: [3], by: '09:00' }, from: change, until: null },
    ];
    const list = forDays(spans[0]?.schedule as Schedule, NY, '2026-03-07', '2026-03-18', spans);
    expect(keys(list)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-11', '2026-03-18']);
  });

  it('a change of time on the same day does not make that day due twice: the first version stands', () => {
    const change = zonedInstant('2026-03-10', '12:00', NY).toISOString();
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'daily', by: '10:00' }, from: start('2026-03-01', NY), until: change },
      { schedule: { kind: 'daily', by: '21:00' }, from: change, until: null },
    ];
    const list = forDays({ kind: 'daily', by: '10:00' }, NY, '2026-03-09', '2026-03-11', spans);
    expect(list.map((o) => [o.key, localTimeOf(new Date(o.due), NY)])).toEqual([
      ['2026-03-09', '10:00'],
      ['2026-03-10', '10:00'],
      ['2026-03-11', '21:00'],
    ]);
    // The same with a window that starts after the change: still no second 10 March.
    expect(keys(expandSchedule({ spans, zone: NY, from: change, to: start('2026-03-12', NY) }))).toEqual(['2026-03-11']);
  });

  it('a version that changes nothing about timing (only the wording) changes nothing', () => {
    const change = zonedInstant('2026-03-11', '12:00', NY).toISOString();
    const weekly: Schedule = { kind: 'weekly', times: 3 };
    const split: ScheduleSpan[] = [
      { schedule: weekly, from: start('2026-03-02', NY), until: change },
      { schedule: { kind: 'weekly', times: 3 }, from: change, until: null },
    ];
    const whole: ScheduleSpan[] = [{ schedule: weekly, from: start('2026-03-02', NY), until: null }];
    const window = { zone: NY, from: start('2026-03-01', NY), to: start('2026-04-01', NY) };
    expect(expandSchedule({ spans: split, ...window })).toEqual(expandSchedule({ spans: whole, ...window }));
    const days: ScheduleSpan[] = [
      { schedule: { kind: 'weekdays', days: [1, 3], by: null }, from: start('2026-03-02', NY), until: change },
      { schedule: { kind: 'weekdays', days: [3, 1], by: null }, from: change, until: null },
    ];
    expect(keys(expandSchedule({ spans: days, ...window }))).toHaveLength(9);
  });

  it('nothing before the first span or after an ended one', () => {
    const spans: ScheduleSpan[] = [
      { schedule: { kind: 'daily', by: null }, from: start('2026-03-05', NY), until: start('2026-03-09', NY) },
    ];
    const list = forDays({ kind: 'daily', by: null }, NY, '2026-03-01', '2026-03-31', spans);
    // By the end of the day: the span holds the 5th to the 8th (the 8th is due as the span ends), not the 4th.
    expect(keys(list)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(list[3]?.due).toBe(start('2026-03-09', NY));
  });

  it('an empty list of spans gives nothing', () => {
    expect(expandSchedule({ spans: [], zone: NY, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toEqual([]);
  });
});

describe('expandSchedule: guards', () => {
  const daily: Schedule = { kind: 'daily', by: null };
  it(`refuses a window longer than ${MAX_SCHEDULE_WINDOW_DAYS} days, or one that ends before it starts`, () => {
    const from = '2024-01-01T00:00:00.000Z';
    const ok = new Date(Date.parse(from) + MAX_SCHEDULE_WINDOW_DAYS * 86_400_000).toISOString();
    const tooLong = new Date(Date.parse(ok) + 1).toISOString();
    expect(expandSchedule({ spans: always(daily), zone: 'UTC', from, to: ok })).toHaveLength(MAX_SCHEDULE_WINDOW_DAYS);
    expect(() => expandSchedule({ spans: always(daily), zone: 'UTC', from, to: tooLong })).toThrow(RangeError);
    expect(() => expandSchedule({ spans: always(daily), zone: 'UTC', from: ok, to: from })).toThrow(RangeError);
  });

  it('refuses overlapping, unsorted or inverted spans, and an open span that is not last', () => {
    const a = '2026-01-01T00:00:00Z';
    const b = '2026-02-01T00:00:00Z';
    const c = '2026-03-01T00:00:00Z';
    const window = { zone: 'UTC', from: a, to: c };
    const overlapping: ScheduleSpan[] = [
      { schedule: daily, from: a, until: c },
      { schedule: daily, from: b, until: null },
    ];
    const unsorted: ScheduleSpan[] = [
      { schedule: daily, from: b, until: c },
      { schedule: daily, from: a, until: b },
    ];
    const inverted: ScheduleSpan[] = [{ schedule: daily, from: b, until: a }];
    const openFirst: ScheduleSpan[] = [
      { schedule: daily, from: a, until: null },
      { schedule: daily, from: b, until: null },
    ];
    for (const spans of [overlapping, unsorted, inverted, openFirst]) {
      expect(() => expandSchedule({ spans, ...window })).toThrow(RangeError);
    }
    // Touching spans and an empty span are fine.
    const touching: ScheduleSpan[] = [
      { schedule: daily, from: a, until: b },
      { schedule: daily, from: b, until: b },
      { schedule: { kind: 'daily', by: '12:00' }, from: b, until: null },
    ];
    expect(expandSchedule({ spans: touching, ...window })).toHaveLength(59);
  });

  it('refuses unreadable instants, an unknown zone and an invalid schedule', () => {
    const window = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    expect(() => expandSchedule({ spans: always(daily), zone: 'Mars/Olympus', ...window })).toThrow(RangeError);
    expect(() => expandSchedule({ spans: always(daily), zone: 'UTC', from: 'soon', to: window.to })).toThrow(RangeError);
    expect(() => expandSchedule({ spans: always({ kind: 'weekly', times: 9 }), zone: 'UTC', ...window })).toThrow(RangeError);
  });
});

describe('expandSchedule: properties', () => {
  const ZONES = [
    'UTC',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Havana',
    'Asia/Kathmandu',
    'Pacific/Chatham',
  ];
  const zoneArb = fc.constantFrom(...ZONES);
  const timeArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const byArb = fc.option(timeArb, { nil: null });
  const daysArb = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((d) => d as Weekday[]);
  const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
    byArb.map((by) => ({ kind: 'daily' as const, by })),
    fc.tuple(daysArb, byArb).map(([days, by]) => ({ kind: 'weekdays' as const, days, by })),
    fc.integer({ min: 1, max: 7 }).map((times) => ({ kind: 'weekly' as const, times })),
    fc
      .tuple(fc.integer({ min: 0, max: 1500 }), timeArb)
      .map(([n, by]) => ({ kind: 'once' as const, date: addDays('2024-01-01', n), by })),
  );
  const BASE = Date.parse('2024-01-01T00:00:00Z');
  const HOUR = 3_600_000;
  const instantArb = fc.integer({ min: 0, max: 4 * 365 * 24 }).map((h) => BASE + h * HOUR);
  /** 1 to 4 sorted, touching or gapped spans with random schedules, the last sometimes open. */
  const spansArb: fc.Arbitrary<ScheduleSpan[]> = fc
    .tuple(
      instantArb,
      fc.array(fc.tuple(scheduleArb, fc.integer({ min: 1, max: 60 * 24 }), fc.constantFrom(0, 0, 5, 30)), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.boolean(),
    )
    .map(([begin, parts, open]) => {
      let at = begin;
      return parts.map(([schedule, hours, gap], i) => {
        const from = at;
        const until = from + hours * HOUR;
        at = until + gap * HOUR;
        const last = i === parts.length - 1;
        return {
          schedule,
          from: new Date(from).toISOString(),
          until: last && open ? null : new Date(until).toISOString(),
        };
      });
    });
  const windowArb = fc
    .tuple(instantArb, fc.integer({ min: 0, max: 120 * 24 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([from, hours, cut]) => {
      const to = from + hours * HOUR;
      const mid = from + Math.floor((to - from) * cut);
      return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), mid: new Date(mid).toISOString() };
    });

  it('every occurrence is due in [from, to) and inside its span; keys are unique, valid and sorted by due', () => {
    fc.assert(
      fc.property(spansArb, zoneArb, windowArb, (spans, zone, w) => {
        const list = expandSchedule({ spans, zone, from: w.from, to: w.to });
        expect(new Set(keys(list)).size).toBe(list.length);
        for (const [i, o] of list.entries()) {
          expect(occurrenceKeyValid(o.key)).toBe(true);
          expect(o.due >= new Date(w.from).toISOString() && o.due < new Date(w.to).toISOString()).toBe(true);
          const holds = (s: ScheduleSpan, at: string) => at >= s.from && (s.until === null || at < s.until);
          if (o.key.includes('#')) {
            // A week comes from the weekly spans holding the start of at least one of its days.
            const week = o.key.slice(0, 10);
            const dayStarts = Array.from({ length: 7 }, (_, d) => start(addDays(week, d), zone));
            const weekly = spans.filter((s) => s.schedule.kind === 'weekly');
            expect(weekly.some((s) => dayStarts.some((at) => holds(s, at)))).toBe(true);
          } else {
            const lastMoment = new Date(Date.parse(o.due) - 1).toISOString();
            expect(spans.some((s) => holds(s, o.due) || holds(s, lastMoment))).toBe(true);
          }
          const prev = list[i - 1];
          if (prev) expect(prev.due < o.due || (prev.due === o.due && prev.key < o.key)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('splitting a window in two gives the same occurrences', () => {
    fc.assert(
      fc.property(spansArb, zoneArb, windowArb, (spans, zone, w) => {
        const whole = expandSchedule({ spans, zone, from: w.from, to: w.to });
        const left = expandSchedule({ spans, zone, from: w.from, to: w.mid });
        const right = expandSchedule({ spans, zone, from: w.mid, to: w.to });
        expect([...left, ...right]).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  const dayArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2024-01-01', n));

  it('every day: exactly one occurrence per local day, at the chosen time on that day unless the clocks skipped it', () => {
    fc.assert(
      fc.property(zoneArb, dayArb, fc.integer({ min: 1, max: 120 }), byArb, (zone, first, count, by) => {
        const last = addDays(first, count - 1);
        const window = by === null ? [addDays(first, 1), addDays(last, 1)] : [first, last];
        const list = forDays({ kind: 'daily', by }, zone, window[0] as string, window[1] as string);
        expect(keys(list)).toEqual(Array.from({ length: count }, (_, i) => addDays(first, i)));
        for (const o of list) {
          const due = new Date(o.due);
          if (by === null) {
            expect(o.due).toBe(start(addDays(o.key, 1), zone));
            continue;
          }
          expect(localDateOf(due, zone)).toBe(o.key);
          if (localTimeOf(due, zone) !== by) {
            // Only in a gap: the offset grew within the three hours before.
            expect(zoneOffsetMinutes(due, zone)).toBeGreaterThan(zoneOffsetMinutes(new Date(due.getTime() - 3 * HOUR), zone));
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('chosen weekdays: one occurrence per chosen day, none on others', () => {
    fc.assert(
      fc.property(zoneArb, dayArb, fc.integer({ min: 1, max: 60 }), daysArb, timeArb, (zone, first, count, days, by) => {
        const last = addDays(first, count - 1);
        const list = forDays({ kind: 'weekdays', days, by }, zone, first, last);
        const expected = Array.from({ length: count }, (_, i) => addDays(first, i)).filter((d) =>
          days.includes(weekdayOf(d) as Weekday),
        );
        expect(keys(list)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('n times a week: n per full week, all at the start of the next Monday', () => {
    fc.assert(
      fc.property(zoneArb, dayArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 7 }), (zone, day, weeks, times) => {
        const monday = mondayOf(day);
        const list = expandSchedule({
          spans: always({ kind: 'weekly', times }),
          zone,
          from: start(monday, zone),
          to: start(addDays(monday, 7 * weeks), zone),
        });
        expect(list).toHaveLength(times * weeks);
        for (const o of list) {
          const [week, slot] = o.key.split('#') as [string, string];
          expect(weekdayOf(week)).toBe(1);
          expect(Number(slot)).toBeLessThanOrEqual(times);
          expect(o.due).toBe(start(addDays(week, 7), zone));
          expect(o.localDate).toBe(addDays(week, 6));
          expect(daysBetween(monday, week)).toBeGreaterThanOrEqual(-7);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a partial first week gets ceil(n × days inside / 7), never more than n', () => {
    fc.assert(
      fc.property(zoneArb, dayArb, fc.integer({ min: 1, max: 7 }), (zone, day, times) => {
        const spans: ScheduleSpan[] = [{ schedule: { kind: 'weekly', times }, from: start(day, zone), until: null }];
        const monday = mondayOf(day);
        const list = expandSchedule({ spans, zone, from: start(monday, zone), to: start(addDays(monday, 8), zone) });
        const inside = 8 - weekdayOf(day);
        expect(list).toHaveLength(Math.ceil((times * inside) / 7));
      }),
      { numRuns: 100 },
    );
  });
});

describe('occurrenceKeyValid', () => {
  it('accepts the keys schedules make', () => {
    for (const key of ['once', '2026-03-01', '2028-02-29', '2026-03-02#1', '2026-03-02#7']) {
      expect(occurrenceKeyValid(key)).toBe(true);
    }
  });
  it('refuses anything else', () => {
    for (const key of [
      '',
      'Once',
      '2026-02-30',
      '2026-3-1',
      '2026-03-03#1',
      '2026-03-02#0',
      '2026-03-02#8',
      '2026-03-02#01',
      '2026-03-02#',
    ]) {
      expect(occurrenceKeyValid(key)).toBe(false);
    }
  });
});

describe('validateSchedule', () => {
  it('accepts good schedules', () => {
    const good: Schedule[] = [
      { kind: 'daily', by: null },
      { kind: 'daily', by: '21:00' },
      { kind: 'weekdays', days: [1, 4], by: '08:00' },
      { kind: 'weekdays', days: [1, 2, 3, 4, 5, 6, 7], by: null },
      { kind: 'weekly', times: 1 },
      { kind: 'weekly', times: 7 },
      { kind: 'once', date: '2028-02-29', by: '18:00' },
    ];
    for (const s of good) expect(validateSchedule(s)).toBeNull();
  });

  it('names the problem in plain words', () => {
    const bad = [
      { kind: 'daily', by: '9pm' },
      { kind: 'daily', by: '24:00' },
      { kind: 'weekdays', days: [], by: null },
      { kind: 'weekdays', days: [1, 1], by: null },
      { kind: 'weekdays', days: [0], by: null },
      { kind: 'weekdays', days: [8], by: null },
      { kind: 'weekdays', days: [1.5], by: null },
      { kind: 'weekly', times: 0 },
      { kind: 'weekly', times: 8 },
      { kind: 'weekly', times: 2.5 },
      { kind: 'weekly', times: Number.NaN },
      { kind: 'once', date: '2026-02-30', by: '18:00' },
      { kind: 'once', date: '2026-12-04', by: null },
      { kind: 'monthly' },
      null,
    ] as unknown as Schedule[];
    for (const s of bad) {
      const problem = validateSchedule(s);
      expect(problem, JSON.stringify(s)).toMatch(/^[A-Z].*\.$/);
    }
    expect(validateSchedule({ kind: 'weekly', times: 9 })).toBe('Choose between 1 and 7 times a week.');
  });
});

describe('describeSchedule', () => {
  it('says it in short words', () => {
    expect(describeSchedule({ kind: 'daily', by: '21:00' })).toBe('Every day, by 21:00');
    expect(describeSchedule({ kind: 'daily', by: null })).toBe('Every day');
    expect(describeSchedule({ kind: 'weekdays', days: [4, 1], by: '08:00' })).toBe('Mondays and Thursdays, by 08:00');
    expect(describeSchedule({ kind: 'weekdays', days: [1, 3, 5], by: null })).toBe('Mondays, Wednesdays and Fridays');
    expect(describeSchedule({ kind: 'weekdays', days: [7], by: null })).toBe('Sundays');
    expect(describeSchedule({ kind: 'weekdays', days: [1, 2, 3, 4, 5], by: '07:30' })).toBe('Weekdays, by 07:30');
    expect(describeSchedule({ kind: 'weekdays', days: [7, 6], by: null })).toBe('Weekends');
    expect(describeSchedule({ kind: 'weekdays', days: [1, 2, 3, 4, 5, 6, 7], by: null })).toBe('Every day');
    expect(describeSchedule({ kind: 'weekly', times: 1 })).toBe('Once a week');
    expect(describeSchedule({ kind: 'weekly', times: 2 })).toBe('Twice a week');
    expect(describeSchedule({ kind: 'weekly', times: 3 })).toBe('3 times a week');
    expect(describeSchedule({ kind: 'once', date: '2026-12-04', by: '18:00' })).toBe('Once, by Fri 4 Dec 2026, 18:00');
  });
});

describe('isPaused', () => {
  const pauses = [
    { from: '2026-03-01T00:00:00Z', until: '2026-03-08T00:00:00Z' },
    { from: '2026-04-01T00:00:00.000Z', until: null },
  ];
  it('is true inside a pause, half-open, and for an open-ended one', () => {
    expect(isPaused('2026-03-01T00:00:00.000Z', pauses)).toBe(true);
    expect(isPaused('2026-03-07T23:59:59.999Z', pauses)).toBe(true);
    expect(isPaused('2026-03-08T00:00:00.000Z', pauses)).toBe(false);
    expect(isPaused('2026-02-28T23:59:59.999Z', pauses)).toBe(false);
    expect(isPaused('2030-01-01T00:00:00.000Z', pauses)).toBe(true);
    expect(isPaused('2026-03-15T00:00:00.000Z', [])).toBe(false);
  });
  it('refuses an unreadable instant', () => {
    expect(() => isPaused('later', pauses)).toThrow(RangeError);
  });
});
