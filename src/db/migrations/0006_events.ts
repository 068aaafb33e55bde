import { type Kysely, sql } from 'kysely';

// Live updates, kept for a while so a reconnecting tab can catch up (Last-Event-ID). An event
// holds no words: only what changed (kind, subject id) and who may hear of it; the client then
// fetches the item through the API, which applies the access policy again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('audience_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_space_idx').on('events').columns(['space_id', 'id']).execute();
  await db.schema
    .createIndex('events_audience_idx')
    .on('events')
    .columns(['audience_id', 'id'])
    .where(sql.ref('audience_id'), 'is not', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
