import type { Kysely } from 'kysely';

// Step 6, "Is it working?" and therapy interest.
//
// sessions.reauth_at: when the person last typed their password again on THIS session to open the
// private reflection. Null until then; a read more than 15 minutes after it asks again, and each
// read slides it forward. It lives on the session row (never on an event, a notification or an
// idempotency row), so nothing the partner can reach records that the reflection was opened.
//
// person_preferences: one row per person, theirs alone. therapy_asked (0/1): the person said they
// would like to think about therapy (POST /api/v1/progress/therapy-interest); it feeds their own
// private therapy suggestion and nothing else.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('reauth_at', 'text').execute();

  await db.schema
    .createTable('person_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('therapy_asked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
