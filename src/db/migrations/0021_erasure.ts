import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Export and erasure (issue 13, decision 025).
//
// Deleting a person's account deletes every row they authored through ON DELETE CASCADE from
// `users`. Until now some references to a person sat on rows that belong to, or are shared with,
// their partner, and cascaded too: erasing one partner would have deleted the other's own words.
// These references become bare ids with no foreign key (like events.author_id already is), so the
// partner's rows stay and name, after an erasure, someone they can no longer see, exactly as they
// name a former partner after a leave:
//
//   commitments.receiver_id          the partner's own commitment, made for the erased person
//   agreements.agreed_by             an agreement on the partner's need that the erased person accepted
//   agreements.proposal_id           an agreement reached in the erased person's proposed words (it
//                                    cascaded from need_responses): the wording leaves, as after a leave
//   conversations.author_id          the shell of a conversation the erased person started (no words)
//   conversation_turns.recorded_by   the partner's own turn, recorded on the erased person's device
//   acknowledgements.author_id       the shell of an acknowledgement the partner answered (its words are
//                                    removed by the erasure; the partner's answer stays)
//   therapist_accesses.therapist_id  a couple's record of a therapist's access (and what they opened),
//                                    when the therapist's own account is erased
//
// erased_people: the ids of erased people, nothing else (no email, no name), so that a restored
// backup can have the erasures applied again before it is used (src/features/account/erasure.ts).
//
// PostgreSQL drops the constraints. SQLite cannot drop a constraint: each table is rebuilt (the
// documented twelve steps: foreign keys off, a new table from the old one's own definition with the
// clause removed, copy, drop, rename, indexes again, foreign_key_check, foreign keys on), all in one
// transaction. Kysely runs SQLite migrations outside a transaction, which is what lets
// `PRAGMA foreign_keys` take effect here.

const UNLINKED: readonly { table: string; column: string; references: string }[] = [
  { table: 'commitments', column: 'receiver_id', references: 'users' },
  { table: 'agreements', column: 'agreed_by', references: 'users' },
  { table: 'agreements', column: 'proposal_id', references: 'need_responses' },
  { table: 'conversations', column: 'author_id', references: 'users' },
  { table: 'conversation_turns', column: 'recorded_by', references: 'users' },
  { table: 'acknowledgements', column: 'author_id', references: 'users' },
  { table: 'therapist_accesses', column: 'therapist_id', references: 'users' },
];

const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await unlinkOnPostgres(db);
  else await unlinkOnSqlite(db);

  await db.schema
    .createTable('erased_people')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
}

async function unlinkOnPostgres(db: Kysely<unknown>): Promise<void> {
  for (const { table, column } of UNLINKED) {
    const found = await sql<{ conname: string }>`
      select con.conname
      from pg_constraint con
      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = any(con.conkey)
      where con.contype = 'f' and con.conrelid = ${table}::regclass and att.attname = ${column}
    `.execute(db);
    if (found.rows.length !== 1) throw new Error(`Expected one foreign key on ${table}.${column}, found ${found.rows.length}`);
    await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(found.rows[0]?.conname as string)}`.execute(db);
  }
}

/** The column's definition without its REFERENCES clause: `"receiver_id" text not null`. */
function withoutReference(createSql: string, column: string, references: string): string {
  const clause = new RegExp(
    `("${column}"\\s+text(?:\\s+not null)?)\\s+references\\s+"${references}"\\s*\\("id"\\)\\s+on delete cascade`,
    'i',
  );
  if (!clause.test(createSql)) throw new Error(`No cascading reference from ${column} to ${references} in: ${createSql}`);
  return createSql.replace(clause, '$1');
}

async function unlinkOnSqlite(db: Kysely<unknown>): Promise<void> {
  const tables = [...new Set(UNLINKED.map((u) => u.table))];
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      for (const table of tables) {
        const definition = await sql<{ sql: string }>`
          select sql from sqlite_master where type = 'table' and name = ${table}
        `.execute(db);
        const original = definition.rows[0]?.sql;
        if (!original) throw new Error(`No table ${table}`);
        const indexes = await sql<{ sql: string }>`
          select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null
        `.execute(db);
        let rebuilt = original;
        for (const u of UNLINKED) if (u.table === table) rebuilt = withoutReference(rebuilt, u.column, u.references);
        const temporary = `${table}_0021`;
        const head = new RegExp(`^CREATE TABLE "${table}"`, 'i');
        if (!head.test(rebuilt)) throw new Error(`Unexpected definition of ${table}: ${rebuilt}`);
        await sql.raw(rebuilt.replace(head, `CREATE TABLE "${temporary}"`)).execute(db);
        // The same definition, so the same columns in the same order.
        await sql`insert into ${sql.table(temporary)} select * from ${sql.table(table)}`.execute(db);
        await sql`drop table ${sql.table(table)}`.execute(db);
        await sql`alter table ${sql.table(temporary)} rename to ${sql.table(table)}`.execute(db);
        for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
      }
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error(`Foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
