import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import type { BegunStep } from '../../domain/home-journey.js';
import { isoWeekKey, mondayOfIsoWeek, pulseWeekAt } from '../../domain/pulse.js';
import { trendVerdict } from '../../domain/trend.js';
import { addDays, mondayOf } from '../../domain/zoned-time.js';
import { hasBegunWhy } from '../causes/begun.read.js';
import { checkinsForDay } from '../checkins/checkins.service.js';
import { hasBegunCloseness } from '../closeness/begun.read.js';
import { homeQuestion } from '../closeness/closeness.read.js';
import { hasBegunAct } from '../commitments/begun.read.js';
import { figuresFor } from '../commitments/figures.service.js';
import { actToday } from '../commitments/log.service.js';
import { hasBegunTalk } from '../conversations/begun.read.js';
import { hasBegunNeeds } from '../needs/begun.read.js';
import { hasBegunPatience } from '../pulse/begun.read.js';
import { answeredWeek, pulseScoresOf } from '../pulse/pulse.read.js';
import { hasBegunUnderstand } from '../understand/begun.read.js';
import type { HomeToday } from './today.schema.js';

/**
 * The home screen's one request. Each part is read through its own feature's service (and so
 * through the access policy); every read is bounded by a window of days, so its cost does not grow
 * with the length of the history (scripts/bench-act.ts measures one week against three years).
 */
export async function homeToday(deps: AppDeps, actor: Actor): Promise<HomeToday> {
  const act = await actToday(deps, actor);
  const checkins = await checkinsForDay(deps, actor, act.date);
  const week = pulseWeekAt(deps.clock.now(), act.zone);
  const answered = await answeredWeek(deps.db, actor.userId, week);
  const closeness = await homeQuestion(deps, actor);
  const journey = await journeyOf(deps, actor, act.date, week);
  return { date: act.date, zone: act.zone, act, checkins, pulse: { week, answered }, closeness, journey };
}

/** The pulse weeks home reads a trend from, as "Is it working?" does. */
const TREND_WEEKS = 12;

/** Where I am on the journey: yes-or-no per step, this week's figures, my own pulse trend. All bounded reads. */
async function journeyOf(deps: AppDeps, actor: Actor, today: string, week: string): Promise<HomeToday['journey']> {
  const db = deps.db;
  const checks: [BegunStep, Promise<boolean>][] = [
    ['understand', hasBegunUnderstand(db, actor.userId)],
    ['talk', hasBegunTalk(db, actor.userId, actor.spaceId)],
    ['why', hasBegunWhy(db, actor.userId)],
    ['needs', hasBegunNeeds(db, actor.userId)],
    ['act', hasBegunAct(db, actor.userId, actor.spaceId)],
    ['patience', hasBegunPatience(db, actor.userId)],
    ['closeness', hasBegunCloseness(db, actor.userId)],
  ];
  const begun: BegunStep[] = [];
  for (const [step, yes] of checks) if (await yes) begun.push(step);

  const monday = mondayOf(today);
  const figures = await figuresFor(deps, actor, { from: monday, to: today });
  const side = (f: { due: number; done: number; noticed: number }) => ({ due: f.due, done: f.done, noticed: f.noticed });

  const fromWeek = isoWeekKey(addDays(mondayOfIsoWeek(week), -7 * (TREND_WEEKS - 1)));
  const scores = await pulseScoresOf(db, actor.userId, fromWeek, week);
  const t = trendVerdict(scores.map((s) => ({ at: mondayOfIsoWeek(s.week), value: s.score })));
  return {
    begun,
    thisWeek: { from: monday, to: today, mine: side(figures.mine), partners: side(figures.partners) },
    trend: { verdict: t.verdict, p: t.p, slopePerWeek: t.slopePerWeek, n: t.n },
  };
}
