/**
 * Periods of local days asked for in a query (`from`, `to`, both included): the defaults when a part
 * is left out, and the bounds that keep every read windowed. Pure: no I/O, no clock reads (the
 * caller passes today in the reader's zone).
 */
import { addDays, daysBetween, isLocalDate, type LocalDate } from './zoned-time.js';

export interface PeriodRule {
  /** Days covered when the query leaves both ends out (ending today). */
  defaultDays: number;
  /** The most days one read may cover. */
  maxDays: number;
  /** How the limit is said: "52 weeks", "92 days". */
  maxWords: string;
}

/** The summary, the figures and the pulse: the last 8 weeks by default, at most 52. */
export const SUMMARY_PERIOD: PeriodRule = { defaultDays: 56, maxDays: 364, maxWords: '52 weeks' };
/** A commitments log for a therapist: the last 28 days by default, bounded like Act's figures. */
export const LOG_PERIOD: PeriodRule = { defaultDays: 28, maxDays: 366, maxWords: '366 days' };
/** Shared check-ins for a therapist: the last 28 days by default, bounded like the check-in list. */
export const CHECKIN_PERIOD: PeriodRule = { defaultDays: 28, maxDays: 92, maxWords: '92 days' };

export type PeriodResult = { ok: true; from: LocalDate; to: LocalDate } | { ok: false; field: 'from' | 'to'; problem: string };

/**
 * The period a query asks for. Left out: `to` is today (or `defaultDays` after `from`), `from` is
 * `defaultDays` before `to`. Refused, naming the field: a date that is not a real calendar day, a
 * start after the end ('from'), a span longer than the rule allows ('to').
 */
export function periodOf(
  query: { from?: string | undefined; to?: string | undefined },
  today: LocalDate,
  rule: PeriodRule,
): PeriodResult {
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value !== undefined && !isLocalDate(value))
      return { ok: false, field, problem: 'Please give a real date as YYYY-MM-DD.' };
  }
  const span = rule.defaultDays - 1;
  const to = query.to ?? (query.from !== undefined ? addDays(query.from, span) : today);
  const from = query.from ?? addDays(to, -span);
  if (daysBetween(from, to) < 0) return { ok: false, field: 'from', problem: 'The first day comes after the last.' };
  if (daysBetween(from, to) + 1 > rule.maxDays) {
    return { ok: false, field: 'to', problem: `Please ask for at most ${rule.maxWords} at a time.` };
  }
  return { ok: true, from, to };
}
