/**
 * One call for integration tests to get a fresh, migrated database of the kind the current vitest
 * project runs against (ATTUNE_TEST_DB=sqlite | postgres, set by vitest.config.ts):
 *
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await createTestDatabase(); });
 *   afterAll(() => t.cleanup());
 *   // t.db (Kysely<Database>), t.target ({ kind, url } for createDatabase / an app's config)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPgTestDatabase } from './pg.js';

type Db = ReturnType<typeof createDatabase>;

export type TestDbKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: TestDbKind;
  /** What createDatabase() takes: a file path for SQLite, a postgres:// URL for PostgreSQL. */
  target: { kind: TestDbKind; url: string };
  /** An open, migrated connection. */
  db: Db;
  /** Closes `db` and removes the database. */
  cleanup(): Promise<void>;
}

export function testDbKind(): TestDbKind {
  const kind = process.env.ATTUNE_TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') {
    throw new Error(`ATTUNE_TEST_DB must be sqlite or postgres, not ${JSON.stringify(kind)}`);
  }
  return kind;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const kind = testDbKind();
  if (kind === 'postgres') {
    const pgDb = await createPgTestDatabase(); // already migrated (cloned from the template)
    const target = { kind, url: pgDb.url } as const;
    const db = createDatabase(target);
    return {
      kind,
      target,
      db,
      async cleanup() {
        await db.destroy().catch(() => undefined);
        await pgDb.drop();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'attune-it-'));
  const target = { kind, url: join(dir, 'attune.sqlite') } as const;
  const db = createDatabase(target);
  await migrateToLatest(db);
  return {
    kind,
    target,
    db,
    async cleanup() {
      await db.destroy().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
