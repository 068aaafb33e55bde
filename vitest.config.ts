import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests must not pass only because the machine runs in UTC. scripts/test.mjs sets TZ before
// vitest starts; this covers a bare `npx vitest` (forks inherit process.env). An explicit TZ wins.
process.env.TZ ||= 'America/New_York';

const integrationFiles = ['tests/integration/**/*.test.ts'];
// 2 cores here: one fork per core. The postgres project is bounded by the same limit, so at most
// this many test files hold connections (each file has its own database cloned from the template).
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS) || Math.max(1, Math.min(availableParallelism(), 4));

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers,
    minWorkers: 1,
    testTimeout: 15_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-sqlite',
          include: integrationFiles,
          // *.pg.test.ts: several processes on one PostgreSQL database, which SQLite does not support.
          exclude: ['tests/integration/**/*.pg.test.ts'],
          environment: 'node',
          env: { ATTUNE_TEST_DB: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-postgres',
          include: integrationFiles,
          // *.sqlite.test.ts: what exists on SQLite only (the data folder's own database file).
          exclude: ['tests/integration/**/*.sqlite.test.ts'],
          environment: 'node',
          env: { ATTUNE_TEST_DB: 'postgres' },
          globalSetup: ['tests/support/pg-global-setup.ts'],
        },
      },
    ],
  },
});
