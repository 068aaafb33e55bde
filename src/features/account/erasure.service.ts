import type { AppDeps } from '../../deps.js';
import { deleteEventsOf } from '../../realtime/erasure.js';
import { AppError } from '../../shared/errors.js';
import { toDbTime } from '../../shared/time.js';
import { deleteAccountRow } from '../auth/erasure.js';
import { eraseTalkOf } from '../conversations/erasure.js';
import { deleteMemberlessSpaces, spacesEverOf } from '../spaces/erasure.js';
import { loadActor } from '../spaces/spaces.read.js';
import { leaveSpace } from '../spaces/spaces.service.js';
import { eraseTherapistTracesOf } from '../therapists/erasure.js';
import { erasedButPresent, recordErasure } from './erasures.repo.js';

// Erasure (decision 025). First, a shared space is left exactly as "leave" leaves it: the partner sees
// only the neutral "this space has closed" notice, keeps everything they wrote, and a therapist's
// access ends. Then, in one transaction: the shells the partner's words live in are kept without the
// person's words, the person's events go, their account row goes with its wrapped data key (and by
// cascade every row they authored, their sessions and known browsers), their own empty spaces go,
// and their id joins erased_people. The rows of the partner that name them (a commitment made for
// them, an agreement they accepted, a turn they recorded) no longer cascade (migration 0021).

/** Erases a person now. Answers false when there was no such account (already erased). */
export async function erasePerson(deps: AppDeps, userId: string): Promise<boolean> {
  const actor = await loadActor(deps.db, userId);
  if (actor?.partnerId) {
    try {
      await leaveSpace(deps, actor);
    } catch (error) {
      // The partner left a moment ago: there is nothing to leave any more.
      if (!(error instanceof AppError && error.code === 'not_shared')) throw error;
    }
  }
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const erased = await deps.db.transaction().execute(async (trx) => {
    const present = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!present) return false;
    const spaceIds = await spacesEverOf(trx, userId);
    await eraseTalkOf(trx, userId);
    await eraseTherapistTracesOf(trx, userId, nowIso);
    await deleteEventsOf(trx, userId);
    await deleteAccountRow(trx, userId);
    await deleteMemberlessSpaces(trx, spaceIds);
    await recordErasure(trx, userId, nowIso);
    return true;
  });
  // Nothing sealed for them can be opened again: the key is gone from the database and from memory.
  deps.sealer.forget(userId);
  // Their kept home day holds their opened words; other processes' go within a minute of their time.
  deps.homeDays.forget(userId);
  deps.events.endSessions({ userId, sessionId: null });
  return erased;
}

/**
 * Applies the list of erased people again (at every start, after migrations): anyone on it who still
 * has an account (a backup restored from before their erasure) is erased now. Idempotent.
 */
export async function applyErasures(deps: AppDeps): Promise<number> {
  let count = 0;
  for (const userId of await erasedButPresent(deps.db)) if (await erasePerson(deps, userId)) count += 1;
  if (count > 0) deps.logger.warn({ count }, 'erased people found in the database were erased again');
  return count;
}
