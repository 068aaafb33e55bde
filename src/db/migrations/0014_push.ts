import type { Kysely } from 'kysely';

// Web push: one row per browser a person turned push on in. The endpoint (a capability URL: whoever
// holds it and the keys can reach the device) and the browser's keys are sealed under the person's
// key; the device label is sealed too, since a person may name it. `endpoint_hash` is a keyed hash
// of the endpoint, unique across people: a browser reaches whoever turned push on there last, never
// someone who signed out of it. Rows go with their person (cascade).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('endpoint_hash', 'text', (c) => c.notNull().unique())
    .addColumn('endpoint_sealed', 'text', (c) => c.notNull())
    .addColumn('keys_sealed', 'text', (c) => c.notNull())
    .addColumn('device_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('push_subscriptions_user_idx')
    .on('push_subscriptions')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
