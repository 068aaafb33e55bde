// Commitment schedules: what "due" means for a promise kept over weeks, in the actor's time zone.
// Pure: no clock reads, no I/O. Time-zone arithmetic comes from ./zoned-time.ts (Intl only).
//
// The rules, in one place:
// - A schedule runs in one IANA zone (the actor's). Every instant in and out is ISO text in UTC.
// - 'daily' / 'weekdays' with `by` = 'HH:MM': one occurrence per local day (for 'weekdays', per chosen
//   day), keyed by that date and due at that wall-clock time on that date. `by: null` means "by the
//   end of the day": due at the start of the next local day. A time the clocks skip (the hour lost in
//   spring) resolves as zonedInstant does: the same distance past the gap (02:30 becomes 03:30); a time
//   that happens twice resolves to the first of the two. A local date that never happened in the zone
//   (Samoa skipped 30 December 2011) has no occurrence.
// - 'weekly' with `times` n: weeks start on Monday (local). A week's n occurrences are all due at the
//   start of the following Monday, keyed '<Monday>#1' … '<Monday>#n'; their localDate is the Sunday.
// - 'once': key 'once', due at the date and time given.
// - A commitment's schedule can change: it is a list of spans, each in force over [from, until).
//   A day's occurrence (daily, weekdays) and a one-off promise belong to the span in force at their due
//   instant (due ∈ [span.from, span.until)); for "by the end of the day" the day's last moment stands
//   for the due instant, so a span starting at the start of a day holds that day and not the day before,
//   and a span ending at the start of a day holds the day before.
// - Weeks are counted across spans, so a change late in a week does not wipe that week out. For each
//   of the week's local days, the weekly span holding the day's start contributes its n; the week gets
//   slots = ceil(Σ n / 7) (days under no weekly span contribute nothing). A full week under one
//   schedule has n; a commitment started on a Thursday morning with 3 a week gets ceil(3 × 4 / 7) = 2
//   that first week; 3 a week changed to 4 on a Wednesday afternoon gives ceil((3 × 3 + 4 × 4) / 7) = 4.
//   The total never exceeds 7. A week's slots are due at the week's end even when the span in force
//   over its first days has ended by then (an ended weekly commitment keeps its last, partial week).
// - Adjacent spans with the same schedule (a change of wording only) are merged first, so a version
//   that changes nothing about timing changes nothing about occurrences.
// - Keys are unique across spans: when a schedule changes mid-day and both versions would make the
//   same local day due (by 10:00 until noon, by 21:00 after), the earlier version's occurrence stands
//   and the later one is dropped. The same holds for 'once'. This does not depend on the window.
// - The result depends only on the spans and the zone, never on the window beyond filtering by due:
//   splitting [from, to) into [from, m) and [m, to) gives the same occurrences.

import {
  addDays,
  isLocalDate,
  isLocalTime,
  type LocalDate,
  type LocalTime,
  localDateOf,
  mondayOf,
  weekdayOf,
  zonedInstant,
} from './zoned-time.js';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: 1 = Monday

export type Schedule =
  | { kind: 'daily'; by: LocalTime | null } // every day, due by `by` (null: by the end of the day)
  | { kind: 'weekdays'; days: Weekday[]; by: LocalTime | null } // chosen weekdays
  | { kind: 'weekly'; times: number } // n times a week (1..7): Monday-start weeks, each due by the week's end
  | { kind: 'once'; date: LocalDate; by: LocalTime }; // a one-off promise due at a local date and time

/** One version of a commitment's schedule, in force from `from` until `until` (ISO instants). */
export interface ScheduleSpan {
  schedule: Schedule;
  from: string;
  until: string | null;
}

export interface DueOccurrence {
  /** Stable within a commitment: 'YYYY-MM-DD' (daily, weekdays), 'YYYY-MM-DD#k' (weekly: the week's Monday, slot k), 'once'. */
  key: string;
  /** ISO instant it is due by ('end of day' = start of the next local day). */
  due: string;
  /** The local day it belongs to (weekly: the week's Sunday). */
  localDate: LocalDate;
}

const DAY_MS = 86_400_000;
/** The longest window expandSchedule accepts: three years, one of them a leap year (3 × 365 + 1 days). */
export const MAX_SCHEDULE_WINDOW_DAYS = 1096;

function instantMs(value: string, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not an instant: ${String(value)}`);
  return ms;
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  switch (a.kind) {
    case 'daily':
      return b.kind === 'daily' && a.by === b.by;
    case 'weekdays': {
      if (b.kind !== 'weekdays' || a.by !== b.by) return false;
      const x = [...a.days].sort();
      const y = [...b.days].sort();
      return x.length === y.length && x.every((d, i) => d === y[i]);
    }
    case 'weekly':
      return b.kind === 'weekly' && a.times === b.times;
    case 'once':
      return b.kind === 'once' && a.date === b.date && a.by === b.by;
  }
}

interface Span {
  schedule: Schedule;
  from: number;
  until: number; // +Infinity when open
}

/**
 * Checks and normalises spans. They must be sorted and must not overlap: each span's `until` is at
 * or after its `from`, and at or before the next span's `from`; only the last span may be open
 * (`until: null`). Adjacent spans (until === next.from) with equal schedules are merged.
 */
function normaliseSpans(spans: ScheduleSpan[]): Span[] {
  const out: Span[] = [];
  let previousUntil = Number.NEGATIVE_INFINITY;
  for (const [i, span] of spans.entries()) {
    const problem = validateSchedule(span.schedule);
    if (problem) throw new RangeError(`Span ${i} has an invalid schedule: ${problem}`);
    const from = instantMs(span.from, `Span ${i} from`);
    const until = span.until === null ? Number.POSITIVE_INFINITY : instantMs(span.until, `Span ${i} until`);
    if (until < from) throw new RangeError(`Span ${i} ends before it starts`);
    if (from < previousUntil) throw new RangeError(`Span ${i} overlaps the span before it or is out of order`);
    previousUntil = until;
    const last = out[out.length - 1];
    if (last && last.until === from && sameSchedule(last.schedule, span.schedule)) {
      last.until = until;
    } else if (until > from) {
      out.push({ schedule: span.schedule, from, until });
    }
  }
  return out;
}

// A bounded memo of wall-clock → instant conversions. Intl formatting is the whole cost of expanding
// a schedule (a year of daily occurrences is ~1,500 conversions), and the same zones and dates come up
// on every request. The answer for a (zone, date, time) never changes, so memoising keeps this pure.
const MEMO_LIMIT = 20_000;
const zonedMemo = new Map<string, number>();

function zonedMs(date: LocalDate, time: LocalTime, zone: string): number {
  const key = `${zone}|${date}|${time}`;
  let ms = zonedMemo.get(key);
  if (ms === undefined) {
    ms = zonedInstant(date, time, zone).getTime();
    if (zonedMemo.size >= MEMO_LIMIT) zonedMemo.clear();
    zonedMemo.set(key, ms);
  }
  return ms;
}

/** Local-day starts in one zone. */
class DayStarts {
  constructor(readonly zone: string) {}

  startMs(date: LocalDate): number {
    return zonedMs(date, '00:00', this.zone); // startOfLocalDay
  }

  /** False for a date the zone skipped entirely (its start resolves to the next day's start). */
  exists(date: LocalDate): boolean {
    return this.startMs(addDays(date, 1)) > this.startMs(date);
  }
}

/** The instant a daily/weekdays span would make `date` due, or null when that day is not in its pattern. */
function dayDueMs(schedule: Schedule, date: LocalDate, days: DayStarts): number | null {
  if (schedule.kind === 'weekdays' && !schedule.days.includes(weekdayOf(date) as Weekday)) return null;
  if (schedule.kind !== 'daily' && schedule.kind !== 'weekdays') return null;
  if (!days.exists(date)) return null;
  return schedule.by === null ? days.startMs(addDays(date, 1)) : zonedMs(date, schedule.by, days.zone);
}

const inSpan = (ms: number, span: Span) => ms >= span.from && ms < span.until;

/**
 * Does this daily/weekdays span hold `date`'s occurrence? Its due instant must be in the span; for
 * "by the end of the day" the day's last moment stands for it (the deadline is the day's end, so the
 * day a span starts on counts and the day before it does not).
 */
function holdsDay(span: Span, date: LocalDate, days: DayStarts): number | null {
  const due = dayDueMs(span.schedule, date, days);
  if (due === null) return null;
  const byDayEnd = (span.schedule.kind === 'daily' || span.schedule.kind === 'weekdays') && span.schedule.by === null;
  const at = byDayEnd ? due - 1 : due;
  return inSpan(at, span) ? due : null;
}

/** Does a span before `index` already hold the day `date`? */
function heldEarlier(spans: Span[], index: number, date: LocalDate, days: DayStarts): boolean {
  // A day's occurrence is at or after the day's start (two days' slack for odd zones); spans are
  // sorted, so stop at the first earlier span that ended before that.
  const earliest = days.startMs(date) - 2 * DAY_MS;
  for (let j = index - 1; j >= 0; j--) {
    const span = spans[j] as Span;
    if (span.until <= earliest) break;
    if (holdsDay(span, date, days) !== null) return true;
  }
  return false;
}

/**
 * Every occurrence whose due instant is in [from, to), sorted by due, then key; which spans make
 * which occurrences is described at the top of this file. Throws RangeError when the window is longer
 * than three years (MAX_SCHEDULE_WINDOW_DAYS) or ends before it starts, when spans are unsorted,
 * overlap or hold an invalid schedule, or when an instant or the zone cannot be read.
 */
export function expandSchedule(input: { spans: ScheduleSpan[]; zone: string; from: string; to: string }): DueOccurrence[] {
  const from = instantMs(input.from, 'from');
  const to = instantMs(input.to, 'to');
  if (to < from) throw new RangeError('The window ends before it starts');
  if (to - from > MAX_SCHEDULE_WINDOW_DAYS * DAY_MS) {
    throw new RangeError(`The window is longer than ${MAX_SCHEDULE_WINDOW_DAYS} days`);
  }
  const zone = input.zone;
  localDateOf(new Date(from), zone); // throws RangeError for an unknown zone
  const spans = normaliseSpans(input.spans);
  const days = new DayStarts(zone);
  const found: { ms: number; key: string; localDate: LocalDate }[] = [];
  const inWindow = (ms: number) => ms >= from && ms < to;
  if (from === to) return [];

  for (const [index, span] of spans.entries()) {
    const schedule = span.schedule;
    if (schedule.kind === 'daily' || schedule.kind === 'weekdays') {
      // An end-of-day occurrence can be due exactly at the span's end, never later.
      if (span.until < from || span.from >= to) continue;
      const first = addDays(localDateOf(new Date(Math.max(from, span.from)), zone), -2);
      const last = addDays(localDateOf(new Date(Math.min(to, span.until)), zone), 1);
      for (let date = first; date <= last; date = addDays(date, 1)) {
        const due = holdsDay(span, date, days);
        if (due === null || !inWindow(due)) continue;
        if (heldEarlier(spans, index, date, days)) continue;
        found.push({ ms: due, key: date, localDate: date });
      }
    } else if (schedule.kind === 'once') {
      const due = zonedMs(schedule.date, schedule.by, zone);
      if (!inWindow(due) || !inSpan(due, span)) continue;
      const earlier = spans
        .slice(0, index)
        .some((s) => s.schedule.kind === 'once' && inSpan(zonedMs(s.schedule.date, s.schedule.by, zone), s));
      if (!earlier) found.push({ ms: due, key: 'once', localDate: schedule.date });
    }
  }

  // Weekly: every week whose end (the next Monday's start) is in the window, across all weekly spans.
  const weekly = spans.filter((s) => s.schedule.kind === 'weekly');
  if (weekly.length > 0) {
    const lastMonday = mondayOf(localDateOf(new Date(to), zone));
    for (
      let monday = addDays(mondayOf(localDateOf(new Date(from), zone)), -7);
      monday <= lastMonday;
      monday = addDays(monday, 7)
    ) {
      const due = days.startMs(addDays(monday, 7));
      if (!inWindow(due)) continue;
      let weighted = 0; // Σ times × days, over the week's days and the weekly span holding each day's start
      for (let d = 0; d < 7; d++) {
        const date = addDays(monday, d);
        if (!days.exists(date)) continue;
        const dayStart = days.startMs(date);
        const span = weekly.find((s) => inSpan(dayStart, s));
        if (span && span.schedule.kind === 'weekly') weighted += span.schedule.times;
      }
      const slots = Math.ceil(weighted / 7);
      const sunday = addDays(monday, 6);
      for (let k = 1; k <= slots; k++) found.push({ ms: due, key: `${monday}#${k}`, localDate: sunday });
    }
  }

  found.sort((a, b) => a.ms - b.ms || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return found.map((o) => ({ key: o.key, due: new Date(o.ms).toISOString(), localDate: o.localDate }));
}

const WEEKLY_KEY = /^(\d{4}-\d{2}-\d{2})#([1-7])$/;

/** Is this a key expandSchedule could produce ('once', a real date, or a Monday with slot 1..7)? */
export function occurrenceKeyValid(key: string): boolean {
  if (typeof key !== 'string') return false;
  if (key === 'once') return true;
  if (isLocalDate(key)) return true;
  const m = WEEKLY_KEY.exec(key);
  return m !== null && isLocalDate(m[1] as string) && weekdayOf(m[1] as string) === 1;
}

function byProblem(by: unknown, allowNull: boolean): string | null {
  if (by === null && allowNull) return null;
  if (typeof by === 'string' && isLocalTime(by)) return null;
  return 'The time needs to look like 21:00 (hours and minutes, 24-hour clock).';
}

/** A plain-words problem with the schedule, or null when it is fine. */
export function validateSchedule(s: Schedule): string | null {
  if (typeof s !== 'object' || s === null) return 'Choose how often you will do this.';
  const raw = s as { kind?: unknown; by?: unknown; days?: unknown; times?: unknown; date?: unknown };
  switch (raw.kind) {
    case 'daily':
      return byProblem(raw.by, true);
    case 'weekdays': {
      const days = raw.days;
      if (!Array.isArray(days) || days.length === 0) return 'Choose at least one day of the week.';
      if (!days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) return 'Days of the week go from Monday to Sunday.';
      if (new Set(days).size !== days.length) return 'Each day of the week only needs choosing once.';
      return byProblem(raw.by, true);
    }
    case 'weekly': {
      const times = raw.times;
      if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 7) {
        return 'Choose between 1 and 7 times a week.';
      }
      return null;
    }
    case 'once':
      if (typeof raw.date !== 'string' || !isLocalDate(raw.date)) return 'Choose a real date for this promise.';
      return byProblem(raw.by, false);
    default:
      return 'Choose how often you will do this.';
  }
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SHORT_MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function withBy(text: string, by: LocalTime | null): string {
  return by === null ? text : `${text}, by ${by}`;
}

/** Short English words for a schedule ("Every day, by 21:00", "Mondays and Thursdays", "3 times a week"). */
export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'daily':
      return withBy('Every day', s.by);
    case 'weekdays': {
      const days = [...new Set(s.days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
      let text: string;
      if (days.length === 7) text = 'Every day';
      else if (days.length === 5 && days.every((d, i) => d === i + 1)) text = 'Weekdays';
      else if (days.length === 2 && days[0] === 6 && days[1] === 7) text = 'Weekends';
      else text = joinWords(days.map((d) => `${DAY_NAMES[d - 1]}s`));
      return withBy(text, s.by);
    }
    case 'weekly':
      return s.times === 1 ? 'Once a week' : s.times === 2 ? 'Twice a week' : `${s.times} times a week`;
    case 'once': {
      if (!isLocalDate(s.date)) return withBy(`Once, by ${s.date}`, null);
      const [y, m, d] = s.date.split('-').map(Number) as [number, number, number];
      return `Once, by ${SHORT_DAY[weekdayOf(s.date) - 1]} ${d} ${SHORT_MONTH[m - 1]} ${y}, ${s.by}`;
    }
  }
}

/** Is this due instant inside a pause ([from, until), until null = still paused)? */
export function isPaused(due: string, pauses: { from: string; until: string | null }[]): boolean {
  const at = instantMs(due, 'due');
  return pauses.some((p) => {
    const from = instantMs(p.from, 'Pause from');
    const until = p.until === null ? Number.POSITIVE_INFINITY : instantMs(p.until, 'Pause until');
    return at >= from && at < until;
  });
}
