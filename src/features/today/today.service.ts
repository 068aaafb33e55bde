import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { pulseWeekAt } from '../../domain/pulse.js';
import { checkinsForDay } from '../checkins/checkins.service.js';
import { homeQuestion } from '../closeness/closeness.read.js';
import { actToday } from '../commitments/log.service.js';
import { answeredWeek } from '../pulse/pulse.read.js';
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
  return { date: act.date, zone: act.zone, act, checkins, pulse: { week, answered }, closeness };
}
