import type { Db } from '../../db/database.js';

/**
 * Tables of authored items (each row: author_id, space_id, visibility). A feature that stores what a
 * person writes adds its table here, so joining a space brings that person's items along.
 * The foundation has no such table yet.
 */
export const AUTHORED_ITEM_TABLES: readonly string[] = [
  'cause_sets',
  'needs',
  'talk_drafts',
  'conversations',
  'conversation_turns',
  'acknowledgements',
  'acknowledgement_replies',
  // A solo person's check-ins are all private (sharing waits for a partner): they come along.
  'checkins',
  'bids',
  // A solo person's pulses are all private (sharing a score waits for a partner): they come along.
  'pulses',
  // A solo person's closeness answers are all held (never offered for a reveal until shared): they
  // come along, still held. Responses need a revealed pair, so a space of one never holds any.
  'closeness_answers',
];

export async function moveAuthoredItems(db: Db, authorId: string, fromSpaceId: string, toSpaceId: string): Promise<void> {
  for (const table of AUTHORED_ITEM_TABLES) {
    await (db as any)
      .updateTable(table)
      .set({ space_id: toSpaceId })
      .where('author_id', '=', authorId)
      .where('space_id', '=', fromSpaceId)
      .execute();
  }
}
