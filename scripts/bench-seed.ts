// The seeding of `npm run bench`: N couples with daily activity, straight into the database.
//
// The rows are made with the app's own code where it must be real (sealed names and words under each
// person's data key, one password hash, the schedule code's occurrence keys and instants, UUIDv7 ids),
// then written through the raw drivers, many couples a transaction: the API would take hours, and
// Kysely's multi-row inserts took most of an hour at 10,000 couples (about 20 million rows).
//   - SQLite: a connection of its own on the database file (synchronous off, a large page cache,
//     statement journals in memory), prepared INSERTs of 100 rows and of 1 row per table, reused. The
//     app's triggers, if any, run (they cost about 5 % here).
//   - PostgreSQL: one INSERT … SELECT FROM unnest(…) per table and batch, one array parameter per
//     column, sent while the next batch is being made. The tables' own triggers are disabled and their
//     foreign keys dropped while seeding (the role owns its database); then the keys are put back
//     (each checked in one pass) and each seeded space gets its first change generation.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { UsersTable } from '../src/db/schema.js';
import type { AppDeps } from '../src/deps.js';
import { expandSchedule } from '../src/domain/schedule.js';
import { addDays, localDateOf } from '../src/domain/zoned-time.js';
import { sealName } from '../src/features/auth/names.js';
import { newId } from '../src/shared/ids.js';

export const ZONE = 'Europe/London';
export const PASSWORD = 'a long benchmark passphrase';
const MOODS = ['calm', 'hopeful', 'content', 'okay', 'tired'] as const;
/** Couples written in one transaction while seeding (about 2,000 rows each). */
const COUPLES_PER_TRANSACTION = 100;

export interface Seeded {
  weekEmail: string;
  yearEmail: string;
  yearsEmail: string;
  yearsCommitmentId: string;
  rows: number;
  seconds: number;
}

type Row = Record<string, unknown>;
/** The tables written, in the order their foreign keys need. */
const TABLES = [
  'users',
  'spaces',
  'space_members',
  'commitments',
  'commitment_versions',
  'occurrence_marks',
  'occurrence_acks',
  'checkins',
] as const;
type Table = (typeof TABLES)[number];
type Batch = Record<Table, Row[]>;
const emptyBatch = (): Batch => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Batch;

/** One couple's rows: a daily commitment each way, a mark for each past day (one in five missed), its acknowledgement, a check-in each a day. */
async function coupleRows(deps: AppDeps, batch: Batch, passwordHash: string, label: string, historyDays: number, now: Date) {
  const today = localDateOf(now, ZONE);
  const first = addDays(today, -historyDays + 1);
  const nowIso = now.toISOString();
  const users: UsersTable[] = [];
  for (const who of ['a', 'b']) {
    const id = newId(now);
    const wrapped = deps.sealer.createUserKey(id);
    users.push({
      id,
      email: `${label}-${who}@bench.attune.example`,
      name_sealed: await sealName(deps, id, who === 'a' ? 'Robin' : 'Jules'),
      password_hash: passwordHash,
      data_key_wrapped: wrapped,
      time_zone: ZONE,
      role: 'partner',
      created_at: nowIso,
      updated_at: nowIso,
    });
  }
  const [a, b] = users as [UsersTable, UsersTable];
  const spaceId = newId(now);
  const startIso = new Date(now.getTime() - historyDays * 86_400_000).toISOString();
  batch.users.push(...(users as unknown as Row[]));
  batch.spaces.push({ id: spaceId, created_at: startIso });
  for (const u of users)
    batch.space_members.push({ id: newId(now), space_id: spaceId, user_id: u.id, joined_at: startIso, left_at: null });
  const days = dailyOccurrences(startIso, now);
  const ids: string[] = [];
  for (const [actor, receiver] of [
    [a, b],
    [b, a],
  ] as const) {
    const id = newId(now);
    ids.push(id);
    batch.commitments.push({
      id,
      space_id: spaceId,
      author_id: actor.id,
      receiver_id: receiver.id,
      agreement_id: null,
      visibility: 'couple',
      starts_on: first,
      created_at: startIso,
      updated_at: startIso,
      ended_at: null,
    });
    const versionId = newId(now);
    batch.commitment_versions.push({
      id: versionId,
      commitment_id: id,
      author_id: actor.id,
      space_id: spaceId,
      effective_from: startIso,
      what_sealed: await deps.sealer.seal(
        actor.id,
        { table: 'commitment_versions', column: 'what', rowId: versionId },
        'Ask about the day over dinner',
      ),
      schedule_json: JSON.stringify({ kind: 'daily', by: null }),
      zone: ZONE,
      created_at: startIso,
    });
    days.forEach((o, i) => {
      const done = i % 5 !== 3;
      batch.occurrence_marks.push({
        id: newId(now),
        commitment_id: id,
        author_id: actor.id,
        space_id: spaceId,
        occurrence_key: o.key,
        due_at: o.due,
        status: done ? 'done' : 'missed',
        done_on: done ? o.date : null,
        note_sealed: null,
        marked_at: o.due,
      });
      if (done)
        batch.occurrence_acks.push({
          id: newId(now),
          commitment_id: id,
          author_id: receiver.id,
          space_id: spaceId,
          occurrence_key: o.key,
          due_at: o.due,
          noticed: i % 4 === 0 ? 0 : 1,
          helped: i % 4 === 0 ? null : 2,
          acked_at: o.due,
        });
    });
  }
  for (const person of [a, b]) {
    for (let d = 0; d < historyDays; d++) {
      batch.checkins.push({
        id: newId(now),
        author_id: person.id,
        space_id: spaceId,
        visibility: d % 3 === 0 ? 'private' : 'couple',
        local_date: addDays(first, d),
        connected: (d * 7) % 11,
        heard: (d * 5) % 11,
        mood: MOODS[d % MOODS.length],
        line_sealed: null,
        created_at: nowIso,
        updated_at: nowIso,
      });
    }
  }
  return { email: a.email, commitmentId: ids[0] as string };
}

/** Every couple with the same history shares its occurrences: expanded once (the schedule code's keys and instants). */
const expanded = new Map<string, { key: string; due: string; date: string }[]>();
function dailyOccurrences(startIso: string, now: Date) {
  let found = expanded.get(startIso);
  if (!found) {
    found = expandSchedule({
      spans: [{ schedule: { kind: 'daily', by: null }, from: startIso, until: null }],
      zone: ZONE,
      from: startIso,
      to: new Date(now.getTime() - 86_400_000).toISOString(),
    }).map((o) => ({ key: o.key, due: o.due, date: o.localDate }));
    expanded.set(startIso, found);
  }
  return found;
}

const rowCount = (b: Batch) => b.occurrence_marks.length + b.occurrence_acks.length + b.checkins.length;

/** The columns of a table's rows: those of its first row (every row of a table has the same). */
const columnsOf = (rows: Row[]) => Object.keys(rows[0] as Row);

// ---------- writers ----------

interface Writer {
  /** Writes one batch in one transaction; may return before it is written (at most one batch in flight). */
  write(batch: Batch): Promise<void>;
  /** Waits for the last batch, finishes up, and lets go of the connection. */
  close(): Promise<void>;
}

/** Rows a multi-row INSERT takes on SQLite (the rest of a table's rows go one by one). */
const SQLITE_ROWS_PER_STATEMENT = 100;

function sqliteWriter(file: string): Writer {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 5000');
  // Every id of the run shares one millisecond, so the id indexes take their inserts anywhere: a page
  // cache that holds them (about 1.5 GB at 10,000 couples) keeps those inserts off the disk.
  db.pragma('cache_size = -2097152'); // KiB: 2 GiB at most, taken as it fills
  // The change-counting triggers make each INSERT a statement of several writes, which SQLite journals
  // (to undo the statement alone): in memory, not in a temporary file.
  db.pragma('temp_store = MEMORY');
  const statements = new Map<string, SQLite.Statement>();
  /** INSERT INTO table (columns) VALUES (?, …), … for `rows` rows, prepared once. */
  const statement = (table: Table, columns: string[], rows: number) => {
    const key = `${table} ${rows}`;
    let found = statements.get(key);
    if (!found) {
      const values = `(${columns.map(() => '?').join(', ')})`;
      found = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(values).join(', ')}`);
      statements.set(key, found);
    }
    return found;
  };
  const insert = (table: Table, rows: Row[]) => {
    const columns = columnsOf(rows);
    const values: unknown[] = [];
    const add = (row: Row) => {
      for (const c of columns) values.push(row[c]);
    };
    let i = 0;
    for (; i + SQLITE_ROWS_PER_STATEMENT <= rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
      values.length = 0;
      for (let j = i; j < i + SQLITE_ROWS_PER_STATEMENT; j++) add(rows[j] as Row);
      statement(table, columns, SQLITE_ROWS_PER_STATEMENT).run(values);
    }
    for (; i < rows.length; i++) {
      values.length = 0;
      add(rows[i] as Row);
      statement(table, columns, 1).run(values);
    }
  };
  const writeBatch = db.transaction((batch: Batch) => {
    for (const table of TABLES) if (batch[table].length > 0) insert(table, batch[table]);
  });
  return {
    async write(batch) {
      writeBatch(batch);
    },
    async close() {
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  for (const table of TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  // Foreign keys are checked row by row as rows arrive; put back after seeding, each is checked in one pass.
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
    [TABLES],
  );
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  // Each column's type, for its array parameter: unnest($1::text[], $2::integer[], …).
  const types = new Map<string, string>();
  const { rows: columns } = await client.query<{ relname: string; attname: string; type: string }>(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.oid = ANY($1::regclass[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [TABLES],
  );
  for (const c of columns) types.set(`${c.relname}.${c.attname}`, c.type);
  const statements = new Map<Table, string>();
  const statementFor = (table: Table, names: string[]) => {
    let text = statements.get(table);
    if (!text) {
      const casts = names.map((n, i) => {
        const type = types.get(`${table}.${n}`);
        if (!type) throw new Error(`seeding: ${table}.${n} is not a column`);
        return `$${i + 1}::${type}[]`;
      });
      text = `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
      statements.set(table, text);
    }
    return text;
  };
  const writeBatch = async (batch: Batch) => {
    await client.query('BEGIN');
    for (const table of TABLES) {
      const rows = batch[table];
      if (rows.length === 0) continue;
      const names = columnsOf(rows);
      await client.query(
        statementFor(table, names),
        names.map((n) => rows.map((r) => r[n])),
      );
    }
    await client.query('COMMIT');
  };
  let inFlight: Promise<void> = Promise.resolve();
  return {
    async write(batch) {
      await inFlight;
      inFlight = writeBatch(batch);
      inFlight.catch(() => {}); // surfaced by the next write or by close()
    },
    async close() {
      let failed: unknown = null;
      try {
        await inFlight;
      } catch (e) {
        failed = e;
        await client.query('ROLLBACK').catch(() => {});
      }
      try {
        for (const table of TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
        for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
        const { rows } = await client.query<{ found: boolean }>(`SELECT to_regclass('change_generations') IS NOT NULL AS found`);
        if (!failed && rows[0]?.found)
          await client.query(
            'INSERT INTO change_generations (scope, generation) SELECT id, 1 FROM spaces ON CONFLICT DO NOTHING',
          );
      } finally {
        await client.end();
      }
      if (failed) throw failed;
    },
  };
}

/**
 * Seeds `couples` couples with a year of history each, plus a 1-week and a 3-year couple, into the
 * database `deps` was booted on (migrated). `deps` seals and hashes; the rows go through a writer of their own.
 */
export async function seed(deps: AppDeps, couples: number): Promise<Seeded> {
  const now = new Date();
  const passwordHash = await deps.passwords.hash(PASSWORD);
  const started = performance.now();
  const target = deps.config.database;
  const writer = target.kind === 'postgres' ? await postgresWriter(target.url) : sqliteWriter(target.url);
  let rows = 0;
  let yearEmail = '';
  let batch = emptyBatch();
  let week: { email: string; commitmentId: string };
  let years: { email: string; commitmentId: string };
  try {
    for (let i = 0; i < couples; i++) {
      const couple = await coupleRows(deps, batch, passwordHash, `couple${i}`, 365, now);
      if (i === Math.floor(couples / 2)) yearEmail = couple.email;
      if ((i + 1) % COUPLES_PER_TRANSACTION === 0 || i === couples - 1) {
        rows += rowCount(batch);
        await writer.write(batch);
        batch = emptyBatch();
        process.stdout.write(`  seeded ${i + 1}/${couples} couples\r`);
      }
      // Lets a PostgreSQL batch in flight go on while the next is being made.
      await yieldToEvents();
    }
    week = await coupleRows(deps, batch, passwordHash, 'week', 7, now);
    years = await coupleRows(deps, batch, passwordHash, 'years', 3 * 365, now);
    rows += rowCount(batch);
    await writer.write(batch);
  } finally {
    await writer.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  seeded ${couples.toLocaleString('en')} couples (+ a 1-week and a 3-year couple): ${rows.toLocaleString('en')} marks, acknowledgements and check-ins in ${seconds.toFixed(0)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s)`,
  );
  return { weekEmail: week.email, yearEmail, yearsEmail: years.email, yearsCommitmentId: years.commitmentId, rows, seconds };
}
