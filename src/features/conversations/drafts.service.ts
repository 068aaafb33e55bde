import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, decideItem } from '../../domain/access-policy.js';
import { TALK_LIMITS } from '../../domain/conversation.js';
import { enforce } from '../../shared/enforce.js';
import { notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import type { DraftList, DraftView } from './conversations.schema.js';
import { type DraftRow, deleteDraft, findDraft, insertDraft, listDrafts, updateDraft } from './drafts.repo.js';

// Preparing to talk: a draft is private, always. No one else can fetch it, and nothing anyone else
// can fetch depends on whether it exists. No event is published for it.

export const draftContext = (rowId: string) => ({ table: 'talk_drafts', column: 'text', rowId });
const draftItem = (row: DraftRow): AuthoredItem => ({ authorId: row.author_id, spaceId: row.space_id, visibility: 'private' });

async function viewOf(deps: AppDeps, row: DraftRow): Promise<DraftView> {
  return {
    id: row.id,
    text: await deps.sealer.open(row.author_id, draftContext(row.id), row.text_sealed),
    createdAt: fromDbTime(row.created_at).toISOString(),
    updatedAt: fromDbTime(row.updated_at).toISOString(),
  };
}

async function ownDraft(deps: AppDeps, actor: Actor, id: string): Promise<DraftRow> {
  const row = await findDraft(deps.db, id);
  enforce(decideItem(actor, row ? draftItem(row) : undefined, 'change'));
  if (!row) throw notFound();
  return row;
}

export async function listMyDrafts(deps: AppDeps, actor: Actor): Promise<DraftList> {
  const rows = await listDrafts(deps.db, actor.userId, TALK_LIMITS.list);
  const drafts: DraftView[] = [];
  for (const row of rows) drafts.push(await viewOf(deps, row));
  return { drafts };
}

export async function createDraft(deps: AppDeps, actor: Actor, text: string): Promise<DraftView> {
  const now = deps.clock.now();
  const id = newId(now);
  const sealed = await deps.sealer.seal(actor.userId, draftContext(id), text);
  await insertDraft(deps.db, { id, authorId: actor.userId, spaceId: actor.spaceId, textSealed: sealed, at: toDbTime(now) });
  return viewOf(deps, await ownDraft(deps, actor, id));
}

export async function saveDraft(deps: AppDeps, actor: Actor, id: string, text: string): Promise<DraftView> {
  await ownDraft(deps, actor, id);
  const now = deps.clock.now();
  const sealed = await deps.sealer.seal(actor.userId, draftContext(id), text);
  await updateDraft(deps.db, { id, authorId: actor.userId, textSealed: sealed, at: toDbTime(now) });
  return viewOf(deps, await ownDraft(deps, actor, id));
}

export async function removeDraft(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await ownDraft(deps, actor, id);
  await deleteDraft(deps.db, id, actor.userId);
}
