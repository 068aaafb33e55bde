import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  checkinKey,
  commitmentKey,
  isQuietAt,
  isQuietTime,
  kindEnabled,
  type NudgeTarget,
  type PlannedReminder,
  parseReminderKey,
  planReminders,
  type QuietHours,
  type ReminderPreferences,
  reflectionKey,
  reminderOutcome,
} from './reminders';
import { expandSchedule, type Schedule } from './schedule';
import { localDateOf, localTimeOf, zonedInstant } from './zoned-time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (date: string, time: string, zone: string) => zonedInstant(date, time, zone).toISOString();

const NONE: ReminderPreferences = { checkinTime: null, commitmentNudgeMinutes: null, reflection: null, quiet: null };
const prefs = (p: Partial<ReminderPreferences>): ReminderPreferences => ({ ...NONE, ...p });

const plan = (p: Partial<ReminderPreferences>, zone: string, from: string, to: string, occurrences: NudgeTarget[] = []) =>
  planReminders({ prefs: prefs(p), zone, occurrences, from, to });

/** The occurrences of one commitment as the worker passes them. */
const occurrencesOf = (commitmentId: string, schedule: Schedule, zone: string, from: string, to: string): NudgeTarget[] =>
  expandSchedule({ spans: [{ schedule, from: '2020-01-01T00:00:00.000Z', until: null }], zone, from, to }).map((o) => ({
    commitmentId,
    key: o.key,
    due: o.due,
  }));

describe('check-in reminders', () => {
  it('come at the chosen local time each day, useful until that day ends', () => {
    const zone = 'Europe/London';
    const out = plan({ checkinTime: '20:00' }, zone, '2026-01-05T00:00:00.000Z', '2026-01-07T00:00:00.000Z');
    expect(out).toEqual([
      {
        kind: 'reminder.checkin',
        dedupeKey: 'checkin:2026-01-05',
        subjectId: null,
        nominalAt: '2026-01-05T20:00:00.000Z',
        sendAt: '2026-01-05T20:00:00.000Z',
        usefulUntil: '2026-01-06T00:00:00.000Z',
      },
      {
        kind: 'reminder.checkin',
        dedupeKey: 'checkin:2026-01-06',
        subjectId: null,
        nominalAt: '2026-01-06T20:00:00.000Z',
        sendAt: '2026-01-06T20:00:00.000Z',
        usefulUntil: '2026-01-07T00:00:00.000Z',
      },
    ]);
  });

  it('keep to the wall clock across the London and New York clock changes', () => {
    const london = plan({ checkinTime: '20:00' }, 'Europe/London', '2026-03-27T12:00:00.000Z', '2026-03-31T00:00:00.000Z');
    expect(london.map((r) => r.sendAt)).toEqual([
      '2026-03-27T20:00:00.000Z',
      '2026-03-28T20:00:00.000Z',
      '2026-03-29T19:00:00.000Z', // British Summer Time from 29 March
      '2026-03-30T19:00:00.000Z',
    ]);
    const ny = plan({ checkinTime: '21:00' }, 'America/New_York', '2026-10-31T12:00:00.000Z', '2026-11-03T12:00:00.000Z');
    expect(ny.map((r) => [r.dedupeKey, r.sendAt, r.usefulUntil])).toEqual([
      ['checkin:2026-10-31', '2026-11-01T01:00:00.000Z', '2026-11-01T04:00:00.000Z'],
      ['checkin:2026-11-01', '2026-11-02T02:00:00.000Z', '2026-11-02T05:00:00.000Z'], // a 25-hour day
      ['checkin:2026-11-02', '2026-11-03T02:00:00.000Z', '2026-11-03T05:00:00.000Z'],
    ]);
  });

  it('at a time the clocks skip, come just after the gap (02:30 → 03:30 in New York)', () => {
    const out = plan({ checkinTime: '02:30' }, 'America/New_York', '2026-03-08T00:00:00.000Z', '2026-03-09T00:00:00.000Z');
    expect(out.map((r) => r.sendAt)).toEqual(['2026-03-08T07:30:00.000Z']);
    expect(localTimeOf(new Date(out[0]?.sendAt ?? ''), 'America/New_York')).toBe('03:30');
  });

  it('are not planned on a date the zone skipped (Samoa, 30 December 2011)', () => {
    const out = plan({ checkinTime: '20:00' }, 'Pacific/Apia', '2011-12-28T00:00:00.000Z', '2012-01-02T00:00:00.000Z');
    expect(out.map((r) => r.dedupeKey)).not.toContain('checkin:2011-12-30');
    expect(new Set(out.map((r) => r.dedupeKey)).size).toBe(out.length);
  });
});

describe('commitment nudges', () => {
  const zone = 'Europe/London';
  const daily: Schedule = { kind: 'daily', by: '21:00' };

  it('come the chosen minutes before each occurrence is due and stay useful until it is due', () => {
    const occ = occurrencesOf('c1', daily, zone, '2026-01-05T00:00:00.000Z', '2026-01-08T00:00:00.000Z');
    const out = plan({ commitmentNudgeMinutes: 60 }, zone, '2026-01-05T00:00:00.000Z', '2026-01-07T00:00:00.000Z', occ);
    expect(out.map((r) => [r.dedupeKey, r.subjectId, r.sendAt, r.usefulUntil])).toEqual([
      ['commitment:c1:2026-01-05', 'c1', '2026-01-05T20:00:00.000Z', '2026-01-05T21:00:00.000Z'],
      ['commitment:c1:2026-01-06', 'c1', '2026-01-06T20:00:00.000Z', '2026-01-06T21:00:00.000Z'],
    ]);
  });

  it('"at the due time" (a lead of 0) is still useful for a few minutes', () => {
    const occ = occurrencesOf('c1', daily, zone, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z');
    const [r] = plan({ commitmentNudgeMinutes: 0 }, zone, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z', occ);
    expect(r?.sendAt).toBe('2026-01-05T21:00:00.000Z');
    expect(r?.usefulUntil).toBe('2026-01-05T21:05:00.000Z');
  });

  it('"n times a week" gets one nudge for the week, not one per slot', () => {
    const occ = occurrencesOf('w', { kind: 'weekly', times: 3 }, zone, '2026-01-05T00:00:00.000Z', '2026-01-20T00:00:00.000Z');
    expect(occ.filter((o) => o.key.startsWith('2026-01-05#'))).toHaveLength(3);
    const out = plan({ commitmentNudgeMinutes: 120 }, zone, '2026-01-11T00:00:00.000Z', '2026-01-12T00:00:00.000Z', occ);
    expect(out.map((r) => [r.dedupeKey, r.sendAt])).toEqual([['commitment:w:2026-01-05', '2026-01-11T22:00:00.000Z']]);
  });

  it('ignores occurrences whose nudge falls outside the window', () => {
    const occ = occurrencesOf('c1', daily, zone, '2026-01-05T00:00:00.000Z', '2026-01-10T00:00:00.000Z');
    const out = plan({ commitmentNudgeMinutes: 60 }, zone, '2026-01-05T20:00:00.001Z', '2026-01-06T20:00:00.000Z', occ);
    expect(out).toEqual([]);
  });

  it('are off when the lead is null, whatever the occurrences', () => {
    const occ = occurrencesOf('c1', daily, zone, '2026-01-05T00:00:00.000Z', '2026-01-08T00:00:00.000Z');
    expect(plan({ checkinTime: null }, zone, '2026-01-05T00:00:00.000Z', '2026-01-07T00:00:00.000Z', occ)).toEqual([]);
  });
});

describe('weekly reflection', () => {
  it('comes on the chosen weekday and time, useful for a day', () => {
    const out = plan(
      { reflection: { weekday: 7, time: '18:00' } },
      'Europe/London',
      '2026-01-05T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    );
    expect(out.map((r) => [r.dedupeKey, r.sendAt, r.usefulUntil])).toEqual([
      ['reflection:2026-01-05', '2026-01-11T18:00:00.000Z', '2026-01-12T18:00:00.000Z'],
    ]);
  });
});

describe('quiet hours', () => {
  const zone = 'Europe/London';
  const quiet: QuietHours = { from: '22:00', until: '07:00' };

  it('wrap midnight, half-open [from, until)', () => {
    expect(isQuietTime('21:59', quiet)).toBe(false);
    expect(isQuietTime('22:00', quiet)).toBe(true);
    expect(isQuietTime('00:00', quiet)).toBe(true);
    expect(isQuietTime('06:59', quiet)).toBe(true);
    expect(isQuietTime('07:00', quiet)).toBe(false);
    expect(isQuietTime('13:30', { from: '13:00', until: '15:00' })).toBe(true);
    expect(isQuietTime('15:00', { from: '13:00', until: '15:00' })).toBe(false);
    expect(isQuietTime('03:00', { from: '09:00', until: '09:00' })).toBe(false); // equal: none
    expect(isQuietTime('03:00', null)).toBe(false);
  });

  it('move a send time to when they end: later that night or the next morning', () => {
    const move = (iso: string) => afterQuietHours(new Date(iso), zone, quiet).toISOString();
    expect(move('2026-01-05T21:30:00.000Z')).toBe('2026-01-05T21:30:00.000Z');
    expect(move('2026-01-05T22:15:00.000Z')).toBe('2026-01-06T07:00:00.000Z');
    expect(move('2026-01-06T03:00:00.000Z')).toBe('2026-01-06T07:00:00.000Z');
    expect(afterQuietHours(new Date('2026-01-05T13:10:00.000Z'), zone, { from: '13:00', until: '15:00' }).toISOString()).toBe(
      '2026-01-05T15:00:00.000Z',
    );
  });

  it('a nudge due 22:30: sent at 21:30 with an hour of notice; not sent at all with 15 minutes', () => {
    const occ = occurrencesOf('c', { kind: 'daily', by: '22:30' }, zone, '2026-01-05T00:00:00.000Z', '2026-01-07T00:00:00.000Z');
    const win = ['2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'] as const;
    expect(plan({ commitmentNudgeMinutes: 60, quiet }, zone, ...win, occ).map((r) => r.sendAt)).toEqual([
      '2026-01-05T21:30:00.000Z',
    ]);
    expect(plan({ commitmentNudgeMinutes: 15, quiet }, zone, ...win, occ)).toEqual([]);
  });

  it('a nudge for something due 08:00 with two hours of notice comes at 07:00', () => {
    const occ = occurrencesOf('c', { kind: 'daily', by: '08:00' }, zone, '2026-01-05T00:00:00.000Z', '2026-01-07T00:00:00.000Z');
    const out = plan({ commitmentNudgeMinutes: 120, quiet }, zone, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z', occ);
    expect(out.map((r) => [r.nominalAt, r.sendAt, r.usefulUntil])).toEqual([
      ['2026-01-05T06:00:00.000Z', '2026-01-05T07:00:00.000Z', '2026-01-05T08:00:00.000Z'],
    ]);
  });

  it('a check-in time inside quiet hours is skipped when they end after that day, kept when they end the same day', () => {
    expect(plan({ checkinTime: '23:00', quiet }, zone, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z')).toEqual([]);
    expect(
      plan({ checkinTime: '06:30', quiet }, zone, '2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z').map((r) => r.sendAt),
    ).toEqual(['2026-01-05T07:00:00.000Z']);
  });

  it('a reflection late on Sunday moves to Monday morning (still inside its day of use)', () => {
    const out = plan(
      { reflection: { weekday: 7, time: '23:00' }, quiet },
      zone,
      '2026-01-11T00:00:00.000Z',
      '2026-01-12T00:00:00.000Z',
    );
    expect(out.map((r) => [r.dedupeKey, r.nominalAt, r.sendAt])).toEqual([
      ['reflection:2026-01-05', '2026-01-11T23:00:00.000Z', '2026-01-12T07:00:00.000Z'],
    ]);
  });

  it('end on the local clock across a clock change inside them (London, spring)', () => {
    // 23:00 GMT on 28 March; the clocks go forward at 01:00; quiet hours end 07:00 BST = 06:00 UTC.
    expect(afterQuietHours(new Date('2026-03-28T23:00:00.000Z'), zone, quiet).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    // Autumn: 23:00 BST on 24 October; 07:00 GMT on 25 October.
    expect(afterQuietHours(new Date('2026-10-24T22:00:00.000Z'), zone, quiet).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('ending in the hour the clocks skip, end just after it (New York, 02:30 → 03:30)', () => {
    const ny = 'America/New_York';
    const end = afterQuietHours(new Date(at('2026-03-07', '23:00', ny)), ny, { from: '22:00', until: '02:30' });
    expect(end.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeOf(end, ny)).toBe('03:30');
  });

  it('ending in the hour that happens twice, end at the next one after the moment (New York, autumn)', () => {
    const ny = 'America/New_York';
    const q = { from: '00:00', until: '01:30' };
    // 01:15 the first time (EDT, 05:15 UTC) → 01:30 EDT.
    expect(afterQuietHours(new Date('2026-11-01T05:15:00.000Z'), ny, q).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // 01:15 the second time (EST, 06:15 UTC) → 01:30 EST, not the 01:30 already gone.
    expect(afterQuietHours(new Date('2026-11-01T06:15:00.000Z'), ny, q).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('dedupe keys', () => {
  it('name what a reminder is about, and read back', () => {
    expect(checkinKey('2026-01-05')).toBe('checkin:2026-01-05');
    expect(reflectionKey('2026-01-08')).toBe('reflection:2026-01-05');
    expect(commitmentKey('abc', '2026-01-05')).toBe('commitment:abc:2026-01-05');
    expect(commitmentKey('abc', '2026-01-05#2')).toBe('commitment:abc:2026-01-05');
    expect(commitmentKey('abc', 'once')).toBe('commitment:abc:once');
    expect(parseReminderKey('checkin:2026-01-05')).toEqual({ kind: 'reminder.checkin', date: '2026-01-05' });
    expect(parseReminderKey('reflection:2026-01-05')).toEqual({ kind: 'reminder.reflection', week: '2026-01-05' });
    expect(parseReminderKey('commitment:abc:once')).toEqual({
      kind: 'reminder.commitment',
      commitmentId: 'abc',
      occurrenceKey: 'once',
    });
    expect(parseReminderKey('checkin:2026-02-30')).toBeNull();
    expect(parseReminderKey('something else')).toBeNull();
  });

  it('do not depend on the time chosen: changing the check-in time keeps the day’s key', () => {
    const w = ['2026-01-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z'] as const;
    const a = plan({ checkinTime: '08:00' }, 'Europe/London', ...w);
    const b = plan({ checkinTime: '20:00' }, 'Europe/London', ...w);
    expect(a.map((r) => r.dedupeKey)).toEqual(b.map((r) => r.dedupeKey));
  });
});

describe('deciding at send time', () => {
  it('skips what is late or no longer needed, sends the rest', () => {
    const usefulUntil = '2026-01-05T21:00:00.000Z';
    expect(reminderOutcome({ now: '2026-01-05T20:00:00.000Z', usefulUntil, stillNeeded: true })).toBe('send');
    expect(reminderOutcome({ now: '2026-01-05T21:00:00.000Z', usefulUntil, stillNeeded: true })).toBe('send');
    expect(reminderOutcome({ now: '2026-01-05T21:00:00.001Z', usefulUntil, stillNeeded: true })).toBe('skip_late');
    expect(reminderOutcome({ now: '2026-01-05T20:00:00.000Z', usefulUntil, stillNeeded: false })).toBe('skip_not_needed');
  });

  it('knows which kinds are turned on', () => {
    expect(kindEnabled('reminder.checkin', prefs({ checkinTime: '20:00' }))).toBe(true);
    expect(kindEnabled('reminder.commitment', prefs({ checkinTime: '20:00' }))).toBe(false);
    expect(kindEnabled('reminder.commitment', prefs({ commitmentNudgeMinutes: 0 }))).toBe(true);
    expect(kindEnabled('reminder.reflection', prefs({ reflection: { weekday: 1, time: '09:00' } }))).toBe(true);
  });
});

describe('properties', () => {
  const ZONES = [
    'UTC',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Havana',
    'Asia/Kathmandu',
    'Pacific/Chatham',
  ];
  const zoneArb = fc.constantFrom(...ZONES);
  const timeArb = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 1, 15, 30, 45, 59))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const quietArb = fc.option(
    fc.record({ from: timeArb, until: timeArb }).filter((q) => q.from !== q.until),
    { nil: null },
  );
  const BASE = Date.parse('2025-12-29T00:00:00.000Z');
  // Any minute over two years: every DST change of both hemispheres, twice.
  const instantArb = fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }).map((m) => BASE + m * MINUTE);
  const prefsArb: fc.Arbitrary<ReminderPreferences> = fc.record({
    checkinTime: fc.option(timeArb, { nil: null }),
    commitmentNudgeMinutes: fc.option(fc.constantFrom(0, 5, 15, 60, 90, 240, 1440), { nil: null }),
    reflection: fc.option(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), time: timeArb }), { nil: null }),
    quiet: quietArb,
  });
  const scheduleArb: fc.Arbitrary<Schedule> = fc.oneof(
    timeArb.map((by) => ({ kind: 'daily' as const, by })),
    fc.constant({ kind: 'daily' as const, by: null }),
    fc.integer({ min: 1, max: 7 }).map((times) => ({ kind: 'weekly' as const, times })),
  );

  const planAll = (p: ReminderPreferences, zone: string, schedule: Schedule, from: number, to: number): PlannedReminder[] => {
    const occ = occurrencesOf('c', schedule, zone, new Date(from).toISOString(), new Date(to + 2 * 24 * HOUR).toISOString());
    return planReminders({
      prefs: p,
      zone,
      occurrences: occ,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    });
  };

  it('a moved send time is never earlier, never inside quiet hours, and unmoved outside them', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, quietArb, (zone, ms, quiet) => {
        const instant = new Date(ms);
        const moved = afterQuietHours(instant, zone, quiet);
        expect(moved.getTime()).toBeGreaterThanOrEqual(ms);
        expect(moved.getTime() - ms).toBeLessThanOrEqual(26 * HOUR);
        if (!isQuietAt(instant, zone, quiet)) expect(moved.getTime()).toBe(ms);
        else expect(isQuietAt(moved, zone, quiet)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('every planned reminder: sent at or after its nominal time, outside quiet hours, while still useful; keys unique', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, prefsArb, scheduleArb, (zone, from, p, schedule) => {
        const out = planAll(p, zone, schedule, from, from + 48 * HOUR);
        const keys = new Set<string>();
        for (const r of out) {
          expect(Date.parse(r.sendAt)).toBeGreaterThanOrEqual(Date.parse(r.nominalAt));
          expect(Date.parse(r.sendAt)).toBeLessThanOrEqual(Date.parse(r.usefulUntil));
          expect(Date.parse(r.nominalAt)).toBeGreaterThanOrEqual(from);
          expect(Date.parse(r.nominalAt)).toBeLessThan(from + 48 * HOUR);
          expect(isQuietAt(new Date(r.sendAt), zone, p.quiet)).toBe(false);
          expect(keys.has(r.dedupeKey)).toBe(false);
          keys.add(r.dedupeKey);
          expect(parseReminderKey(r.dedupeKey)?.kind).toBe(r.kind);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('planning in two windows gives the same reminders as planning once (incremental planning is exact)', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.integer({ min: 0, max: 72 * 60 }), prefsArb, scheduleArb, (zone, from, cut, p, s) => {
        const to = from + 72 * HOUR;
        const mid = from + cut * MINUTE;
        const whole = planAll(p, zone, s, from, to);
        const parts = [...planAll(p, zone, s, from, mid), ...planAll(p, zone, s, mid, to)];
        const byKey = (list: PlannedReminder[]) => [...list].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
        expect(byKey(parts)).toEqual(byKey(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('dedupe keys are stable: the same thing keeps its key when the window or its time changes', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, timeArb, timeArb, (zone, from, t1, t2) => {
        const win = [new Date(from - 24 * HOUR).toISOString(), new Date(from + 72 * HOUR).toISOString()] as const;
        const a = plan({ checkinTime: t1 }, zone, ...win);
        const b = plan({ checkinTime: t2 }, zone, ...win);
        // Each day's key is its own local date, whatever the time chosen.
        for (const r of [...a, ...b]) {
          expect(r.dedupeKey).toBe(checkinKey(localDateOf(new Date(r.nominalAt), zone)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('check-in reminders come at the chosen wall time (or just after a skipped hour) on their own day', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, timeArb, (zone, from, time) => {
        for (const r of plan(
          { checkinTime: time },
          zone,
          new Date(from).toISOString(),
          new Date(from + 72 * HOUR).toISOString(),
        )) {
          const nominal = new Date(r.nominalAt);
          const date = parseReminderKey(r.dedupeKey);
          expect(date?.kind === 'reminder.checkin' && localDateOf(nominal, zone) === date.date).toBe(true);
          // Only where the clocks skipped that wall time does it differ, and then it is later.
          if (localTimeOf(nominal, zone) !== time) expect(localTimeOf(nominal, zone) > time).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
