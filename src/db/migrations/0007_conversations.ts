import type { Kysely } from 'kysely';

// Step 1, Talk, and Acknowledge. A private draft is its author's alone. A conversation is a joint
// thing made of per-author turns: the conversation row holds only whose turn it is (no words), and
// each turn is a row with one author (whose words they are) and, on one device, who recorded it.
// An acknowledgement and the answer to it are rows of their own, each sealed under its author's key,
// so leaving or deleting never touches the other person's words.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('talk_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talk_drafts_author_idx').on('talk_drafts').columns(['author_id', 'updated_at']).execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('conversations_author_idx').on('conversations').columns(['author_id', 'created_at']).execute();
  await db.schema.createIndex('conversations_space_idx').on('conversations').columns(['space_id', 'visibility']).execute();

  await db.schema
    .createTable('conversation_turns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_turns_conversation_idx')
    .on('conversation_turns')
    .columns(['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('did_sealed', 'text', (c) => c.notNull())
    .addColumn('effect_sealed', 'text', (c) => c.notNull())
    .addColumn('change_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('acknowledgements_conversation_idx')
    .on('acknowledgements')
    .columns(['conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('acknowledgement_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('acknowledgement_id', 'text', (c) => c.notNull().references('acknowledgements.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('felt', 'text', (c) => c.notNull())
    .addColumn('missing_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('acknowledgement_replies_ack_idx')
    .on('acknowledgement_replies')
    .columns(['acknowledgement_id', 'author_id'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
