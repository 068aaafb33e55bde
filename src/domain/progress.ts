// Step 5, Patience: the weeks a progress chart is drawn over, the weekly points made from daily
// check-ins and from the log, and the honest words for a trend verdict. Pure: no I/O, no clock
// reads (the caller passes "today" in the person's zone).
//
// Weeks are Monday-start local weeks in the viewer's zone. The last one is the current week, still
// running: its figures are "so far", and `complete` is false. A point is plotted at its week's
// Monday ('YYYY-MM-DD'), the same place a pulse of that ISO week is plotted (mondayOfIsoWeek).
//
// Check-ins: the point of a week is the 7-day rolling mean of the person's daily 0..10 answers at
// the week's end (Sunday, or today for the current week), × 10 so it reads 0..100. For a complete
// week the 7 days ending on Sunday are exactly that week. A week without a check-in of its own has
// no point (the rolling mean would only repeat the week before): missed days are simply absent.
// Rates (follow-through, felt-rate) are 0..1 and become 0..100 the same way. Every plotted value is
// rounded to one decimal (halves up), like the pulse score.

import { addDays, type LocalDate, mondayOf } from './zoned-time.js';

export const PROGRESS_WEEKS = { min: 4, max: 52, default: 12 } as const;
/** Days in the rolling mean of check-ins. */
export const ROLLING_DAYS = 7;

export interface ProgressWeek {
  /** The Monday that starts it. */
  monday: LocalDate;
  /** Its last day counted: the Sunday, or today for the current week. */
  last: LocalDate;
  /** The week has ended (its Sunday is before today). */
  complete: boolean;
}

export interface DailyValue {
  date: LocalDate;
  /** 0..10. */
  value: number;
}

export interface WeekPoint {
  /** The week's Monday. */
  at: LocalDate;
  /** 0..100, one decimal. */
  value: number;
}

const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;

/** 0..1 → 0..100 to one decimal. */
export const percentOf = (rate: number) => round1(rate * 100);

/** A 0..10 mean → 0..100 to one decimal. */
export const tenfold = (mean: number) => round1(mean * 10);

/** `count` weeks ending with the one holding `today`, oldest first. Throws a RangeError for a count under 1. */
export function progressWeeks(today: LocalDate, count: number): ProgressWeek[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`A number of weeks must be a whole number from 1: ${count}`);
  const current = mondayOf(today);
  const weeks: ProgressWeek[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const monday = addDays(current, -7 * i);
    const sunday = addDays(monday, 6);
    weeks.push({ monday, last: sunday < today ? sunday : today, complete: sunday < today });
  }
  return weeks;
}

/** The mean of the values dated in the `days` days ending on `at` (both ends included); null when none. */
export function rollingMean(values: readonly DailyValue[], at: LocalDate, days: number = ROLLING_DAYS): number | null {
  const first = addDays(at, -(days - 1));
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v.date >= first && v.date <= at) {
      sum += v.value;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

const inWeek = (date: LocalDate, week: ProgressWeek) => date >= week.monday && date <= week.last;

/** One point per week that has a check-in of its own: the 7-day rolling mean at the week's end, × 10. */
export function checkinWeekPoints(values: readonly DailyValue[], weeks: readonly ProgressWeek[]): WeekPoint[] {
  const points: WeekPoint[] = [];
  for (const week of weeks) {
    if (!values.some((v) => inWeek(v.date, week))) continue;
    const mean = rollingMean(values, week.last);
    if (mean !== null) points.push({ at: week.monday, value: tenfold(mean) });
  }
  return points;
}

/** The plain mean of each week's own values (0..10), oldest first; null for a week without any. */
export function weeklyMeans(values: readonly DailyValue[], weeks: readonly ProgressWeek[]): (number | null)[] {
  return weeks.map((week) => {
    const own = values.filter((v) => inWeek(v.date, week));
    return own.length === 0 ? null : own.reduce((acc, v) => acc + v.value, 0) / own.length;
  });
}

/** Weeks elapsed between two instants (milliseconds), fractional; never negative. */
export function weeksBetween(fromMs: number, toMs: number): number {
  return Math.max(0, (toMs - fromMs) / (7 * 86_400_000));
}

// The verdict in words lives in verdict-words.ts, the one module every screen and the summary use.
export { pWords, sureWords, TOO_EARLY_WORDS, verdictDetail, verdictWords } from './verdict-words.js';
