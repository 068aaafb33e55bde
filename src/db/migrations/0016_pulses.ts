import type { Kysely } from 'kysely';

// Step 6, the weekly trust pulse. One row per person per ISO week (Monday-start, in the author's
// zone when they answered): the answers as JSON (item id → 1..7, never shown to anyone but the
// author), the score they give (0..100, one decimal), and whether the author shares that score
// with their partner ('couple') or keeps it for themselves ('private'). Sharing is of the score
// only: the answers never leave their author.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pulses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('week_key', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One per person per week; also serves "my pulses in a range of weeks" (week keys sort as text).
  await db.schema.createIndex('pulses_author_week_idx').on('pulses').columns(['author_id', 'week_key']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
