import type { Kysely } from 'kysely';

// Step 4, Act: bids and affection. A private log of small gestures a person gave and of moments they
// reached out to their partner, each bid marked by how the partner met it. Always 'private': the
// column is there so every authored table reads the same to the access policy, never to be shared.
// `at` is when it happened (the person may log it later); the log and the weekly figures read by
// author and `at`, so that pair is the index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bids_author_at_idx').on('bids').columns(['author_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
