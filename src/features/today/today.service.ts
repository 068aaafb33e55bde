import type { ExpressionBuilder } from 'kysely';
import { spaceGeneration } from '../../db/change-generations.js';
import type { Database } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { undoUntil } from '../../domain/commitments.js';
import { dayValidUntil } from '../../domain/day-validity.js';
import type { BegunStep } from '../../domain/home-journey.js';
import { isoWeekKey, mondayOfIsoWeek, pulseWeekAt } from '../../domain/pulse.js';
import { trendVerdict } from '../../domain/trend.js';
import { addDays, mondayOf } from '../../domain/zoned-time.js';
import { fromDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { begunWhyRows } from '../causes/begun.read.js';
import { checkinsForDay } from '../checkins/checkins.service.js';
import { begunClosenessRows } from '../closeness/begun.read.js';
import { homeQuestion } from '../closeness/closeness.read.js';
import { begunActRows } from '../commitments/begun.read.js';
import { sidesFromFound } from '../commitments/figures.service.js';
import { actTodayRead } from '../commitments/log.service.js';
import type { Found } from '../commitments/occurrences.js';
import { begunTalkRows } from '../conversations/begun.read.js';
import { begunNeedsRows } from '../needs/begun.read.js';
import { begunPatienceRows } from '../pulse/begun.read.js';
import { pulseScoresOf } from '../pulse/pulse.read.js';
import { begunUnderstandRows } from '../understand/begun.read.js';
import type { HomeToday } from './today.schema.js';

/**
 * The home screen's one request. Each part is read through its own feature's service (and so
 * through the access policy); every read is bounded by a window of days, so its cost does not grow
 * with the length of the history (`npm run bench` measures one week against three years).
 *
 * The answer is kept per person until something in it changes (decision 030): the space's change
 * count is read first, before any of the day's data, so a kept day is never newer in its count than
 * in its data; a write committed after that read makes the next request compute the day again.
 */
export async function homeToday(deps: AppDeps, actor: Actor): Promise<HomeToday> {
  const generation = await spaceGeneration(deps.db, actor.spaceId);
  const now = deps.clock.now();
  const kept = deps.homeDays.find(actor, generation, now.getTime());
  if (kept) return kept;
  const { answer, instants } = await computeHomeToday(deps, actor, now);
  // Held from when it was finished: an instant passed while computing ends it at once.
  deps.homeDays.keep(actor, generation, deps.clock.now().getTime(), dayValidUntil(now.getTime(), instants), answer);
  return answer;
}

/** The day, and the instants its data names at which time alone changes it (due times, undo windows). */
async function computeHomeToday(deps: AppDeps, actor: Actor, now: Date): Promise<{ answer: HomeToday; instants: number[] }> {
  // My time zone, read once for every part.
  const zone = await timeZoneOf(deps.db, actor.userId);
  const read = await actTodayRead(deps, actor, zone);
  const act = read.view;
  const checkins = await checkinsForDay(deps, actor, act.date, zone);
  const week = pulseWeekAt(now, act.zone);
  const closeness = await homeQuestion(deps, actor, act.date);
  const { journey, answered } = await journeyOf(deps, actor, act.date, week, read.all, now);
  const instants: number[] = [];
  for (const f of read.all) {
    instants.push(Date.parse(f.o.due));
    if (f.mark) instants.push(Date.parse(undoUntil(fromDbTime(f.mark.marked_at).toISOString())));
  }
  return { answer: { date: act.date, zone: act.zone, act, checkins, pulse: { week, answered }, closeness, journey }, instants };
}

/** The pulse weeks home reads a trend from, as "Is it working?" does. */
const TREND_WEEKS = 12;

/**
 * Where I am on the journey: yes-or-no per step, this week's figures, my own pulse trend. All bounded
 * reads: the steps in one query, this week's figures from the occurrences "today" already read, and
 * whether this week's pulse is answered from the trend's weeks (this week is the last of them).
 */
async function journeyOf(
  deps: AppDeps,
  actor: Actor,
  today: string,
  week: string,
  occurrences: readonly Found[],
  now: Date,
): Promise<{ journey: HomeToday['journey']; answered: boolean }> {
  const db = deps.db;
  const steps: [BegunStep, readonly Parameters<ExpressionBuilder<Database, never>['exists']>[0][]][] = [
    ['understand', begunUnderstandRows(db, actor.userId)],
    ['talk', begunTalkRows(db, actor.userId, actor.spaceId)],
    ['why', begunWhyRows(db, actor.userId)],
    ['needs', begunNeedsRows(db, actor.userId)],
    ['act', begunActRows(db, actor.userId, actor.spaceId)],
    ['patience', begunPatienceRows(db, actor.userId)],
    ['closeness', begunClosenessRows(db, actor.userId)],
  ];
  const found = (await db
    .selectNoFrom((eb) => steps.map(([step, rows]) => eb.or(rows.map((r) => eb.exists(r))).as(step)))
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  // PostgreSQL answers true or false, SQLite 1 or 0.
  const begun = steps.map(([step]) => step).filter((step) => Boolean(found[step]));

  const monday = mondayOf(today);
  const figures = sidesFromFound(actor, occurrences, { first: monday, last: today }, now);
  const side = (f: { due: number; done: number; noticed: number }) => ({ due: f.due, done: f.done, noticed: f.noticed });

  const fromWeek = isoWeekKey(addDays(mondayOfIsoWeek(week), -7 * (TREND_WEEKS - 1)));
  const scores = await pulseScoresOf(db, actor.userId, fromWeek, week);
  const t = trendVerdict(scores.map((s) => ({ at: mondayOfIsoWeek(s.week), value: s.score })));
  return {
    journey: {
      begun,
      thisWeek: { from: monday, to: today, mine: side(figures.mine), partners: side(figures.partners) },
      trend: { verdict: t.verdict, p: t.p, slopePerWeek: t.slopePerWeek, n: t.n },
    },
    answered: scores.some((s) => s.week === week),
  };
}
