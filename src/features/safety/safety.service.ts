import type { Actor } from '../../domain/access-policy.js';
import { type SafetyAnswers, safetyConcern } from '../../domain/safety.js';
import type { AppDeps } from '../../http/deps.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { deleteSafetyCheck, findSafetyCheck, saveSafetyCheck } from './safety.repo.js';
import type { SafetyView } from './safety.schema.js';

// The row is unique per person and replaced in place, so the person's id (not the row id) binds
// the sealed answers to their place.
const answersContext = (userId: string) => ({ table: 'safety_checks', column: 'answers', rowId: userId });

/** Whether this person's own answers raise concern: the one door later features use. */
export async function concernFor(deps: AppDeps, userId: string): Promise<boolean> {
  const answers = await answersOf(deps, userId);
  return answers ? safetyConcern(answers) : false;
}

async function answersOf(deps: AppDeps, userId: string): Promise<SafetyAnswers | null> {
  const row = await findSafetyCheck(deps.db, userId);
  if (!row) return null;
  return JSON.parse(await deps.sealer.open(userId, answersContext(userId), row.answers_sealed)) as SafetyAnswers;
}

export async function readSafety(deps: AppDeps, actor: Actor): Promise<SafetyView> {
  const row = await findSafetyCheck(deps.db, actor.userId);
  if (!row) return { answers: null, concern: false, updatedAt: null };
  const answers = JSON.parse(
    await deps.sealer.open(actor.userId, answersContext(actor.userId), row.answers_sealed),
  ) as SafetyAnswers;
  return { answers, concern: safetyConcern(answers), updatedAt: fromDbTime(row.updated_at).toISOString() };
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
