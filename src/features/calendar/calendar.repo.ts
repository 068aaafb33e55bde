import type { Db } from '../../db/database.js';

// Queries for the private calendar feed: one row per person, found by the person or by the keyed
// hash of the token in its address.

const FEED_COLUMNS = ['user_id', 'token_hash', 'show_titles', 'created_at', 'last_fetched_at'] as const;

export async function findFeedOf(db: Db, userId: string) {
  return db.selectFrom('calendar_feeds').select(FEED_COLUMNS).where('user_id', '=', userId).executeTakeFirst();
}

export type FeedRow = NonNullable<Awaited<ReturnType<typeof findFeedOf>>>;

export async function findFeedByTokenHash(db: Db, tokenHash: string): Promise<FeedRow | undefined> {
  return db.selectFrom('calendar_feeds').select(FEED_COLUMNS).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Makes the person's feed, or replaces its token (the old address stops working) and keeps their choice of titles. */
export async function putFeed(db: Db, row: { userId: string; tokenHash: string; showTitles: boolean; at: string }) {
  await db
    .insertInto('calendar_feeds')
    .values({
      user_id: row.userId,
      token_hash: row.tokenHash,
      show_titles: row.showTitles ? 1 : 0,
      created_at: row.at,
      last_fetched_at: null,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: row.tokenHash, created_at: row.at, last_fetched_at: null }),
    )
    .execute();
}

/** False when the person has no feed. */
export async function setShowTitles(db: Db, userId: string, showTitles: boolean): Promise<boolean> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ show_titles: showTitles ? 1 : 0 })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteFeed(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

export async function touchFetched(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_fetched_at: at }).where('user_id', '=', userId).execute();
}
