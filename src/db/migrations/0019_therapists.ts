import type { Kysely } from 'kysely';

// Step 6, completed (issue 12): a therapist invited by both partners' consent, and the summary.
//
// users.role: 'partner' (every account until now) or 'therapist'. A therapist account has no space
//   of its own and never joins one; it reads what couples let it read, and nothing else.
// therapist_accesses: one proposal by a partner to one therapist (by email, or a link handed over in
//   person; the link's token is stored only as a keyed hash). It becomes active when the therapist
//   accepted it and both current members consented; it ends at access_until, when either revokes it,
//   or when the space is left (ended_at).
// therapist_consents: each partner's consent and what they include (a JSON array of view names);
//   either may narrow it at any time.
// therapist_access_log: every view a therapist opened: which kind of page and when, never content.
// summary_choices: each partner's own part of the printable summary: which of their shared notes to
//   include (ids), and a note of their own for the session (sealed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('partner'))
    .execute();

  await db.schema
    .createTable('therapist_accesses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email_sealed', 'text')
    .addColumn('therapist_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('invite_expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('access_until', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('therapist_accesses_space_idx')
    .on('therapist_accesses')
    .columns(['space_id', 'created_at'])
    .execute();
  await db.schema.createIndex('therapist_accesses_therapist_idx').on('therapist_accesses').columns(['therapist_id']).execute();

  await db.schema
    .createTable('therapist_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('access_id', 'text', (c) => c.notNull().references('therapist_accesses.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('include_json', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('therapist_consents_unique_idx')
    .on('therapist_consents')
    .columns(['access_id', 'user_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('therapist_access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('access_id', 'text', (c) => c.notNull().references('therapist_accesses.id').onDelete('cascade'))
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('therapist_access_log_access_idx')
    .on('therapist_access_log')
    .columns(['access_id', 'at'])
    .execute();

  await db.schema
    .createTable('summary_choices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('notes_json', 'text', (c) => c.notNull())
    .addColumn('note_sealed', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('summary_choices_unique_idx')
    .on('summary_choices')
    .columns(['user_id', 'space_id'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
