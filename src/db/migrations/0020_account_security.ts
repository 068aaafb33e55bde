import type { Kysely } from 'kysely';

// Your account, safe from a partner with access (issue 13, decision 024).
//
// push_subscriptions.session_id: the session a browser turned push on from. Ending that session
//   ends its push (ON DELETE CASCADE), so a phone signed out stops hearing when the person has not
//   yet checked in. Rows made before this migration have none (null): they go when the person signs
//   out everywhere, resets or changes the password, which remove every subscription of the person.
// known_devices: the browsers that signed in to an account (OWASP's device cookies). The browser
//   keeps a random id and secret in the http-only `attune_device` cookie; here only a keyed hash of
//   them is kept, with when the device was first and last used. A known browser's sign-in failures
//   are counted on their own, so guesses from elsewhere never lock the person out of it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('push_subscriptions')
    .addColumn('session_id', 'text', (c) => c.references('sessions.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('push_subscriptions_session_idx').on('push_subscriptions').column('session_id').execute();

  await db.schema
    .createTable('known_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('known_devices_user_idx').on('known_devices').column('user_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
