import type { AppDeps } from '../../deps.js';
import type { Couple } from '../../domain/couple-items.js';
import { verdictWords, type WeekPoint } from '../../domain/progress.js';
import { firstNameOf } from '../../domain/therapist-access.js';
import type { TrendVerdict } from '../../domain/trend.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { displayNameOf } from '../auth/users.read.js';
import type { CoupleAgreement } from '../needs/couple.read.js';
import { type CoupleSeries, coupleFigures } from '../progress/couple.read.js';
import type { AgreementEntry, ChartSeries, FiguresSection } from './summary.schema.js';

// The sections a summary and a therapist's views are made of, from the owning features' published
// couple reads: agreements with their history, and figures with weekly series and trend verdicts.
// Each series comes with its numbers in words, so a chart drawn from it has a text alternative.

/** Each member's first name, by id: how a partner is named to a therapist and on the summary. */
export async function namesOf(deps: AppDeps, couple: Couple): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of couple.memberIds) names.set(id, firstNameOf(await displayNameOf(deps, id)));
  return names;
}

/** The name of one member (a couple item is always by one of them). */
export const nameIn = (names: Map<string, string>, id: string) => names.get(id) ?? '';

export function agreementEntries(agreements: readonly CoupleAgreement[], names: Map<string, string>): AgreementEntry[] {
  return agreements.map((a) => ({
    id: a.id,
    needBy: nameIn(names, a.needAuthorId),
    need: a.needText,
    needEdited: a.needEdited,
    agreedAt: a.agreedAt,
    wording: a.wording ? { text: a.wording.text, by: nameIn(names, a.wording.authorId) } : null,
    history: a.history.map((h) => ({ kind: h.kind, by: nameIn(names, h.authorId), text: h.text, at: h.at })),
  }));
}

/** A series' points and verdict in plain words: the text alternative of its chart. */
export function seriesText(title: string, unit: string, points: readonly WeekPoint[], verdict: TrendVerdict): string {
  if (points.length === 0) return `${title}: no week in this period has a value yet. ${verdictWords(verdict)}.`;
  const weeks = points.map((p) => `week of ${p.at}: ${p.value}`).join('; ');
  return `${title} (${unit}), week by week: ${weeks}. ${verdictWords(verdict)}.`;
}

export function chartSeries(
  id: string,
  kind: ChartSeries['kind'],
  title: string,
  unit: string,
  points: readonly WeekPoint[],
  verdict: TrendVerdict,
): ChartSeries {
  return {
    id,
    kind,
    title,
    unit,
    points: [...points],
    verdict: { ...verdict, words: verdictWords(verdict) },
    text: seriesText(title, unit, points, verdict),
  };
}

const RATE_UNIT = 'percent of what was due';

function rateSeries(prefix: string, series: readonly CoupleSeries[], titles: { done: string; noticed: string }): ChartSeries[] {
  return series.map((s) =>
    chartSeries(
      `${prefix}:${s.kind}`,
      s.kind,
      s.kind === 'follow-through' ? titles.done : titles.noticed,
      RATE_UNIT,
      s.points,
      s.verdict,
    ),
  );
}

/**
 * Figures and trends for the period (at most 52 weeks, checked by the caller). Each agreement is named
 * by its words only when `wordsOfAgreements` (the reader may see the agreements); otherwise by its
 * place among them ("Agreement 2"), so figures never carry the words of an agreement left out.
 */
export async function figuresSection(
  deps: AppDeps,
  couple: Couple,
  period: { from: LocalDate; to: LocalDate },
  agreements: readonly CoupleAgreement[],
  names: Map<string, string>,
  wordsOfAgreements: boolean,
): Promise<FiguresSection> {
  const figures = await coupleFigures(deps, couple, period, agreements);
  const oldestFirst = [...agreements].sort((x, y) => (x.agreedAt < y.agreedAt ? -1 : x.agreedAt > y.agreedAt ? 1 : 0));
  const aboutOf = (id: string) => {
    const place = oldestFirst.findIndex((a) => a.id === id);
    const agreement = oldestFirst[place];
    if (!wordsOfAgreements || !agreement) return `Agreement ${place + 1}`;
    return agreement.wording?.text ?? agreement.needText;
  };
  const other = (id: string) => nameIn(names, couple.memberIds.find((m) => m !== id) ?? id);
  return {
    from: figures.from,
    to: figures.to,
    weeks: figures.weeks.length,
    overall: {
      figures: figures.overall.figures,
      series: rateSeries('overall', figures.overall.series, {
        done: 'Done as promised, all commitments',
        noticed: 'Noticed, all commitments',
      }),
    },
    byDoer: figures.byDoer.map((d, i) => ({
      doer: nameIn(names, d.doerId),
      figures: d.figures,
      series: rateSeries(`doer:${i}`, d.series, {
        done: `Done as promised by ${nameIn(names, d.doerId)}`,
        noticed: `What ${nameIn(names, d.doerId)} did that ${other(d.doerId)} noticed`,
      }),
    })),
    agreements: figures.agreements.map((a) => {
      const about = aboutOf(a.agreementId);
      return {
        agreementId: a.agreementId,
        about,
        figures: a.figures,
        series: rateSeries(`agreement:${a.agreementId}`, a.series, {
          done: `Done as promised: ${about}`,
          noticed: `Noticed: ${about}`,
        }),
      };
    }),
  };
}
