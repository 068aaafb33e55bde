import type { Kysely } from 'kysely';

// Step 5, reminders: each reminder a person will get, planned ahead (48 hours) from their
// preferences, then claimed inside the database by a worker, sent and marked. No words: a kind, a
// dedupe key naming what it is about ('checkin:<date>', 'commitment:<id>:<occurrence>',
// 'reflection:<week>') and the commitment's id for nudges.
//
// - UNIQUE (user_id, dedupe_key): planning again (after a change, or by two processes at once)
//   inserts nothing twice, and a reminder once sent is never planned again.
// - (state, send_at): what the claim reads, oldest due first.
// - state: 'pending' → 'claimed' (claimed_by, lease_until) → 'sent' (sent_at) or 'skipped'. A claimed
//   row whose lease ran out (its worker died) is claimed again (docs/decisions: reminders).
//
// reminder_plans: how far ahead each person is planned, and when, so the worker plans only people
// whose plan runs short or whose preferences, zone or commitments changed since it was made.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('useful_until', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminders_user_dedupe_key', ['user_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('reminders_state_send_idx').on('reminders').columns(['state', 'send_at']).execute();

  await db.schema
    .createTable('reminder_plans')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('planned_until', 'text', (c) => c.notNull())
    .addColumn('planned_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
