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

import type { TrendVerdict } from './trend.js';
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

// The verdict in words. Honest about what a trend test can say: "too early" until the rule allows a
// reading, how sure it is when it sees a change (with the p-value for anyone who wants it), and
// "steady" as no clear change rather than as good or bad news.

export const TOO_EARLY_WORDS = 'Too early to tell: a few more weeks will show the direction';

/** How sure a change is, in plain words, from the two-sided p-value of a trend found below 0.05. */
export function sureWords(p: number): string {
  if (p < 0.001) return 'very sure';
  if (p < 0.01) return 'quite sure';
  return 'fairly sure';
}

/** The p-value as shown: "p < 0.001", "p = 0.004", "p = 0.01", "p = 0.03". */
export function pWords(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}

/** "Too early to tell: …", "Improving (fairly sure: p = 0.01)", "Steady", "Declining (quite sure: p = 0.004)". */
export function verdictWords(v: Pick<TrendVerdict, 'verdict' | 'p'>): string {
  switch (v.verdict) {
    case 'too-early':
      return TOO_EARLY_WORDS;
    case 'steady':
      return 'Steady';
    case 'improving':
      return `Improving (${sureWords(v.p)}: ${pWords(v.p)})`;
    case 'declining':
      return `Declining (${sureWords(v.p)}: ${pWords(v.p)})`;
  }
}

/** A line under the verdict saying what it rests on. */
export function verdictDetail(v: Pick<TrendVerdict, 'verdict' | 'n'>, weeks: number): string {
  const points = `${v.n} ${v.n === 1 ? 'week' : 'weeks'} with a value`;
  switch (v.verdict) {
    case 'too-early':
      return `${points} so far. A reading needs at least 4, spread over 3 weeks or more.`;
    case 'steady':
      return `No clear rise or fall over these ${weeks} weeks (${points}). Day-to-day ups and downs are left out on purpose.`;
    case 'improving':
      return `A rise that holds over these ${weeks} weeks (${points}), not just a good week or two.`;
    case 'declining':
      return `A fall that holds over these ${weeks} weeks (${points}), not just a hard week or two.`;
  }
}
