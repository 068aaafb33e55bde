import type { Db } from '../../db/database.js';
import { toCount } from '../../db/values.js';
import type { Visibility } from '../../domain/access-policy.js';

// Queries for conversations: the row that holds only whose turn it is (the words are turns, in
// turns.repo.ts). Every function takes the db (or a transaction) first; the service checks every
// row it returns with the access policy.

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
