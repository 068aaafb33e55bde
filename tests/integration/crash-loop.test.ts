import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFigures, runCrashLoop } from '../../scripts/crash-loop.js';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pg.js';
import { testDbKind } from '../support/test-db.js';

// The kill -9 loop (scripts/crash-loop.ts) for 20 cycles against the real server on this project's
// database, with a 2-second claim lease: concurrent writers with Idempotency-Keys, SIGKILL at a random
// moment, every write left without an answer sent again with its key. Nothing acknowledged is lost,
// nothing is there twice, no request is answered 5xx, and on SQLite the file is whole.
// `npm run crash-loop -- --cycles 200` runs the long version.

const kind = testDbKind();
let pgDb: PgTestDatabase | null = null;
beforeAll(async () => {
  if (kind === 'postgres') pgDb = await createPgTestDatabase();
});
afterAll(async () => {
  await pgDb?.drop();
});

describe('kill -9 loop', () => {
  it('loses nothing acknowledged, duplicates nothing in doubt and never answers 5xx over 20 crashes', async () => {
    const figures = await runCrashLoop({ cycles: 20, db: kind, databaseUrl: pgDb?.url, leaseSeconds: 2 });
    const summary = describeFigures(figures);
    console.info(`crash loop (${kind})\n${summary}`);
    expect(figures.cycles, summary).toBe(20);
    expect(figures.writes, summary).toBeGreaterThan(0);
    expect(figures.inDoubt, summary).toBeGreaterThan(0);
    expect(figures.inDoubtAnswered, summary).toBe(figures.inDoubt);
    expect(figures.lost, summary).toBe(0);
    expect(figures.duplicated, summary).toBe(0);
    expect(figures.serverErrors, summary).toBe(0);
    expect(figures.refused, summary).toBe(0);
    if (kind === 'sqlite') {
      expect(figures.integrity, summary).toBe('ok');
      expect(figures.foreignKeyProblems, summary).toBe(0);
    }
  }, 900_000);

  it('counts a row written twice as duplicated and a missing answered row as lost', async () => {
    const figures = await runCrashLoop({
      cycles: 1,
      db: kind,
      databaseUrl: pgDb?.url,
      leaseSeconds: 2,
      async beforeCheck(db, authorIds) {
        // This run's couple only: on PostgreSQL the first test's rows share the database.
        const need = await db
          .selectFrom('needs')
          .selectAll()
          .where('author_id', 'in', authorIds)
          .limit(1)
          .executeTakeFirstOrThrow();
        await db
          .insertInto('needs')
          .values({ ...need, id: randomUUID() })
          .execute();
        const draft = await db
          .selectFrom('talk_drafts')
          .select('id')
          .where('author_id', 'in', authorIds)
          .limit(1)
          .executeTakeFirstOrThrow();
        await db.deleteFrom('talk_drafts').where('id', '=', draft.id).execute();
      },
    });
    expect(figures.duplicated, describeFigures(figures)).toBe(1);
    expect(figures.lost, describeFigures(figures)).toBe(1);
  }, 300_000);
});
