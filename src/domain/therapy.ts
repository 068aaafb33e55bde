// When Attune suggests professional help, privately to one person (issue 6, DESIGN step 6). Pure: no
// I/O, no clock reads. The caller gathers the facts for that person; the UI words the reasons.
//
// Triggers (any one is enough), with their stable reason codes:
// - 'asked': the person asked about therapy.
// - 'trend-not-improving-after-6-weeks': 6 or more weeks since the first agreement and the trend of
//   the relevant series (the caller's choice, e.g. this person's trust pulse) is `steady` or
//   `declining`. A `too-early` trend does not trigger it: "has not improved" is a claim about data,
//   and with too few points there is none to make it from (walk-away's concern rule, which is about
//   whether needs are being met, reads `too-early` the other way on purpose).
// - 'follow-through-low-4-weeks': each of the last 4 weeks has a follow-through figure and it is under
//   0.5. A week with no figure (null: nothing was due) breaks the run: the rule is about 4 consecutive
//   weeks of low figures, not about weeks with nothing to measure.
// - 'felt-rate-low-4-weeks': the same for the felt-rate.
// - 'felt-heard-low-2-weeks': each of the last 2 weeks has a felt-heard mean (0..10 daily check-in) and
//   it is 3 or below. A week with no check-ins (null) breaks the run.
// The weekly lists are oldest first and end with the latest week the caller counts as complete.
//
// Never couples therapy when `safetyConcern` is true for this person: when a trigger fires, the
// suggestion is 'individual-support' (individual support and the help lines) and 'safety-concern' is
// added to the reasons. A safety concern on its own does not make a suggestion here: the safety check
// already shows the help lines (src/domain/safety.ts), and this function follows the triggers
// exactly.
//
// Throws a RangeError for a rate outside 0..1, a felt-heard mean outside 0..10, or a negative or
// non-finite number of weeks.

import type { TrendVerdictKind } from './trend.js';

export const THERAPY_AGREEMENT_WEEKS = 6;
export const THERAPY_LOW_RATE = 0.5;
export const THERAPY_LOW_RATE_WEEKS = 4;
export const THERAPY_LOW_FELT_HEARD = 3;
export const THERAPY_LOW_FELT_HEARD_WEEKS = 2;

export type TherapySuggestionKind = 'none' | 'couples-therapy' | 'individual-support';

export const THERAPY_REASONS = [
  'asked',
  'trend-not-improving-after-6-weeks',
  'follow-through-low-4-weeks',
  'felt-rate-low-4-weeks',
  'felt-heard-low-2-weeks',
  'safety-concern',
] as const;
export type TherapyReason = (typeof THERAPY_REASONS)[number];

export interface TherapyFacts {
  /** The safety check raised concern for this person. */
  safetyConcern: boolean;
  /** The person asked about therapy. */
  asked: boolean;
  /** Weeks since the first accepted agreement (may be fractional); null when there is none. */
  weeksSinceFirstAgreement: number | null;
  /** trendVerdict of the relevant series (for example this person's trust pulse). */
  trend: TrendVerdictKind;
  /** Weekly follow-through, 0..1, oldest first; null for a week with nothing due. */
  weeklyFollowThrough: readonly (number | null)[];
  /** Weekly felt-rate, 0..1, oldest first; null for a week with nothing due. */
  weeklyFeltRate: readonly (number | null)[];
  /** Weekly means of the daily 0..10 felt-heard check-in, oldest first; null for a week without check-ins. */
  weeklyFeltHeard: readonly (number | null)[];
}

export interface TherapySuggestion {
  suggest: TherapySuggestionKind;
  reasons: TherapyReason[];
}

function checkWeekly(name: string, values: readonly (number | null)[], max: number): void {
  for (const v of values) {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max)) {
      throw new RangeError(`${name} must hold numbers from 0 to ${max}, or null: ${String(v)}`);
    }
  }
}

/** The last `weeks` entries all exist, have a figure, and meet the test. */
function lastWeeksAll(values: readonly (number | null)[], weeks: number, low: (v: number) => boolean): boolean {
  if (values.length < weeks) return false;
  return values.slice(values.length - weeks).every((v) => v !== null && low(v));
}

/** Whether to suggest couples therapy or individual support to this person, and why; see the rules above. */
export function therapySuggestion(facts: TherapyFacts): TherapySuggestion {
  const weeks = facts.weeksSinceFirstAgreement;
  if (weeks !== null && (typeof weeks !== 'number' || !Number.isFinite(weeks) || weeks < 0)) {
    throw new RangeError(`Weeks since the first agreement must be 0 or more, or null: ${String(weeks)}`);
  }
  checkWeekly('Weekly follow-through', facts.weeklyFollowThrough, 1);
  checkWeekly('Weekly felt-rate', facts.weeklyFeltRate, 1);
  checkWeekly('Weekly felt-heard', facts.weeklyFeltHeard, 10);

  const reasons: TherapyReason[] = [];
  if (facts.asked) reasons.push('asked');
  if (weeks !== null && weeks >= THERAPY_AGREEMENT_WEEKS && (facts.trend === 'steady' || facts.trend === 'declining')) {
    reasons.push('trend-not-improving-after-6-weeks');
  }
  const lowRate = (v: number) => v < THERAPY_LOW_RATE;
  if (lastWeeksAll(facts.weeklyFollowThrough, THERAPY_LOW_RATE_WEEKS, lowRate)) reasons.push('follow-through-low-4-weeks');
  if (lastWeeksAll(facts.weeklyFeltRate, THERAPY_LOW_RATE_WEEKS, lowRate)) reasons.push('felt-rate-low-4-weeks');
  if (lastWeeksAll(facts.weeklyFeltHeard, THERAPY_LOW_FELT_HEARD_WEEKS, (v) => v <= THERAPY_LOW_FELT_HEARD)) {
    reasons.push('felt-heard-low-2-weeks');
  }

  if (reasons.length === 0) return { suggest: 'none', reasons };
  // Anything but an explicit false (a missing fact, say) is read as a concern: the safe side.
  if (facts.safetyConcern !== false) return { suggest: 'individual-support', reasons: [...reasons, 'safety-concern'] };
  return { suggest: 'couples-therapy', reasons };
}
