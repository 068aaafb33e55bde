import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { type SafetyAnswers, safetyConcern } from '../../domain/safety.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { deleteSafetyCheck, findSafetyCheck, saveSafetyCheck } from './safety.repo.js';
import type { SafetyView } from './safety.schema.js';

// The row is unique per person and replaced in place, so the person's id (not the row id) binds
// the sealed answers to their place.
export const answersContext = (userId: string) => ({ table: 'safety_checks', column: 'answers', rowId: userId });

/** Whether this person's own answers raise concern: the one door later features use. */
export async function concernFor(deps: AppDeps, userId: string): Promise<boolean> {
  return (await storedCheck(deps, userId))?.concern ?? false;
}

/** The person's own answers, opened, with whether they raise concern; null before any are saved. */
async function storedCheck(deps: AppDeps, userId: string): Promise<SafetyView | null> {
  const row = await findSafetyCheck(deps.db, userId);
  if (!row) return null;
  const answers = JSON.parse(await deps.sealer.open(userId, answersContext(userId), row.answers_sealed)) as SafetyAnswers;
  return { answers, concern: safetyConcern(answers), updatedAt: fromDbTime(row.updated_at).toISOString() };
}

export async function readSafety(deps: AppDeps, actor: Actor): Promise<SafetyView> {
  return (await storedCheck(deps, actor.userId)) ?? { answers: null, concern: false, updatedAt: null };
}

export async function saveSafety(deps: AppDeps, actor: Actor, answers: SafetyAnswers): Promise<SafetyView> {
  const now = deps.clock.now();
  const sealed = await deps.sealer.seal(actor.userId, answersContext(actor.userId), JSON.stringify(answers));
  await saveSafetyCheck(deps.db, { id: newId(now), userId: actor.userId, answersSealed: sealed, updatedAt: toDbTime(now) });
  return { answers, concern: safetyConcern(answers), updatedAt: now.toISOString() };
}

export async function forgetSafety(deps: AppDeps, actor: Actor): Promise<void> {
  await deleteSafetyCheck(deps.db, actor.userId);
}
