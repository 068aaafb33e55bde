import type { Kysely } from 'kysely';

// One private safety check per person, changeable at any time. The answers are sealed; whether
// they raise concern is computed when read, so nothing in the clear hints at it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('safety_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('answers_sealed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
