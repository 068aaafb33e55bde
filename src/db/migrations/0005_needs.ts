import type { Kysely } from 'kysely';

// Step 3, Needs. A need is one person's words (private draft, then 'couple' once shared). Each answer
// (a proposal, an acceptance, a decline with its reason) is a row of its own, written and sealed by
// the person who gave it, so an agreement is a joint thing made of per-author contributions. An
// agreement row gives an accepted need its stable identity, for commitments to hang on later.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_author_idx').on('needs').columns(['author_id', 'created_at']).execute();
  await db.schema.createIndex('needs_space_idx').on('needs').columns(['space_id', 'visibility']).execute();

  await db.schema
    .createTable('need_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('need_responses_need_idx').on('need_responses').columns(['need_id', 'created_at']).execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('need_id', 'text', (c) => c.notNull().unique().references('needs.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('proposal_id', 'text', (c) => c.references('need_responses.id').onDelete('cascade'))
    .addColumn('agreed_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('agreed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_space_idx').on('agreements').column('space_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
