import type { Kysely } from 'kysely';

// Step 7, closeness, and the private "For me" place (issue 11).
//
// closeness_days: the question of the day of a space, chosen once per local date (the first time
//   either partner asks for that date) and kept, so both partners see the same question whatever
//   changes later (the deck, the theme, how many pairs were revealed).
// closeness_answers: one person's answer to one question day of a space. `visibility` is 'private'
//   until the reveal (both partners answered) and 'couple' after it; `held` marks an answer written
//   while alone, which is never offered for a reveal until its author shares it.
// closeness_responses: after a reveal, each partner's reaction, one reply (sealed) and whether they
//   asked to talk more about it (with the Talk draft it started).
// closeness_skips: "not today", private to the person.
// closeness_seen: the question days offered to a person (shown to them on their own today), private
//   to them. A question day is chosen when either partner first asks, so its row alone would tell
//   the other that someone opened the app that day: a person's earlier days are the ones offered to
//   them, and a question id is theirs to answer only once it was.
// closeness_themes: the theme a space chose, effective from a local date (the day after the change).
// ritual_plans: a ritual a person chose; it becomes a commitment at once, or when a partner joins.
// commitments.ritual_id: the ritual a commitment was made from (null for the others).
// journal_entries: the private journal; text and tags sealed, searched only after opening.
// sessions.fresh_reauth_at: the explicit re-authentication stamp (never slid); sessions.reauth_at
//   is now set at sign-in as well, and slid by each use of a private place.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('closeness_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_days_space_day_idx')
    .on('closeness_days')
    .columns(['space_id', 'day'])
    .unique()
    .execute();

  await db.schema
    .createTable('closeness_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('revealed_at', 'text')
    .execute();
  await db.schema
    .createIndex('closeness_answers_unique_idx')
    .on('closeness_answers')
    .columns(['space_id', 'day', 'question_id', 'author_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('closeness_answers_author_idx')
    .on('closeness_answers')
    .columns(['author_id', 'answered_at'])
    .execute();

  await db.schema
    .createTable('closeness_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('reply_sealed', 'text')
    .addColumn('talk_more', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talk_draft_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_responses_unique_idx')
    .on('closeness_responses')
    .columns(['space_id', 'day', 'question_id', 'author_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('closeness_skips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_skips_unique_idx')
    .on('closeness_skips')
    .columns(['user_id', 'space_id', 'day'])
    .unique()
    .execute();

  await db.schema
    .createTable('closeness_seen')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_seen_unique_idx')
    .on('closeness_seen')
    .columns(['user_id', 'space_id', 'day'])
    .unique()
    .execute();

  await db.schema
    .createTable('closeness_themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('theme', 'text')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('closeness_themes_space_from_idx')
    .on('closeness_themes')
    .columns(['space_id', 'effective_from'])
    .unique()
    .execute();

  await db.schema
    .createTable('ritual_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('ritual_id', 'text', (c) => c.notNull())
    .addColumn('schedule_json', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ritual_plans_user_ritual_idx')
    .on('ritual_plans')
    .columns(['user_id', 'ritual_id'])
    .unique()
    .execute();

  await db.schema.alterTable('commitments').addColumn('ritual_id', 'text').execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('mood', 'text')
    .addColumn('tags_sealed', 'text')
    .addColumn('prompt_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_user_created_idx')
    .on('journal_entries')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema.alterTable('sessions').addColumn('fresh_reauth_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
