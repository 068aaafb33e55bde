import type { AppDeps } from '../../deps.js';
import { type Actor, decideOwned } from '../../domain/access-policy.js';
import type { SelfCheckRatings } from '../../domain/understand.js';
import { enforce } from '../../shared/enforce.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { deleteSelfCheck, findSelfCheck, insertSelfCheck, listSelfChecks, type SelfCheckRow } from './self-checks.repo.js';
import type { SelfCheckList, SelfCheckView } from './understand.schema.js';

/** History is bounded: a self-check a week for two years fits well within it. */
export const SELF_CHECK_HISTORY_LIMIT = 100;

const TABLE = 'self_checks';
export const ctx = (column: 'ratings' | 'note', rowId: string) => ({ table: TABLE, column, rowId });

async function view(deps: AppDeps, row: SelfCheckRow): Promise<SelfCheckView> {
  const ratings = JSON.parse(
    await deps.sealer.open(row.author_id, ctx('ratings', row.id), row.ratings_sealed),
  ) as SelfCheckRatings;
  const note = row.note_sealed === null ? null : await deps.sealer.open(row.author_id, ctx('note', row.id), row.note_sealed);
  return { id: row.id, createdAt: fromDbTime(row.created_at).toISOString(), ratings, note };
}

/** A self-check belongs to its author alone, whatever space they are in: no one else ever sees it. */
async function ownRow(deps: AppDeps, actor: Actor, id: string): Promise<SelfCheckRow> {
  const row = await findSelfCheck(deps.db, id);
  enforce(decideOwned(actor, row && { ownerId: row.author_id }));
  return row as SelfCheckRow;
}

export async function recordSelfCheck(
  deps: AppDeps,
  actor: Actor,
  input: { ratings: SelfCheckRatings; note?: string | null | undefined },
): Promise<SelfCheckView> {
  const now = deps.clock.now();
  const id = newId(now);
  const note = input.note?.trim() ? input.note.trim() : null;
  const row: SelfCheckRow = {
    id,
    author_id: actor.userId,
    ratings_sealed: await deps.sealer.seal(actor.userId, ctx('ratings', id), JSON.stringify(input.ratings)),
    note_sealed: note === null ? null : await deps.sealer.seal(actor.userId, ctx('note', id), note),
    created_at: toDbTime(now),
  };
  await insertSelfCheck(deps.db, row);
  return { id, createdAt: now.toISOString(), ratings: input.ratings, note };
}

export async function mySelfChecks(deps: AppDeps, actor: Actor): Promise<SelfCheckList> {
  const rows = await listSelfChecks(deps.db, actor.userId, SELF_CHECK_HISTORY_LIMIT);
  return { selfChecks: await Promise.all(rows.map((r) => view(deps, r))) };
}

export async function readSelfCheck(deps: AppDeps, actor: Actor, id: string): Promise<SelfCheckView> {
  return view(deps, await ownRow(deps, actor, id));
}

export async function removeSelfCheck(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await ownRow(deps, actor, id);
  await deleteSelfCheck(deps.db, actor.userId, id);
}
