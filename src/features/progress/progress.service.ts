import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { figuresOf, type Occurrence } from '../../domain/follow-through.js';
import {
  checkinWeekPoints,
  PROGRESS_WEEKS,
  type ProgressWeek,
  percentOf,
  progressWeeks,
  type WeekPoint,
  weeklyMeans,
  weeksBetween,
} from '../../domain/progress.js';
import { mondayOfIsoWeek } from '../../domain/pulse.js';
import { THERAPY_LOW_RATE_WEEKS, therapySuggestion } from '../../domain/therapy.js';
import { trendVerdict } from '../../domain/trend.js';
import { addDays, type LocalDate, localDateOf, mondayOf } from '../../domain/zoned-time.js';
import { counted, type Found, noticedOfFound } from '../commitments/occurrences.js';
import { listAgreements } from '../needs/needs.service.js';
import { concernFor } from '../safety/safety.service.js';
import { myCheckins, myPulses, nowFor, spaceOccurrences } from './history.js';
import { saveTherapyAsked, therapyAskedOf } from './progress.repo.js';
import type { ProgressSeries, ProgressView, TherapyInterestView } from './progress.schema.js';

// Step 5, Patience: my charts over weeks, each with its trend verdict, and my private therapy
// suggestion (step 6). Everything is the signed-in person's own view: my pulse and my check-ins
// (whatever their visibility), and the commitments of the space we share now, which are couple
// items. Nothing of my partner's private things is read, so what I see never hints at them, and
// what my partner sees never depends on my private things.
//
// Reads are windowed: at most 52 weeks of local days ending today, whatever the history's length.

/** The most weeks any read here covers. */
const MAX_WEEKS = PROGRESS_WEEKS.max;

const asOccurrence = (f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark ? f.mark.status === 'done' : null,
  noticed: noticedOfFound(f),
  paused: f.paused,
});

const inWeek = (f: Found, w: ProgressWeek) => f.o.localDate >= w.monday && f.o.localDate <= w.last;

/** Figures per week over occurrences already counted. */
function weeklyFigures(found: readonly Found[], weeks: readonly ProgressWeek[]) {
  return weeks.map((w) => figuresOf(found.filter((f) => inWeek(f, w)).map(asOccurrence)));
}

function series(
  fields: Omit<ProgressSeries, 'verdict' | 'agreementId' | 'about'> & { agreementId?: string; about?: string },
): ProgressSeries {
  return {
    ...fields,
    agreementId: fields.agreementId ?? null,
    about: fields.about ?? null,
    verdict: trendVerdict(fields.points),
  };
}

const laterOf = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const earlierOf = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

export async function progressFor(deps: AppDeps, actor: Actor, weeksAsked: number | undefined): Promise<ProgressView> {
  const count = weeksAsked ?? PROGRESS_WEEKS.default;
  const { now, zone, today } = await nowFor(deps, actor);
  const weeks = progressWeeks(today, count);
  const chartFrom = (weeks[0] as ProgressWeek).monday;
  const oldestAllowed = addDays(mondayOf(today), -7 * (MAX_WEEKS - 1));

  // Agreements of the space we share now (either person's need), oldest first.
  const agreements = (await listAgreements(deps, actor)).agreements
    .filter((a) => !a.need.fromEarlierSpace)
    .sort((x, y) => (x.agreedAt < y.agreedAt ? -1 : x.agreedAt > y.agreedAt ? 1 : 0));
  const firstAgreedAt = agreements[0]?.agreedAt ?? null;
  const agreementIds = new Set(agreements.map((a) => a.id));

  // The therapy facts: the last 4 complete weeks (the current one is still running), and my pulse
  // trend since the week of the first agreement (at most 52 weeks back).
  const therapyWeeks = progressWeeks(today, THERAPY_LOW_RATE_WEEKS + 1).filter((w) => w.complete);
  const trendFrom = firstAgreedAt === null ? null : laterOf(mondayOf(localDateOf(new Date(firstAgreedAt), zone)), oldestAllowed);
  const pulseFrom = trendFrom === null ? chartFrom : earlierOf(chartFrom, trendFrom);
  const occFrom = earlierOf(chartFrom, (therapyWeeks[0] as ProgressWeek).monday);

  const [pulses, checkins, occ, asked, safetyConcern] = await Promise.all([
    myPulses(deps, actor, pulseFrom, today),
    myCheckins(deps, actor, occFrom, today),
    spaceOccurrences(
      deps,
      actor,
      occFrom,
      today,
      (c) => (c.agreement_id !== null && agreementIds.has(c.agreement_id)) || c.receiver_id === actor.userId,
    ),
    therapyAskedOf(deps.db, actor.userId),
    concernFor(deps, actor.userId),
  ]);

  const nowIso = now.toISOString();
  const countedFound = occ.found.filter((f) => counted(f, nowIso));
  const pulsePoints: WeekPoint[] = pulses.map((p) => ({ at: mondayOfIsoWeek(p.week), value: p.score }));
  const chartPulse = pulsePoints.filter((p) => p.at >= chartFrom);

  const all: ProgressSeries[] = [
    series({
      id: 'pulse',
      kind: 'pulse',
      title: 'Your trust pulse',
      unit: 'out of 100',
      points: chartPulse,
      sentence:
        'Each point is your weekly trust pulse: how much you felt you could rely on your partner that week, from 0 to 100.',
    }),
    series({
      id: 'connected',
      kind: 'connected',
      title: 'Feeling connected',
      unit: 'out of 100 (your 0 to 10 answers, times ten)',
      points: checkinWeekPoints(checkins.connected, weeks),
      sentence:
        'How connected you felt, from your daily check-ins: each point is the average of your last 7 days at the end of the week, times ten.',
    }),
    series({
      id: 'heard',
      kind: 'heard',
      title: 'Feeling heard',
      unit: 'out of 100 (your 0 to 10 answers, times ten)',
      points: checkinWeekPoints(checkins.heard, weeks),
      sentence:
        'How heard you felt, from your daily check-ins: each point is the average of your last 7 days at the end of the week, times ten.',
    }),
  ];

  for (const a of agreements) {
    const mine = countedFound.filter((f) => f.c.row.agreement_id === a.id);
    if (!occ.loaded.some((c) => c.row.agreement_id === a.id)) continue;
    const figures = weeklyFigures(mine, weeks);
    const about = a.wording?.text ?? a.need.text;
    const pointsOf = (pick: (f: (typeof figures)[number]) => number | null): WeekPoint[] =>
      weeks.flatMap((w, i) => {
        const rate = pick(figures[i] as (typeof figures)[number]);
        return rate === null ? [] : [{ at: w.monday, value: percentOf(rate) }];
      });
    all.push(
      series({
        id: `agreement:${a.id}:follow-through`,
        kind: 'follow-through',
        agreementId: a.id,
        about,
        title: `Done as promised: ${about}`,
        unit: 'percent of what was due',
        points: pointsOf((f) => f.followThrough),
        sentence: 'Of what was due each week for this agreement, the share that was marked done.',
      }),
      series({
        id: `agreement:${a.id}:felt-rate`,
        kind: 'felt-rate',
        agreementId: a.id,
        about,
        title: `Noticed: ${about}`,
        unit: 'percent of what was due',
        points: pointsOf((f) => f.feltRate),
        sentence: 'Of what was due each week for this agreement, the share the person it was for said they noticed.',
      }),
    );
  }

  // My therapy suggestion: commitments for me (my partner's follow-through, my felt-rate), my own
  // felt-heard, my pulse since the first agreement, my safety answers and whether I asked.
  const forMe = countedFound.filter((f) => f.c.row.receiver_id === actor.userId);
  const therapyFigures = weeklyFigures(forMe, therapyWeeks);
  const trend = trendVerdict(trendFrom === null ? chartPulse : pulsePoints.filter((p) => p.at >= trendFrom)).verdict;
  const suggestion = therapySuggestion({
    safetyConcern,
    asked,
    weeksSinceFirstAgreement: firstAgreedAt === null ? null : weeksBetween(Date.parse(firstAgreedAt), now.getTime()),
    trend,
    weeklyFollowThrough: therapyFigures.map((f) => f.followThrough),
    weeklyFeltRate: therapyFigures.map((f) => f.feltRate),
    weeklyFeltHeard: weeklyMeans(checkins.heard, therapyWeeks),
  });

  return {
    from: chartFrom,
    to: today,
    weeks: count,
    timeZone: zone,
    hasPartner: actor.partnerId !== null,
    series: all,
    therapy: { ...suggestion, asked },
  };
}

/** Records that I would (or no longer would) like to think about therapy: mine alone, no event. */
export async function setTherapyInterest(deps: AppDeps, actor: Actor, asked: boolean): Promise<TherapyInterestView> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute((trx) => saveTherapyAsked(trx, actor.userId, asked, at));
  return { asked };
}
