import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Queries for step 7's answers and the responses to revealed pairs. Every function takes the db (or
// a transaction) first and the space or person it is about, so no query can reach past one space;
// the service checks every row it returns with the access policy.

const changed = (result: { numInsertedOrUpdatedRows?: bigint | undefined }) => Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;

// ---------------------------------------------------------------------------------------------
// Answers

const ANSWER_COLUMNS = [
  'id',
  'space_id',
  'author_id',
  'day',
  'question_id',
  'visibility',
  'held',
  'text_sealed',
  'answered_at',
  'edited_at',
  'revealed_at',
] as const;

/** One person's answer to one question day of a space, whatever its visibility. */
export async function findAnswer(db: Db, where: { spaceId: string; day: string; questionId: string; authorId: string }) {
  return db
    .selectFrom('closeness_answers')
    .select(ANSWER_COLUMNS)
    .where('space_id', '=', where.spaceId)
    .where('day', '=', where.day)
    .where('question_id', '=', where.questionId)
    .where('author_id', '=', where.authorId)
    .executeTakeFirst();
}

export type AnswerRow = NonNullable<Awaited<ReturnType<typeof findAnswer>>>;

/** The answers of these people (me and my partner) on some days of a space. At most two a question day. */
export async function answersOnDays(
  db: Db,
  spaceId: string,
  authorIds: readonly string[],
  days: readonly string[],
): Promise<AnswerRow[]> {
  if (days.length === 0 || authorIds.length === 0) return [];
  return db
    .selectFrom('closeness_answers')
    .select(ANSWER_COLUMNS)
    .where('space_id', '=', spaceId)
    .where('author_id', 'in', [...authorIds])
    .where('day', 'in', [...days])
    .execute();
}

/**
 * Answers in a space that the actor might see: all of their own, and their partner's shown ones
 * ('couple'). Newest day first; with a question id, only answers to it.
 */
export async function answersSeenBy(
  db: Db,
  who: { userId: string; spaceId: string; partnerId: string | null },
  options: { questionId?: string; limit: number },
): Promise<AnswerRow[]> {
  let query = db
    .selectFrom('closeness_answers')
    .select(ANSWER_COLUMNS)
    .where('space_id', '=', who.spaceId)
    .where((eb) => {
      const mine = eb('author_id', '=', who.userId);
      if (who.partnerId === null) return mine;
      return eb.or([mine, eb.and([eb('author_id', '=', who.partnerId), eb('visibility', '=', 'couple')])]);
    });
  if (options.questionId !== undefined) query = query.where('question_id', '=', options.questionId);
  return query.orderBy('day', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** My answers in a space written while I was alone and not shared since, newest first. */
export async function heldAnswers(db: Db, who: { userId: string; spaceId: string }, limit: number): Promise<AnswerRow[]> {
  return db
    .selectFrom('closeness_answers')
    .select(ANSWER_COLUMNS)
    .where('space_id', '=', who.spaceId)
    .where('author_id', '=', who.userId)
    .where('held', '=', 1)
    .where('visibility', '=', 'private')
    .orderBy('day', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** My latest answer to a question in a space written while alone and not shared since. */
export async function findHeldAnswer(db: Db, who: { userId: string; spaceId: string }, questionId: string) {
  return db
    .selectFrom('closeness_answers')
    .select(ANSWER_COLUMNS)
    .where('space_id', '=', who.spaceId)
    .where('author_id', '=', who.userId)
    .where('question_id', '=', questionId)
    .where('held', '=', 1)
    .where('visibility', '=', 'private')
    .orderBy('day', 'desc')
    .executeTakeFirst();
}

/** Inserts a private answer; false when this person already answered this question day (a concurrent write won). */
export async function insertAnswer(
  db: Db,
  row: {
    id: string;
    spaceId: string;
    authorId: string;
    day: string;
    questionId: string;
    held: boolean;
    textSealed: string;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('closeness_answers')
    .values({
      id: row.id,
      space_id: row.spaceId,
      author_id: row.authorId,
      day: row.day,
      question_id: row.questionId,
      visibility: 'private',
      held: row.held ? 1 : 0,
      text_sealed: row.textSealed,
      answered_at: row.at,
      edited_at: null,
      revealed_at: null,
    })
    .onConflict((oc) => oc.columns(['space_id', 'day', 'question_id', 'author_id']).doNothing())
    .executeTakeFirst();
  return changed(result);
}

/**
 * Rewrites my answer. While only I can read it, it is simply answered again (answered_at moves);
 * once my partner can read it, the change shows as an edit (edited_at).
 */
export async function rewriteAnswer(
  db: Db,
  row: { id: string; authorId: string; textSealed: string; at: string; shown: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('closeness_answers')
    .set(row.shown ? { text_sealed: row.textSealed, edited_at: row.at } : { text_sealed: row.textSealed, answered_at: row.at })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .where('visibility', '=', row.shown ? 'couple' : 'private')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Shows my held answer to my partner: no longer held, now theirs to read. */
export async function showHeldAnswer(db: Db, id: string, authorId: string): Promise<boolean> {
  const result = await db
    .updateTable('closeness_answers')
    .set({ held: 0, visibility: 'couple' })
    .where('id', '=', id)
    .where('author_id', '=', authorId)
    .where('held', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The reveal: both answers to a question day become the couple's, at one moment. */
export async function revealPair(
  db: Db,
  pair: { spaceId: string; day: string; questionId: string; authorIds: readonly [string, string]; at: string },
): Promise<void> {
  await db
    .updateTable('closeness_answers')
    .set({ visibility: 'couple', held: 0, revealed_at: pair.at })
    .where('space_id', '=', pair.spaceId)
    .where('day', '=', pair.day)
    .where('question_id', '=', pair.questionId)
    .where('author_id', 'in', [...pair.authorIds])
    .where('revealed_at', 'is', null)
    .execute();
}

/** How many question days of a space both partners have revealed: the one measure of depth. */
export async function countRevealedPairs(db: Db, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('closeness_answers')
    .select(sql<string | number>`count(distinct day || ' ' || question_id)`.as('n'))
    .where('space_id', '=', spaceId)
    .where('revealed_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Responses (after a reveal)

const RESPONSE_COLUMNS = [
  'id',
  'space_id',
  'author_id',
  'day',
  'question_id',
  'visibility',
  'reaction',
  'reply_sealed',
  'talk_more',
  'talk_draft_id',
  'updated_at',
] as const;

/** The responses of these people (me and my partner) to one question day of a space. */
export async function responsesTo(
  db: Db,
  pair: { spaceId: string; day: string; questionId: string },
  authorIds: readonly string[],
) {
  if (authorIds.length === 0) return [];
  return db
    .selectFrom('closeness_responses')
    .select(RESPONSE_COLUMNS)
    .where('space_id', '=', pair.spaceId)
    .where('day', '=', pair.day)
    .where('question_id', '=', pair.questionId)
    .where('author_id', 'in', [...authorIds])
    .execute();
}

export type ResponseRow = Awaited<ReturnType<typeof responsesTo>>[number];

/** Starts my response to a revealed pair, shown to both; false when I already have one. */
export async function insertResponse(
  db: Db,
  row: { id: string; spaceId: string; authorId: string; day: string; questionId: string; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('closeness_responses')
    .values({
      id: row.id,
      space_id: row.spaceId,
      author_id: row.authorId,
      day: row.day,
      question_id: row.questionId,
      visibility: 'couple',
      reaction: null,
      reply_sealed: null,
      talk_more: 0,
      talk_draft_id: null,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['space_id', 'day', 'question_id', 'author_id']).doNothing())
    .executeTakeFirst();
  return changed(result);
}

/** Changes what was sent (a reaction, a reply, or both); a part left undefined stays as it is. */
export async function updateResponse(
  db: Db,
  row: { id: string; authorId: string; reaction?: string | null; replySealed?: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('closeness_responses')
    .set({
      ...(row.reaction !== undefined ? { reaction: row.reaction } : {}),
      ...(row.replySealed !== undefined ? { reply_sealed: row.replySealed } : {}),
      updated_at: row.at,
    })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .execute();
}

/**
 * Marks "talk more" with the Talk draft it started, only if no draft was recorded yet: false when a
 * concurrent request recorded one first (that one stays).
 */
export async function claimTalkDraft(
  db: Db,
  row: { id: string; authorId: string; draftId: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('closeness_responses')
    .set({ talk_more: 1, talk_draft_id: row.draftId, updated_at: row.at })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .where('talk_draft_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
