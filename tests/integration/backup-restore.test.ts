import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, openBackup, restoreBackup, writeBackup } from '../../src/cli/backup-file.js';
import { createDatabase, type DatabaseTarget, type Db } from '../../src/db/database.js';
import { writeStory } from '../support/couple-story.js';
import { adminUrl, dropDatabase, quoteIdent, urlForDatabase, withAdmin } from '../support/pg.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The restore drill: a couple with a little of everything, backed up while the app runs, restored
// into an empty database of the same kind, and every table compared row by row. Then what must
// be refused: a damaged or changed file, another master key, a database that is not empty.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let t: TestApp;
let dir: string;
let masterKey: Buffer;
const emptyTargets: { target: DatabaseTarget; drop: () => Promise<void> }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(join(tmpdir(), 'attune-drill-'));
  masterKey = t.deps.secrets.masterKey;
  await writeStory(t);
}, 120_000);

afterAll(async () => {
  for (const e of emptyTargets) await e.drop().catch(() => undefined);
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A new, empty database of the kind this project runs on (no tables at all). */
async function emptyDatabase(): Promise<DatabaseTarget> {
  if (t.database.target.kind === 'sqlite')
    return { kind: 'sqlite', url: join(dir, `restored-${randomBytes(3).toString('hex')}.sqlite`) };
  const name = `attune_t_restore_${randomBytes(4).toString('hex')}`;
  const base = adminUrl();
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`), base);
  emptyTargets.push({
    target: { kind: 'postgres', url: urlForDatabase(base, name) },
    drop: () => withAdmin((c) => dropDatabase(c, name), base),
  });
  return { kind: 'postgres', url: urlForDatabase(base, name) };
}

/** Every table's rows, each table sorted, as plain JSON: what a restore must give back exactly. */
async function everyTable(db: Db, kind: 'sqlite' | 'postgres'): Promise<Record<string, unknown[]>> {
  const tables =
    kind === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
            db,
          )
        ).rows;
  const all: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db)).rows;
    all[name] = rows
      .map((row) => JSON.stringify(row, (_k, value) => (Buffer.isBuffer(value) ? value.toString('base64') : value)))
      .sort();
  }
  return all;
}

describe('the restore drill', () => {
  let file: string;
  let before: Record<string, unknown[]>;

  it('backs up while the app runs and restores every table exactly, into an empty database', async () => {
    file = join(dir, 'drill.backup');
    const facts = await writeBackup(t.database.target, masterKey, file);
    expect(facts).toMatchObject({ format: 'attune-backup', version: 1, database: t.database.target.kind });
    before = await everyTable(t.deps.db, t.database.target.kind);
    expect(Object.keys(before).length).toBeGreaterThan(30);
    expect(before.users?.length).toBeGreaterThanOrEqual(2);
    expect(before.checkins?.length).toBeGreaterThan(0);
    // Sealed: the people's names and words are not readable in the file, nor is the dump's own format.
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false);

    const target = await emptyDatabase();
    await restoreBackup(target, masterKey, file);
    const restored = createDatabase(target);
    try {
      expect(await everyTable(restored, target.kind)).toEqual(before);
    } finally {
      await restored.destroy();
    }
  }, 120_000);

  it('refuses a damaged file, a changed one and another master key, each in words that say which', async () => {
    const bytes = await readFile(file);
    const damaged = join(dir, 'damaged.backup');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    await writeFile(damaged, flipped);
    expect(() => openBackup(damaged, masterKey)).toThrow(/damaged: its checksum does not match/);

    // Changed with the checksum recomputed: the seal itself refuses it.
    const text = bytes.toString('latin1');
    const headerEnd = text.indexOf('\n', text.indexOf('\n') + 1);
    const facts = JSON.parse(text.slice(text.indexOf('\n') + 1, headerEnd));
    const body = Buffer.from(flipped.subarray(headerEnd + 1));
    facts.sealedSha256 = (await import('node:crypto')).createHash('sha256').update(body).digest('hex');
    const changed = join(dir, 'changed.backup');
    await writeFile(changed, Buffer.concat([Buffer.from(`ATTUNE-BACKUP 1\n${JSON.stringify(facts)}\n`), body]));
    expect(() => openBackup(changed, masterKey)).toThrow(/changed after it was made/);

    expect(() => openBackup(file, randomBytes(32))).toThrow(/another master key/);
    expect(() => openBackup(join(root, 'package.json'), masterKey)).toThrow(BackupError);
  });

  it('never restores over a database that has anything in it', async () => {
    await expect(restoreBackup(t.database.target, masterKey, file)).rejects.toThrow(/not empty|already exists/);
    expect(await everyTable(t.deps.db, t.database.target.kind)).toEqual(before);
  });
});
