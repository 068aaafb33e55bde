import type { Kysely } from 'kysely';

// Step 4, the daily check-in. One row per person per local day (the day in the author's zone when
// they wrote it): two 0-10 numbers, a mood from a fixed list, an optional sealed line, private or
// shared. A reply is the partner's own row (a reaction, a sealed note, or "let's talk tonight"),
// always in the space of the check-in it answers. The visibility a person last chose is kept in a
// small table of its own, one row per person, so a new check-in starts from it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('connected', 'integer', (c) => c.notNull())
    .addColumn('heard', 'integer', (c) => c.notNull())
    .addColumn('mood', 'text', (c) => c.notNull())
    .addColumn('line_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One per person per day; also serves "my check-ins in a window".
  await db.schema.createIndex('checkins_author_day_idx').on('checkins').columns(['author_id', 'local_date']).unique().execute();
  await db.schema.createIndex('checkins_space_idx').on('checkins').columns(['space_id', 'visibility', 'local_date']).execute();

  await db.schema
    .createTable('checkin_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkin_id', 'text', (c) => c.notNull().references('checkins.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('text_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkin_replies_checkin_idx')
    .on('checkin_replies')
    .columns(['checkin_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('checkin_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('default_visibility', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
