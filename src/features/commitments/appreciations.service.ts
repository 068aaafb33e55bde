import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, canChangeItem, canSeeItem } from '../../domain/access-policy.js';
import { APPRECIATION_ADDED, COMMITMENT_LIMITS } from '../../domain/commitments.js';
import { daysBetween, localDateOf } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { type AppreciationRow, findAppreciation, insertAppreciation, listAppreciations } from './appreciations.repo.js';
import type { AppreciationBody, AppreciationList, AppreciationView } from './appreciations.schema.js';
import { windowOf } from './occurrences.js';

// Appreciations: the receiver's side of what no commitment named. Each is its author's couple item
// in the space they share, sealed under the author's key; the partner sees it, cannot change it.

const LIST_LIMIT = 200;
export const textContext = (rowId: string) => ({ table: 'appreciations', column: 'text', rowId });
const item = (row: AppreciationRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});

async function viewOf(deps: AppDeps, actor: Actor, row: AppreciationRow): Promise<AppreciationView> {
  return {
    id: row.id,
    byMe: canChangeItem(actor, item(row)),
    text: await deps.sealer.open(row.author_id, textContext(row.id), row.text_sealed),
    on: row.noticed_on,
    createdAt: fromDbTime(row.created_at).toISOString(),
  };
}

export async function createAppreciation(deps: AppDeps, actor: Actor, body: AppreciationBody): Promise<AppreciationView> {
  if (actor.partnerId === null) {
    throw conflict('no_partner', 'Appreciations are for your partner, so they wait until your partner has joined your space.');
  }
  const now = deps.clock.now();
  const today = localDateOf(now, await timeZoneOf(deps.db, actor.userId));
  const back = daysBetween(body.on, today);
  if (back < 0) throw badInput([{ path: 'on', message: 'That day has not come yet. Please choose today or a day before.' }]);
  if (back >= COMMITMENT_LIMITS.figuresWindowDays) {
    throw badInput([{ path: 'on', message: 'Please choose a day within the last year.' }]);
  }
  const id = newId(now);
  const textSealed = await deps.sealer.seal(actor.userId, textContext(id), body.text);
  await deps.db.transaction().execute(async (trx) => {
    await insertAppreciation(trx, {
      id,
      authorId: actor.userId,
      spaceId: actor.spaceId,
      textSealed,
      on: body.on,
      at: toDbTime(now),
    });
  });
  await publishEvent(deps, {
    kind: APPRECIATION_ADDED,
    spaceId: actor.spaceId,
    authorId: actor.userId,
    visibility: 'couple',
    subjectId: id,
  });
  const row = await findAppreciation(deps.db, id);
  if (!row) throw notFound();
  return viewOf(deps, actor, row);
}

export async function appreciationsFor(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<AppreciationList> {
  const w = await windowOf(deps, actor, query, COMMITMENT_LIMITS.figuresWindowDays, COMMITMENT_LIMITS.recentFiguresDays);
  const authors = actor.partnerId === null ? [actor.userId] : [actor.userId, actor.partnerId];
  const rows = (await listAppreciations(deps.db, actor.spaceId, authors, w.first, w.last, LIST_LIMIT + 1)).filter((r) =>
    canSeeItem(actor, item(r)),
  );
  const appreciations: AppreciationView[] = [];
  for (const row of rows.slice(0, LIST_LIMIT)) appreciations.push(await viewOf(deps, actor, row));
  return { from: w.first, to: w.last, appreciations, truncated: rows.length > LIST_LIMIT };
}
