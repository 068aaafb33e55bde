/**
 * globalSetup of the integration-postgres vitest project: builds one migrated template database per
 * run and provides its name to the test files (see tests/support/pg.ts). Runs once, in the main
 * vitest process, before any test file of that project.
 */
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import {
  adminUrl,
  newRunId,
  PG_RUN_ID_ENV,
  PG_TEMPLATE_ENV,
  quoteIdent,
  sweepDatabases,
  templateName,
  urlForDatabase,
  withAdmin,
} from './pg.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = adminUrl();
  const runId = newRunId();
  const template = templateName(runId);
  const started = Date.now();

  await withAdmin(async (client) => {
    const swept = await sweepDatabases(client);
    if (swept.length > 0) console.log(`[pg] dropped ${swept.length} stale test database(s)`);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(template)}`);
  }, base);

  const db = createDatabase({ kind: 'postgres', url: urlForDatabase(base, template) });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    await withAdmin((client) => sweepDatabases(client, runId), base).catch(() => undefined);
    throw err;
  } finally {
    await db.destroy().catch(() => undefined);
  }

  // Nobody may connect to the template: a stray connection would make every clone fail.
  await withAdmin(async (client) => {
    await client.query(`ALTER DATABASE ${quoteIdent(template)} ALLOW_CONNECTIONS false`);
  }, base);

  project.provide('pgTemplate', template);
  project.provide('pgRunId', runId);
  process.env[PG_TEMPLATE_ENV] = template;
  process.env[PG_RUN_ID_ENV] = runId;
  console.log(`[pg] migrated template ${template} in ${Date.now() - started} ms`);

  return async () => {
    const dropped = await withAdmin((client) => sweepDatabases(client, runId), base);
    console.log(`[pg] dropped ${dropped.length} test database(s) of this run`);
  };
}
