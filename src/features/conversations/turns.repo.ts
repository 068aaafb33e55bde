import type { Db } from '../../db/database.js';
import type { Visibility } from '../../domain/access-policy.js';

// Queries for the turns of a conversation: one row per turn, its author's words sealed. Every
// function takes the db (or a transaction) first; the service checks every row with the access policy.

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
