import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { RITUALS, type Ritual, ritualById } from '../../domain/closeness/rituals.js';
import type { Schedule } from '../../domain/schedule.js';
import { localDateOf } from '../../domain/zoned-time.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { type OwnCommitmentState, ownCommitmentStates, parseSchedule } from '../commitments/commitments.read.js';
import { changeCommitment, createRitualCommitment, endCommitment } from '../commitments/commitments.service.js';
import { loadActor } from '../spaces/spaces.read.js';
import { deletePlan, findPlan, listPlans, type PlanRow, savePlan, setPlanCommitment } from './rituals.repo.js';
import type { RitualList, RitualView } from './rituals.schema.js';

// Connection rituals (step 7, decision 021). Taking one up with a partner makes a commitment in Act,
// through the commitments feature (same checks, same event, logged and noticed like any other): me the
// doer, my partner the receiver, the ritual's words, `ritual_id` recorded. Alone, it is a plan
// (ritual_plans) that becomes a commitment when a partner joins. My plan is mine alone: every query
// takes my id, and the commitment it made is read only through the access policy.
//
// A plan's state is read from its commitment: live in the space I share now → active; ended (from Act,
// or by dropping it) → no longer taken up; none yet, or one left behind in a space I no longer share →
// planned, waiting for a partner.

type Adoption = NonNullable<RitualView['mine']>;

function requireRitual(ritualId: string): Ritual {
  const ritual = ritualById(ritualId);
  if (!ritual) throw notFound();
  return ritual;
}

/** A plan waits for a partner when it has no commitment, or only one left in a space no longer shared. */
const isWaiting = (state: OwnCommitmentState | undefined) => !state?.ended && !state?.live;

function adoptionOf(plan: PlanRow, state: OwnCommitmentState | undefined): Adoption | null {
  if (state?.ended) return null;
  if (state?.live) return { state: 'active', schedule: state.schedule, commitmentId: state.id, since: state.createdAt };
  return {
    state: 'planned',
    schedule: parseSchedule(plan.schedule_json),
    commitmentId: null,
    since: fromDbTime(plan.created_at).toISOString(),
  };
}

const viewOf = (ritual: Ritual, mine: Adoption | null): RitualView => ({
  id: ritual.id,
  title: ritual.title,
  what: ritual.what,
  why: ritual.why,
  // Days in the library are 1..7 (checked in src/domain/closeness/deck.test.ts).
  suggested: ritual.suggested as Schedule,
  mine,
});

async function statesOf(deps: AppDeps, actor: Actor, plans: readonly PlanRow[]) {
  const ids = plans.flatMap((p) => (p.commitment_id === null ? [] : [p.commitment_id]));
  return ownCommitmentStates(deps, actor, ids);
}

const stateOf = (plan: PlanRow, states: Map<string, OwnCommitmentState>) =>
  plan.commitment_id === null ? undefined : states.get(plan.commitment_id);

/** The library, each ritual with whether (and how) I took it up. */
export async function listRituals(deps: AppDeps, actor: Actor): Promise<RitualList> {
  const plans = await listPlans(deps.db, actor.userId);
  const states = await statesOf(deps, actor, plans);
  const mine = new Map(plans.map((p) => [p.ritual_id, adoptionOf(p, stateOf(p, states))]));
  return {
    rituals: RITUALS.map((ritual) => viewOf(ritual, mine.get(ritual.id) ?? null)),
    hasPartner: actor.partnerId !== null,
  };
}

async function ritualView(deps: AppDeps, actor: Actor, ritual: Ritual): Promise<RitualView> {
  const plan = await findPlan(deps.db, actor.userId, ritual.id);
  if (!plan) return viewOf(ritual, null);
  return viewOf(ritual, adoptionOf(plan, stateOf(plan, await statesOf(deps, actor, [plan]))));
}

async function todayOf(deps: AppDeps, userId: string): Promise<string> {
  return localDateOf(deps.clock.now(), await timeZoneOf(deps.db, userId));
}

/**
 * Takes a ritual up on my schedule. With a partner: a commitment starting today, or a new schedule
 * for the one already running. Alone: a plan.
 */
export async function adoptRitual(deps: AppDeps, actor: Actor, ritualId: string, schedule: Schedule): Promise<RitualView> {
  const ritual = requireRitual(ritualId);
  const plan = await findPlan(deps.db, actor.userId, ritual.id);
  const state = plan ? stateOf(plan, await statesOf(deps, actor, [plan])) : undefined;
  let commitmentId: string | null = null;
  if (actor.partnerId !== null) {
    if (state?.live) {
      await changeCommitment(deps, actor, state.id, { schedule });
      commitmentId = state.id;
    } else {
      const made = await createRitualCommitment(deps, actor, {
        ritualId: ritual.id,
        what: ritual.what,
        schedule,
        startsOn: await todayOf(deps, actor.userId),
      });
      commitmentId = made.id;
    }
  }
  const now = deps.clock.now();
  await savePlan(deps.db, {
    id: newId(now),
    userId: actor.userId,
    ritualId: ritual.id,
    scheduleJson: JSON.stringify(schedule),
    commitmentId,
    at: toDbTime(now),
  });
  return ritualView(deps, actor, ritual);
}

/** Stops a ritual I took up: its commitment ends (what was logged stays) and the plan goes. */
export async function dropRitual(deps: AppDeps, actor: Actor, ritualId: string): Promise<void> {
  const ritual = requireRitual(ritualId);
  const plan = await findPlan(deps.db, actor.userId, ritual.id);
  if (!plan) return;
  const state = stateOf(plan, await statesOf(deps, actor, [plan]));
  if (state?.live) await endCommitment(deps, actor, state.id);
  await deletePlan(deps.db, actor.userId, ritual.id);
}

/**
 * After a join (spaces.acceptInvite): each member's waiting plans become commitments with their new
 * partner. One plan that cannot is logged (no words) and skipped; the others still go ahead.
 */
export async function startPlannedRituals(deps: AppDeps, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) {
    const actor = await loadActor(deps.db, userId);
    if (!actor || actor.partnerId === null) continue;
    const plans = await listPlans(deps.db, userId);
    const states = await statesOf(deps, actor, plans);
    const waiting = plans.filter((p) => isWaiting(stateOf(p, states)));
    if (waiting.length === 0) continue;
    const startsOn = await todayOf(deps, userId);
    for (const plan of waiting) {
      const ritual = ritualById(plan.ritual_id);
      if (!ritual) continue;
      try {
        const made = await createRitualCommitment(deps, actor, {
          ritualId: ritual.id,
          what: ritual.what,
          schedule: parseSchedule(plan.schedule_json),
          startsOn,
        });
        await setPlanCommitment(deps.db, userId, plan.id, made.id, toDbTime(deps.clock.now()));
      } catch (error) {
        deps.logger.error({ err: { message: (error as Error).message } }, 'a ritual plan could not become a commitment');
      }
    }
  }
}
