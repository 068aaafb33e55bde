import type { Kysely } from 'kysely';

// Step 4, Act. A commitment is one partner's promise to the other: its author is the one who acts,
// its receiver the one it is for. Its words and schedule live in dated versions (a change starts a
// new version; history is never rewritten), each with the actor's time zone when it was made.
// The log has two sides, each a row of its own author: the actor's mark (done or missed, with an
// optional sealed note) and the receiver's acknowledgement (noticed or not, how much it helped).
// Both are keyed by the occurrence's stable key and carry its due instant, indexed with the
// commitment, so reading any window costs the same after three years as after one week.
// Appreciations are the receiver's words about something good no commitment named.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('receiver_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('commitments_space_idx').on('commitments').columns(['space_id', 'created_at']).execute();
  await db.schema.createIndex('commitments_author_idx').on('commitments').columns(['author_id', 'created_at']).execute();
  await db.schema.createIndex('commitments_agreement_idx').on('commitments').column('agreement_id').execute();

  await db.schema
    .createTable('commitment_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('what_sealed', 'text', (c) => c.notNull())
    .addColumn('schedule_json', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_versions_commitment_idx')
    .on('commitment_versions')
    .columns(['commitment_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('commitment_pauses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('until_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_pauses_commitment_idx')
    .on('commitment_pauses')
    .columns(['commitment_id', 'from_at'])
    .execute();

  await db.schema
    .createTable('occurrence_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('note_sealed', 'text')
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('occurrence_marks_key_idx')
    .on('occurrence_marks')
    .columns(['commitment_id', 'occurrence_key'])
    .unique()
    .execute();
  await db.schema.createIndex('occurrence_marks_due_idx').on('occurrence_marks').columns(['commitment_id', 'due_at']).execute();

  await db.schema
    .createTable('occurrence_acks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('noticed', 'integer', (c) => c.notNull())
    .addColumn('helped', 'integer')
    .addColumn('acked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('occurrence_acks_key_idx')
    .on('occurrence_acks')
    .columns(['commitment_id', 'occurrence_key'])
    .unique()
    .execute();
  await db.schema.createIndex('occurrence_acks_due_idx').on('occurrence_acks').columns(['commitment_id', 'due_at']).execute();

  await db.schema
    .createTable('appreciations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('noticed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appreciations_space_idx').on('appreciations').columns(['space_id', 'noticed_on']).execute();
  await db.schema.createIndex('appreciations_author_idx').on('appreciations').columns(['author_id', 'created_at']).execute();

  // "What was said" beside the commitments: a person's latest acknowledgement (written in Talk) in a space.
  await db.schema
    .createIndex('acknowledgements_author_space_idx')
    .on('acknowledgements')
    .columns(['author_id', 'space_id', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
