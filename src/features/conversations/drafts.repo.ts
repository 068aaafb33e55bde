import type { Db } from '../../db/database.js';

// Queries for Talk's drafts: what a person writes to prepare, private to its author. Every function
// takes the db first; the service checks every row it returns with the access policy.

const DRAFT_COLUMNS = ['id', 'author_id', 'space_id', 'visibility', 'text_sealed', 'created_at', 'updated_at'] as const;

export async function findDraft(db: Db, id: string) {
  return db.selectFrom('talk_drafts').select(DRAFT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type DraftRow = NonNullable<Awaited<ReturnType<typeof findDraft>>>;

export async function listDrafts(db: Db, authorId: string, limit: number) {
  return db
    .selectFrom('talk_drafts')
    .select(DRAFT_COLUMNS)
    .where('author_id', '=', authorId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertDraft(
  db: Db,
  row: { id: string; authorId: string; spaceId: string; textSealed: string; at: string },
) {
  await db
    .insertInto('talk_drafts')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: 'private',
      text_sealed: row.textSealed,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
}

export async function updateDraft(db: Db, row: { id: string; authorId: string; textSealed: string; at: string }) {
  await db
    .updateTable('talk_drafts')
    .set({ text_sealed: row.textSealed, updated_at: row.at })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .execute();
}

export async function deleteDraft(db: Db, id: string, authorId: string) {
  await db.deleteFrom('talk_drafts').where('id', '=', id).where('author_id', '=', authorId).execute();
}
