/**
 * Migrations from every earlier version (issue 16): for each migration count k, a fresh database is
 * migrated to the k-th migration (the schema as it stood then), filled with the fixture world
 * (tests/support/fixture-world.ts) restricted to the tables and columns that existed then, migrated
 * to the newest, and every row is checked: still there, once, with the same value in every column it
 * had. The migrations are read from src/db/migrations/index.ts, so a new one is covered as it lands.
 * On SQLite (a file in a temp dir) and on PostgreSQL (an empty database of this run).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, Migrator } from 'kysely';
import { describe, inject, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.js';
import { migrations } from '../../src/db/migrations/index.js';
import { FIXTURE_WORLD, type FixtureRow, type FixtureTable, type FixtureValue } from '../support/fixture-world.js';
import { adminUrl, dropDatabase, quoteIdent, urlForDatabase, withAdmin } from '../support/pg.js';
import { testDbKind } from '../support/test-db.js';

const kind = testDbKind();

/** In the order Kysely's Migrator runs them (it sorts the names). */
const names = Object.keys(migrations).sort((a, b) => a.localeCompare(b));

/**
 * Deliberate transformations: a column a migration fills in for rows written before it existed.
 * Rows written before `since` are checked against `expected` in that column after migrating.
 */
const BACKFILLED: readonly {
  table: string;
  column: string;
  since: string;
  reason: string;
  expected: (row: FixtureRow) => FixtureValue;
}[] = [
  {
    table: 'occurrence_acks',
    column: 'answered',
    since: '0023_withdrawn_marks',
    reason: 'decision 027: an acknowledgement written before takes the status of the mark that stands (the world marks it done)',
    expected: () => 'done',
  },
];

async function emptyDatabase(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'attune-every-version-'));
    const db = createDatabase({ kind, url: join(dir, 'attune.sqlite') });
    return {
      db,
      cleanup: async () => {
        await db.destroy().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  // Named like this run's other databases, so the run's teardown sweeps it should a test crash.
  const name = `attune_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const db = createDatabase({ kind, url: urlForDatabase(adminUrl(), name) });
  return {
    db,
    cleanup: async () => {
      await db.destroy().catch(() => undefined);
      await withAdmin((client) => dropDatabase(client, name));
    },
  };
}

async function migrate(db: Db, to: string | 'latest'): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = to === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(to);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Migrating to ${to} failed at ${failed?.migrationName ?? '?'}: ${reason}`);
  }
}

interface ColumnInfo {
  name: string;
  required: boolean; // NOT NULL without a default
}

/** The tables and their columns as they stand now (Kysely's introspection, same on both databases). */
async function schemaNow(db: Db): Promise<Map<string, ColumnInfo[]>> {
  const tables = await db.introspection.getTables();
  return new Map(
    tables.map((t) => [
      t.name,
      t.columns.map((c) => ({ name: c.name, required: !c.isNullable && !c.hasDefaultValue && !c.isAutoIncrementing })),
    ]),
  );
}

interface Written {
  fixture: FixtureTable;
  columns: string[];
  rows: FixtureRow[];
}

/** Inserts the world's rows into the tables that exist, with the columns that exist. */
async function writeWorld(db: Kysely<any>, schema: Map<string, ColumnInfo[]>, version: string): Promise<Written[]> {
  const written: Written[] = [];
  for (const fixture of FIXTURE_WORLD) {
    const columns = schema.get(fixture.table);
    if (!columns) continue;
    const known = new Set(Object.keys(fixture.rows[0] ?? {}));
    const missing = columns.filter((c) => c.required && !known.has(c.name)).map((c) => c.name);
    if (missing.length > 0) {
      throw new Error(
        `The fixture world has no value for ${missing.map((c) => `${fixture.table}.${c}`).join(', ')} ` +
          `(NOT NULL without a default as of ${version}). Add it to every ${fixture.table} row in tests/support/fixture-world.ts.`,
      );
    }
    const present = columns.map((c) => c.name).filter((c) => known.has(c));
    const rows = fixture.rows.map((row) => Object.fromEntries(present.map((c) => [c, row[c] ?? null])));
    await db.insertInto(fixture.table).values(rows).execute();
    written.push({ fixture, columns: present, rows });
  }
  return written;
}

/** PostgreSQL answers a bigint as a string; compare numbers as numbers. */
function comparable(expected: FixtureValue, actual: unknown): unknown {
  if (typeof expected === 'number' && (typeof actual === 'string' || typeof actual === 'bigint')) return Number(actual);
  return actual;
}

/** Every written row, once, with the values it was written with; and what a backfill promised. */
async function checkWorld(db: Kysely<any>, written: Written[], version: string): Promise<string[]> {
  const problems: string[] = [];
  const schema = await schemaNow(db);
  for (const { fixture, columns, rows } of written) {
    const now = schema.get(fixture.table);
    if (!now) {
      problems.push(`table ${fixture.table} is gone`);
      continue;
    }
    const count = await db
      .selectFrom(fixture.table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(count.n) !== rows.length) problems.push(`${fixture.table}: ${count.n} rows, expected ${rows.length}`);
    for (const row of rows) {
      const label = `${fixture.table}[${fixture.key.map((k) => row[k]).join(',')}]`;
      let query = db.selectFrom(fixture.table).selectAll();
      for (const k of fixture.key) query = query.where(k, '=', row[k]);
      const found = await query.execute();
      if (found.length !== 1) {
        problems.push(`${label}: found ${found.length} rows`);
        continue;
      }
      const actual = found[0] as Record<string, unknown>;
      for (const column of columns) {
        if (!(column in actual)) {
          problems.push(
            `${label}.${column}: the column is gone (if a migration drops it on purpose, say why in this file and check what took its place)`,
          );
          continue;
        }
        const value = comparable(row[column] ?? null, actual[column]);
        if (value !== (row[column] ?? null)) {
          problems.push(`${label}.${column}: ${JSON.stringify(actual[column])}, expected ${JSON.stringify(row[column])}`);
        }
      }
      for (const backfill of BACKFILLED) {
        if (backfill.table !== fixture.table || columns.includes(backfill.column)) continue;
        if (version.localeCompare(backfill.since) >= 0) continue;
        const expected = backfill.expected(fixture.rows.find((r) => fixture.key.every((k) => r[k] === row[k])) ?? row);
        if (actual[backfill.column] !== expected) {
          problems.push(
            `${label}.${backfill.column} (filled in by ${backfill.since}): ${JSON.stringify(actual[backfill.column])}, expected ${JSON.stringify(expected)}`,
          );
        }
      }
    }
  }
  return problems;
}

// Each version has its own database, so they run side by side: on PostgreSQL the time goes to
// round trips of DDL statements, which overlap well (about 3x faster than one after another).
describe.concurrent(`migrations from every earlier version (${kind})`, () => {
  it('knows the migrations in the order they run', ({ expect }) => {
    expect(names.length).toBeGreaterThan(20);
    expect(names[0]).toBe('0001_foundation');
  });

  for (const version of names) {
    it(`after ${version}: migrates to the newest with every row and value intact`, { timeout: 60_000 }, async ({ expect }) => {
      const { db, cleanup } = await emptyDatabase();
      try {
        await migrate(db, version);
        const written = await writeWorld(db as Kysely<any>, await schemaNow(db), version);
        expect(written.length).toBeGreaterThan(0);
        await migrate(db, 'latest');
        expect(await checkWorld(db as Kysely<any>, written, version)).toEqual([]);
      } finally {
        await cleanup();
      }
    });
  }

  it('the newest schema takes the whole world: every fixture table exists and every column is known', {
    timeout: 60_000,
  }, async ({ expect }) => {
    const { db, cleanup } = await emptyDatabase();
    try {
      await migrate(db, 'latest');
      const schema = await schemaNow(db);
      const problems: string[] = [];
      for (const fixture of FIXTURE_WORLD) {
        const columns = schema.get(fixture.table);
        if (!columns) {
          problems.push(`no table ${fixture.table}`);
          continue;
        }
        const names = new Set(columns.map((c) => c.name));
        for (const column of Object.keys(fixture.rows[0] ?? {})) {
          if (!names.has(column)) problems.push(`no column ${fixture.table}.${column}`);
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
