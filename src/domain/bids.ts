/**
 * Bids and affection (step 4, Act): a private log of small gestures of affection a person gave and
 * of moments they reached out to their partner (bids), each bid marked by how the partner met it.
 * Only the person who logs them ever sees any of it. Pure: no I/O, no clock reads.
 */
import { addDays, daysBetween, type LocalDate } from './zoned-time.js';

export const BID_KINDS = ['gesture', 'bid'] as const;
export type BidKind = (typeof BID_KINDS)[number];

/** How the partner met a bid: turned toward it, turned away (missed or ignored it), or against it. */
export const BID_RESPONSES = ['toward', 'away', 'against'] as const;
export type BidResponse = (typeof BID_RESPONSES)[number];

export const BID_LIMITS = {
  /** A few words, not an essay. */
  textLength: 280,
  /** The log shows the last two weeks unless asked for another window. */
  listDaysDefault: 14,
  /** A window of at most this many local days. */
  listDaysMax: 92,
  /** At most this many moments in one answer (newest first); more is marked `truncated`. */
  listCap: 500,
  weeksDefault: 12,
  weeksMax: 52,
  /** A moment can be logged up to a year after it happened. */
  pastDays: 366,
  /** Clocks on phones run a little ahead: a time this close after now counts as now. */
  futureGraceMs: 60_000,
} as const;

export function isBidKind(value: string): value is BidKind {
  return (BID_KINDS as readonly string[]).includes(value);
}

export function isBidResponse(value: string): value is BidResponse {
  return (BID_RESPONSES as readonly string[]).includes(value);
}

/** A gesture is something given; only a bid (reaching out) has a response to mark. */
export function bidResponseProblem(kind: BidKind, response: BidResponse | null): string | null {
  if (kind === 'gesture' && response !== null) {
    return 'A gesture is something you gave, so there is nothing to mark here. Marking how it was met is for times you reached out.';
  }
  return null;
}

/** One logged moment as the figures see it: its kind, how it was met, and its local day. */
export interface BidFact {
  kind: BidKind;
  response: BidResponse | null;
  localDate: LocalDate;
}

export interface BidTally {
  gestures: number;
  /** Times I reached out. */
  bids: number;
  toward: number;
  away: number;
  against: number;
  /** Bids with no response marked yet. */
  unmarked: number;
  /** toward ÷ marked bids, 0..1; null when no bid is marked. */
  ratio: number | null;
}

export function tallyBids(facts: readonly Pick<BidFact, 'kind' | 'response'>[]): BidTally {
  const tally = { gestures: 0, bids: 0, toward: 0, away: 0, against: 0, unmarked: 0 };
  for (const fact of facts) {
    if (fact.kind === 'gesture') {
      tally.gestures += 1;
      continue;
    }
    tally.bids += 1;
    if (fact.response === null) tally.unmarked += 1;
    else tally[fact.response] += 1;
  }
  const marked = tally.toward + tally.away + tally.against;
  return { ...tally, ratio: marked === 0 ? null : tally.toward / marked };
}

/**
 * The turning-toward ratio: of the bids I marked, the share my partner turned toward. Unmarked bids
 * and gestures do not count either way; null when no bid is marked.
 */
export function turningTowardRatio(facts: readonly Pick<BidFact, 'kind' | 'response'>[]): number | null {
  return tallyBids(facts).ratio;
}

export interface BidWeek extends BidTally {
  /** The Monday the week starts on, in the person's zone. */
  weekStart: LocalDate;
}

/**
 * Figures per Monday-start week for `weeks` weeks from `firstMonday`, oldest first, and for the
 * whole window. Moments outside the window are left out.
 */
export function bidWeeks(
  facts: readonly BidFact[],
  firstMonday: LocalDate,
  weeks: number,
): { weeks: BidWeek[]; total: BidTally } {
  const buckets: BidFact[][] = Array.from({ length: weeks }, () => []);
  const inWindow: BidFact[] = [];
  for (const fact of facts) {
    const index = Math.floor(daysBetween(firstMonday, fact.localDate) / 7);
    if (index < 0 || index >= weeks) continue;
    buckets[index]?.push(fact);
    inWindow.push(fact);
  }
  return {
    weeks: buckets.map((bucket, i) => ({ weekStart: addDays(firstMonday, 7 * i), ...tallyBids(bucket) })),
    total: tallyBids(inWindow),
  };
}
