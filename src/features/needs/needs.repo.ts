import type { Db } from '../../db/database.js';
import type { NeedState } from '../../domain/needs.js';

const NEED_COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'state',
  'text_sealed',
  'shared_at',
  'edited_at',
  'created_at',
] as const;

export async function findNeed(db: Db, id: string) {
  return db.selectFrom('needs').select(NEED_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeed>>>;

/**
 * The needs a person may see, newest first: all of their own, and those their partner shared in the
 * space they share now. The service checks each row with the access policy too.
 */
export async function listVisibleNeeds(db: Db, userId: string, partnerId: string | null, spaceId: string, limit: number) {
  return db
    .selectFrom('needs')
    .select(NEED_COLUMNS)
    .where((eb) => {
      const mine = eb('author_id', '=', userId);
      if (partnerId === null) return mine;
      return eb.or([
        mine,
        eb.and([eb('author_id', '=', partnerId), eb('space_id', '=', spaceId), eb('visibility', '=', 'couple')]),
      ]);
    })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertNeed(db: Db, row: { id: string; authorId: string; spaceId: string; textSealed: string; at: string }) {
  await db
    .insertInto('needs')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: 'private',
      state: 'draft',
      text_sealed: row.textSealed,
      shared_at: null,
      edited_at: null,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
}

/** Compare-and-set on the state: false when someone else moved the need first. */
export async function updateNeedText(
  db: Db,
  row: { id: string; authorId: string; from: NeedState; textSealed: string; editedAt: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('needs')
    .set({ text_sealed: row.textSealed, edited_at: row.editedAt, updated_at: row.at })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .where('state', '=', row.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a need from one state to the next; false when it was no longer in `from`. */
export async function moveNeed(
  db: Db,
  row: { id: string; from: NeedState; to: NeedState; at: string; share?: { spaceId: string } },
): Promise<boolean> {
  const result = await db
    .updateTable('needs')
    .set({
      state: row.to,
      updated_at: row.at,
      ...(row.share ? { visibility: 'couple' as const, space_id: row.share.spaceId, shared_at: row.at } : {}),
    })
    .where('id', '=', row.id)
    .where('state', '=', row.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the need with its negotiation and agreement: nothing of it is left for anyone to see. */
export async function deleteNeedWithNegotiation(db: Db, id: string, authorId: string): Promise<boolean> {
  await db.deleteFrom('agreements').where('need_id', '=', id).execute();
  await db.deleteFrom('need_responses').where('need_id', '=', id).execute();
  const result = await db.deleteFrom('needs').where('id', '=', id).where('author_id', '=', authorId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

const RESPONSE_COLUMNS = ['id', 'need_id', 'author_id', 'space_id', 'kind', 'text_sealed', 'created_at'] as const;

export async function listResponses(db: Db, needIds: readonly string[]) {
  if (needIds.length === 0) return [];
  return db
    .selectFrom('need_responses')
    .select(RESPONSE_COLUMNS)
    .where('need_id', 'in', needIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type ResponseRow = Awaited<ReturnType<typeof listResponses>>[number];

export async function latestProposal(db: Db, needId: string) {
  return db
    .selectFrom('need_responses')
    .select(RESPONSE_COLUMNS)
    .where('need_id', '=', needId)
    .where('kind', '=', 'proposal')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertResponse(
  db: Db,
  row: { id: string; needId: string; authorId: string; spaceId: string; kind: string; textSealed: string | null; at: string },
) {
  await db
    .insertInto('need_responses')
    .values({
      id: row.id,
      need_id: row.needId,
      author_id: row.authorId,
      space_id: row.spaceId,
      kind: row.kind,
      text_sealed: row.textSealed,
      created_at: row.at,
    })
    .execute();
}

export async function insertAgreement(
  db: Db,
  row: { id: string; needId: string; spaceId: string; proposalId: string | null; agreedBy: string; at: string },
) {
  await db
    .insertInto('agreements')
    .values({
      id: row.id,
      need_id: row.needId,
      space_id: row.spaceId,
      proposal_id: row.proposalId,
      agreed_by: row.agreedBy,
      agreed_at: row.at,
    })
    .execute();
}

const AGREEMENT_COLUMNS = ['id', 'need_id', 'space_id', 'proposal_id', 'agreed_by', 'agreed_at'] as const;

export async function findAgreement(db: Db, id: string) {
  return db.selectFrom('agreements').select(AGREEMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export async function agreementsForNeeds(db: Db, needIds: readonly string[]) {
  if (needIds.length === 0) return [];
  return db.selectFrom('agreements').select(AGREEMENT_COLUMNS).where('need_id', 'in', needIds).execute();
}
