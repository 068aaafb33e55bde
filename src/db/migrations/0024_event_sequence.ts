import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Live updates across processes (issue 15, decision 028). Event ids (UUIDv7) sort in the order one
// process made them, not in the order their rows became visible across processes, so a stream that
// drops "anything at or below the last id it sent" could skip an event another process committed a
// moment later. Each event now takes a number from one counter, in the transaction that inserts it:
//
//   events.seq       the event's place in commit order; the SSE `id` and the Last-Event-ID cursor
//   event_sequence   one row holding the last number given, so a number is never given twice, even
//                    after the newest events are pruned or erased (MAX(seq) + 1 would reuse it)
//
// PostgreSQL also takes a transaction-scoped advisory lock before the counter (src/realtime/events.repo.ts),
// so a lower number can never become visible after a higher one; SQLite has one writer at a time.
// Events stored before this migration are numbered in id order (each process's own order).
const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .alterTable('events')
    .addColumn('seq', postgres ? 'bigint' : 'integer')
    .execute();
  await sql`
    UPDATE events SET seq = numbered.n
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM events) AS numbered
    WHERE events.id = numbered.id`.execute(db);
  // SQLite cannot add NOT NULL to a column afterwards; the counter and the unique index keep it whole.
  if (postgres) await sql`ALTER TABLE events ALTER COLUMN seq SET NOT NULL`.execute(db);
  await db.schema.createIndex('events_seq_idx').on('events').column('seq').unique().execute();

  await db.schema
    .createTable('event_sequence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO event_sequence (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM events`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
