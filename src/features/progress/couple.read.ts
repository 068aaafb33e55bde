import type { AppDeps } from '../../deps.js';
import type { Couple } from '../../domain/couple-items.js';
import { type Figures, figuresOf } from '../../domain/follow-through.js';
import { type ProgressWeek, percentOf, progressWeeks, type WeekPoint } from '../../domain/progress.js';
import { type TrendVerdict, trendVerdict } from '../../domain/trend.js';
import { daysBetween, type LocalDate, mondayOf } from '../../domain/zoned-time.js';
import { type CoupleCountedOccurrence, coupleCountedOccurrences } from '../commitments/couple.read.js';
import type { CoupleAgreement } from '../needs/couple.read.js';

// The couple's figures for a period, for a reader from outside the couple (their therapist, their
// summary): follow-through and felt-rate over the period (figuresOf, as Act counts them) overall, per
// partner as the one who acts and per agreement, and the same as weekly series, each with its trend
// verdict (trendVerdict, as Patience draws them). Built only from commitments and their log, which
// are couple items; nothing of anyone's private reflection ("Is it working?") is read.

export interface CoupleSeries {
  kind: 'follow-through' | 'felt-rate';
  /** Oldest first, at each week's Monday; weeks with nothing due are absent. 0..100, one decimal. */
  points: WeekPoint[];
  verdict: TrendVerdict;
}

export interface CoupleFigures {
  from: LocalDate;
  to: LocalDate;
  /** The Monday-start weeks the series run over (the first and last may be partial). */
  weeks: ProgressWeek[];
  overall: { figures: Figures; series: CoupleSeries[] };
  /** Per partner as the one who acts, in the order of the couple's members. */
  byDoer: { doerId: string; figures: Figures; series: CoupleSeries[] }[];
  /** Per agreement with a commitment, oldest agreement first. */
  agreements: { agreementId: string; figures: Figures; series: CoupleSeries[] }[];
}

/** The weeks (Monday to Sunday) that hold from..to, oldest first; the last ends on `to`. */
export function weeksOfPeriod(from: LocalDate, to: LocalDate): ProgressWeek[] {
  const count = Math.floor(daysBetween(mondayOf(from), mondayOf(to)) / 7) + 1;
  return progressWeeks(to, count);
}

function seriesOf(found: readonly CoupleCountedOccurrence[], weeks: readonly ProgressWeek[]): CoupleSeries[] {
  const weekly = weeks.map((w) =>
    figuresOf(found.filter((f) => f.localDate >= w.monday && f.localDate <= w.last).map((f) => f.occurrence)),
  );
  const pointsOf = (pick: (f: Figures) => number | null): WeekPoint[] =>
    weeks.flatMap((w, i) => {
      const rate = pick(weekly[i] as Figures);
      return rate === null ? [] : [{ at: w.monday, value: percentOf(rate) }];
    });
  const follow = pointsOf((f) => f.followThrough);
  const felt = pointsOf((f) => f.feltRate);
  return [
    { kind: 'follow-through', points: follow, verdict: trendVerdict(follow) },
    { kind: 'felt-rate', points: felt, verdict: trendVerdict(felt) },
  ];
}

const summed = (found: readonly CoupleCountedOccurrence[], weeks: readonly ProgressWeek[]) => ({
  figures: figuresOf(found.map((f) => f.occurrence)),
  series: seriesOf(found, weeks),
});

/** The couple's figures and trends over the local days from..to (bounded by the caller: at most 52 weeks). */
export async function coupleFigures(
  deps: AppDeps,
  couple: Couple,
  period: { from: LocalDate; to: LocalDate },
  agreements: readonly CoupleAgreement[],
): Promise<CoupleFigures> {
  const weeks = weeksOfPeriod(period.from, period.to);
  const { commitments, counted } = await coupleCountedOccurrences(deps, couple, { first: period.from, last: period.to });
  const withCommitments = new Set(commitments.map((c) => c.agreementId).filter((id): id is string => id !== null));
  const oldestFirst = [...agreements].sort((x, y) => (x.agreedAt < y.agreedAt ? -1 : x.agreedAt > y.agreedAt ? 1 : 0));
  return {
    from: period.from,
    to: period.to,
    weeks,
    overall: summed(counted, weeks),
    byDoer: couple.memberIds.map((doerId) => ({
      doerId,
      ...summed(
        counted.filter((f) => f.authorId === doerId),
        weeks,
      ),
    })),
    agreements: oldestFirst
      .filter((a) => withCommitments.has(a.id))
      .map((a) => ({
        agreementId: a.id,
        ...summed(
          counted.filter((f) => f.agreementId === a.id),
          weeks,
        ),
      })),
  };
}
