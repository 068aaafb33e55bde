import type { Db } from '../db/database.js';

/**
 * An erased person's stored events (decision 025): those they caused, and those addressed to them.
 * Events carry no words, only kinds and ids; an event of theirs addressed to someone else (their
 * partner hearing that the space changed) stays, as that person's to replay.
 */
export async function deleteEventsOf(db: Db, userId: string): Promise<void> {
  await db
    .deleteFrom('events')
    .where((eb) => eb.or([eb('audience_id', '=', userId), eb.and([eb('author_id', '=', userId), eb('audience_id', 'is', null)])]))
    .execute();
}
