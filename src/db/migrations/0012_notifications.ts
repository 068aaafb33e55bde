import type { Kysely } from 'kysely';

// Step 5, reminders and notifications: what each person chose (one row per person) and their
// in-app notification centre. A notification holds no words at all, only its kind and the id of
// what it is about: the app words each kind, and the outside channels say only the fixed neutral
// line (src/domain/notification-words.ts). `user_id` is the recipient, and the row is theirs
// alone, read state included: nothing about it is ever shown to anyone else.
//
// `unread_key` ("kind:subject") is set only while a notification about something the partner did
// is unread, and cleared when it is read: the unique (user_id, unread_key) index then keeps one
// unread notification per thing without a partial index (NULLs never collide on either database).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('checkin_time', 'text')
    .addColumn('commitment_nudge_minutes', 'integer')
    .addColumn('reflection_weekday', 'integer')
    .addColumn('reflection_time', 'text')
    .addColumn('quiet_from', 'text')
    .addColumn('quiet_until', 'text')
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('push', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('unread_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_created_idx').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema
    .createIndex('notifications_user_unread_key_idx')
    .on('notifications')
    .columns(['user_id', 'unread_key'])
    .unique()
    .execute();
  // Withdrawing what a partner can no longer see (a check-in made private again) finds rows by subject.
  await db.schema.createIndex('notifications_subject_idx').on('notifications').columns(['subject_id', 'kind']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
