// The walk-away signals behind the private "Is it working?" reflection: from the facts about the needs
// one person stated, is it too early to say, worth going on, or a concern that those needs keep going
// unmet after repeated conversations and weeks of trying. It never says to stay or to leave; the UI
// words the level and the reasons. Pure: no I/O, no clock reads (`now` is a fact like the others).
//
// Rules (issue 6), in order:
// - `too-early` when conversations < 3, or no agreement yet, or fewer than 56 days (8 weeks) from the
//   first agreement to now. An agreement dated after `now` counts as fewer than 56 days.
// - `concern` when not too early, feltRate4w is known and below 0.4, and the pulse trend is not
//   `improving` (`too-early` counts as not improving).
// - `keep-going` otherwise.
//
// Reasons are stable codes that explain the level, in this order:
// - too-early: every one that holds of 'few-conversations', then 'no-agreement-yet' or
//   'agreement-under-8-weeks'.
// - concern: always ['felt-rate-low', 'pulse-not-improving'].
// - keep-going: what kept it from concern: 'felt-rate-unknown' (nothing was due in the 4 weeks) or
//   'felt-rate-ok' (0.4 or more), and/or 'pulse-improving'. Never empty.
//
// Days: `firstAgreementAt` and `now` are ISO dates or date-times with an offset (iso-days.ts): two
// plain dates are whole days apart; instants count elapsed time, so 55 days and 23 hours is under 56.
// Throws a RangeError for a bad date, a conversation count that is not a whole number ≥ 0, a
// felt-rate outside 0..1, or a pulse trend that is not one of the four verdicts.

import { daysFromTo, isoInstantMs } from './iso-days.js';
import type { TrendVerdictKind } from './trend.js';

export const WALK_AWAY_MIN_CONVERSATIONS = 3;
export const WALK_AWAY_MIN_DAYS = 56;
export const WALK_AWAY_FELT_RATE_FLOOR = 0.4;

export type WalkAwayLevel = 'too-early' | 'keep-going' | 'concern';

export const WALK_AWAY_REASONS = [
  'few-conversations',
  'no-agreement-yet',
  'agreement-under-8-weeks',
  'felt-rate-low',
  'pulse-not-improving',
  'felt-rate-unknown',
  'felt-rate-ok',
  'pulse-improving',
] as const;
export type WalkAwayReason = (typeof WALK_AWAY_REASONS)[number];

export interface WalkAwayFacts {
  /** Honest conversations held (live, or recorded in person). */
  conversations: number;
  /** ISO date of the first accepted agreement on this person's needs; null when none yet. */
  firstAgreementAt: string | null;
  /** ISO date (or date-time with an offset) of today. */
  now: string;
  /** 0..1 over the last 4 weeks on this person's needs; null when nothing was due. */
  feltRate4w: number | null;
  /** trendVerdict of this person's trust pulse. */
  pulseTrend: TrendVerdictKind;
}

const TREND_KINDS: readonly TrendVerdictKind[] = ['too-early', 'improving', 'steady', 'declining'];

export interface WalkAwaySignals {
  level: WalkAwayLevel;
  reasons: WalkAwayReason[];
}

function check(facts: WalkAwayFacts): void {
  if (!Number.isInteger(facts.conversations) || facts.conversations < 0) {
    throw new RangeError(`Conversations must be a whole number, 0 or more: ${String(facts.conversations)}`);
  }
  const felt = facts.feltRate4w;
  if (felt !== null && (typeof felt !== 'number' || !Number.isFinite(felt) || felt < 0 || felt > 1)) {
    throw new RangeError(`The felt-rate must be from 0 to 1, or null: ${String(felt)}`);
  }
  if (!TREND_KINDS.includes(facts.pulseTrend)) throw new RangeError(`Not a trend verdict: ${String(facts.pulseTrend)}`);
}

/** The level of the "Is it working?" reflection and the reasons for it; see the rules above. */
export function walkAwaySignals(facts: WalkAwayFacts): WalkAwaySignals {
  check(facts);
  const nowMs = isoInstantMs(facts.now);
  const early: WalkAwayReason[] = [];
  if (facts.conversations < WALK_AWAY_MIN_CONVERSATIONS) early.push('few-conversations');
  if (facts.firstAgreementAt === null) early.push('no-agreement-yet');
  else if (daysFromTo(isoInstantMs(facts.firstAgreementAt), nowMs) < WALK_AWAY_MIN_DAYS) early.push('agreement-under-8-weeks');
  if (early.length > 0) return { level: 'too-early', reasons: early };

  const felt = facts.feltRate4w;
  const improving = facts.pulseTrend === 'improving';
  if (felt !== null && felt < WALK_AWAY_FELT_RATE_FLOOR && !improving) {
    return { level: 'concern', reasons: ['felt-rate-low', 'pulse-not-improving'] };
  }
  const reasons: WalkAwayReason[] = [];
  if (felt === null) reasons.push('felt-rate-unknown');
  else if (felt >= WALK_AWAY_FELT_RATE_FLOOR) reasons.push('felt-rate-ok');
  if (improving) reasons.push('pulse-improving');
  return { level: 'keep-going', reasons };
}
