import type { Kysely } from 'kysely';

// Step 2, Why. One row per person per space: their marks (list ids, own words and notes, sealed
// together as one value), whether they have revealed them, and their own part of the shared
// understanding. Private until revealed; revealed rows are 'couple'. Each partner's part of the
// joint understanding lives in their own row, so leaving or deleting never touches the other's words.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cause_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('marks_sealed', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text')
    .addColumn('understanding_sealed', 'text')
    .addColumn('understanding_updated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cause_sets_author_space_idx')
    .on('cause_sets')
    .columns(['author_id', 'space_id'])
    .unique()
    .execute();
  await db.schema.createIndex('cause_sets_space_idx').on('cause_sets').column('space_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
