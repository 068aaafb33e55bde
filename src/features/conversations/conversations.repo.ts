import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';

// Queries for drafts, conversations, turns, acknowledgements and replies. Every function takes the
// db (or a transaction) first; the service checks every row it returns with the access policy.

type Visibility = 'private' | 'couple';

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

const CONVERSATION_COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'mode',
  'state_json',
  'version',
  'held_on',
  'created_at',
  'ended_at',
] as const;

export async function findConversation(db: Db, id: string) {
  return db.selectFrom('conversations').select(CONVERSATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type ConversationRow = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

/**
 * Mine, the ones my partner started in the space we share now (couple only), and any I wrote turns
 * in (a former partner's, after leaving: the service shows only my own words in those).
 */
function visibleTo(userId: string, partnerId: string | null, spaceId: string) {
  return (eb: any) => {
    const mine = eb('conversations.author_id', '=', userId);
    const contributed = eb.exists(
      eb
        .selectFrom('conversation_turns')
        .select('conversation_turns.id')
        .whereRef('conversation_turns.conversation_id', '=', 'conversations.id')
        .where('conversation_turns.author_id', '=', userId),
    );
    if (partnerId === null) return eb.or([mine, contributed]);
    return eb.or([
      mine,
      eb.and([
        eb('conversations.author_id', '=', partnerId),
        eb('conversations.space_id', '=', spaceId),
        eb('conversations.visibility', '=', 'couple'),
      ]),
      contributed,
    ]);
  };
}

/** Who wrote turns in each of these conversations: one row per conversation and author. */
export async function listContributors(db: Db, conversationIds: readonly string[]) {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_turns')
    .select(['conversation_id', 'author_id'])
    .distinct()
    .where('conversation_id', 'in', conversationIds)
    .execute();
}

export async function listVisibleConversations(db: Db, userId: string, partnerId: string | null, spaceId: string, limit: number) {
  return db
    .selectFrom('conversations')
    .select(CONVERSATION_COLUMNS)
    .where(visibleTo(userId, partnerId, spaceId))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Finished conversations the person can see. `thisSpaceOnly`: only those held in the space given (the
 * one shared now), leaving out ones from an earlier space, with a former partner.
 */
export async function countFinishedConversations(
  db: Db,
  userId: string,
  partnerId: string | null,
  spaceId: string,
  options: { thisSpaceOnly?: boolean } = {},
) {
  let query = db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(visibleTo(userId, partnerId, spaceId))
    .where('ended_at', 'is not', null);
  if (options.thisSpaceOnly) query = query.where('conversations.space_id', '=', spaceId);
  const row = await query.executeTakeFirst();
  return toCount(row?.n);
}

export async function insertConversation(
  db: Db,
  row: {
    id: string;
    authorId: string;
    spaceId: string;
    visibility: Visibility;
    mode: string;
    stateJson: string;
    heldOn: string | null;
    at: string;
    endedAt: string | null;
  },
) {
  await db
    .insertInto('conversations')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: row.visibility,
      mode: row.mode,
      state_json: row.stateJson,
      version: 1,
      held_on: row.heldOn,
      created_at: row.at,
      updated_at: row.at,
      ended_at: row.endedAt,
    })
    .execute();
}

/** Compare-and-set on the version: false when the other person moved the conversation first. */
export async function moveConversation(
  db: Db,
  row: { id: string; fromVersion: number; stateJson: string; at: string; endedAt: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ state_json: row.stateJson, version: row.fromVersion + 1, updated_at: row.at, ended_at: row.endedAt })
    .where('id', '=', row.id)
    .where('version', '=', row.fromVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

const TURN_COLUMNS = [
  'id',
  'conversation_id',
  'author_id',
  'recorded_by',
  'space_id',
  'visibility',
  'kind',
  'seq',
  'text_sealed',
  'created_at',
] as const;

export async function listTurns(db: Db, conversationId: string, limit: number) {
  return db
    .selectFrom('conversation_turns')
    .select(TURN_COLUMNS)
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

export type TurnRow = Awaited<ReturnType<typeof listTurns>>[number];

export async function insertTurn(
  db: Db,
  row: {
    id: string;
    conversationId: string;
    authorId: string;
    recordedBy: string;
    spaceId: string;
    visibility: Visibility;
    kind: string;
    /** Order within the conversation: the conversation's version this turn moved it to. */
    seq: number;
    textSealed: string | null;
    at: string;
  },
) {
  await db
    .insertInto('conversation_turns')
    .values({
      id: row.id,
      conversation_id: row.conversationId,
      author_id: row.authorId,
      recorded_by: row.recordedBy,
      space_id: row.spaceId,
      visibility: row.visibility,
      kind: row.kind,
      seq: row.seq,
      text_sealed: row.textSealed,
      created_at: row.at,
    })
    .execute();
}

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
