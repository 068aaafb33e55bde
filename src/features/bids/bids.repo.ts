import type { Db } from '../../db/database.js';

// Every query here is scoped to its author: bids are never read for anyone but the person who logged
// them (the service also checks each row with the access policy).

const BID_COLUMNS = [
  'id',
  'author_id',
  'space_id',
  'visibility',
  'kind',
  'text_sealed',
  'at',
  'response',
  'created_at',
  'updated_at',
] as const;

export async function findBid(db: Db, id: string) {
  return db.selectFrom('bids').select(BID_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export type BidRow = NonNullable<Awaited<ReturnType<typeof findBid>>>;

/** My bids that happened in [from, to), newest first, at most `limit`. */
export async function listMyBids(db: Db, authorId: string, from: string, to: string, limit: number) {
  return db
    .selectFrom('bids')
    .select(BID_COLUMNS)
    .where('author_id', '=', authorId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** What the weekly figures need of my bids in one space that happened in [from, to): no words. */
export async function bidFactsOf(db: Db, authorId: string, spaceId: string, from: string, to: string) {
  return db
    .selectFrom('bids')
    .select(['kind', 'response', 'at'])
    .where('author_id', '=', authorId)
    .where('space_id', '=', spaceId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
}

export async function insertBid(
  db: Db,
  row: {
    id: string;
    authorId: string;
    spaceId: string;
    kind: string;
    textSealed: string | null;
    at: string;
    response: string | null;
    now: string;
  },
) {
  await db
    .insertInto('bids')
    .values({
      id: row.id,
      author_id: row.authorId,
      space_id: row.spaceId,
      visibility: 'private',
      kind: row.kind,
      text_sealed: row.textSealed,
      at: row.at,
      response: row.response,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}

export async function updateBid(
  db: Db,
  row: {
    id: string;
    authorId: string;
    kind: string;
    textSealed: string | null;
    at: string;
    response: string | null;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('bids')
    .set({ kind: row.kind, text_sealed: row.textSealed, at: row.at, response: row.response, updated_at: row.now })
    .where('id', '=', row.id)
    .where('author_id', '=', row.authorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteBid(db: Db, id: string, authorId: string): Promise<boolean> {
  const result = await db.deleteFrom('bids').where('id', '=', id).where('author_id', '=', authorId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
