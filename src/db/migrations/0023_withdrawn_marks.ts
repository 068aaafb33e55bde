import { type Kysely, sql } from 'kysely';

// Decision 027: an acknowledgement remembers which mark it answered. occurrence_acks.answered is the
// actor's mark status when the receiver last wrote it ('done', 'missed', or null when there was no
// mark). When a "done" it answered is later changed to "It didn't happen" or taken back, the
// acknowledgement is kept as the receiver's words about that mark and no longer counts as noticed.
// Rows written before this migration take the mark that stands now, so no figure changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('occurrence_acks').addColumn('answered', 'text').execute();
  await sql`
    UPDATE occurrence_acks SET answered = (
      SELECT m.status FROM occurrence_marks m
      WHERE m.commitment_id = occurrence_acks.commitment_id AND m.occurrence_key = occurrence_acks.occurrence_key
    )`.execute(db);
}
