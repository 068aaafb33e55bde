import type { Kysely } from 'kysely';

// Step 5, reminders: a private calendar feed per person. The feed's address holds a secret token,
// stored only as a keyed hash (like invite links): a copy of the database cannot be used to read
// anyone's calendar. One feed per person; making a new one replaces the hash, so the old address
// stops working at once. `show_titles` (0/1) is the person's choice to put their commitments' own
// words in the feed instead of the neutral title. The token is looked up by its hash, hence unique.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('show_titles', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_fetched_at', 'text')
    .execute();
  await db.schema.createIndex('calendar_feeds_token_idx').on('calendar_feeds').column('token_hash').unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
