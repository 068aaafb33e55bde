import type { Db } from '../../db/database.js';
import type { Visibility } from '../../domain/access-policy.js';

// Queries for acknowledgements written after a conversation, and the replies to them. Every
// function takes the db first; the service checks every row it returns with the access policy.

const ACK_COLUMNS = [
  'id',
  'conversation_id',
  'author_id',
  'space_id',
  'visibility',
  'did_sealed',
  'effect_sealed',
  'change_sealed',
  'created_at',
] as const;

export async function listAcknowledgements(db: Db, conversationId: string) {
  return db
    .selectFrom('acknowledgements')
    .select(ACK_COLUMNS)
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export type AcknowledgementRow = Awaited<ReturnType<typeof listAcknowledgements>>[number];

/**
 * The latest acknowledgement by this person in this space: all of their own, only shared ones of
 * someone else (step 4 shows it beside the log). Callers still check it with the access policy.
 */
export async function latestAcknowledgement(db: Db, authorId: string, spaceId: string, ownOnes: boolean) {
  let query = db
    .selectFrom('acknowledgements')
    .select(ACK_COLUMNS)
    .where('author_id', '=', authorId)
    .where('space_id', '=', spaceId);
  if (!ownOnes) query = query.where('visibility', '=', 'couple');
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function findAcknowledgement(db: Db, id: string) {
  return db.selectFrom('acknowledgements').select(ACK_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertAcknowledgement(
  db: Db,
  row: {
    id: string;
    conversationId: string;
    authorId: string;
    spaceId: string;
    visibility: Visibility;
    didSealed: string;
    effectSealed: string;
    changeSealed: string;
    at: string;
  },
) {
  await db
    .insertInto('acknowledgements')
    .values({
      id: row.id,
      conversation_id: row.conversationId,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: row.visibility,
      did_sealed: row.didSealed,
      effect_sealed: row.effectSealed,
      change_sealed: row.changeSealed,
      created_at: row.at,
    })
    .execute();
}

const REPLY_COLUMNS = [
  'id',
  'acknowledgement_id',
  'author_id',
  'space_id',
  'visibility',
  'felt',
  'missing_sealed',
  'created_at',
] as const;

export async function listReplies(db: Db, acknowledgementIds: readonly string[]) {
  if (acknowledgementIds.length === 0) return [];
  return db
    .selectFrom('acknowledgement_replies')
    .select(REPLY_COLUMNS)
    .where('acknowledgement_id', 'in', acknowledgementIds)
    .execute();
}

export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];

export async function insertReply(
  db: Db,
  row: {
    id: string;
    acknowledgementId: string;
    authorId: string;
    spaceId: string;
    visibility: Visibility;
    felt: string;
    missingSealed: string | null;
    at: string;
  },
) {
  await db
    .insertInto('acknowledgement_replies')
    .values({
      id: row.id,
      acknowledgement_id: row.acknowledgementId,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: row.visibility,
      felt: row.felt,
      missing_sealed: row.missingSealed,
      created_at: row.at,
    })
    .execute();
}
