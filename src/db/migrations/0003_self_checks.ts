import type { Kysely } from 'kysely';

// Private self-checks (step 0, Understand): one row per check-in, many per person, seen by the
// author alone. The ratings and the optional note are both sealed, so nothing in the clear says how
// someone felt. No space_id: a self-check belongs to the person, not to any shared space.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('self_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ratings_sealed', 'text', (c) => c.notNull())
    .addColumn('note_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('self_checks_author_idx').on('self_checks').columns(['author_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
