/**
 * PostgreSQL helpers for the integration-postgres project.
 *
 * - The project's globalSetup (pg-global-setup.ts) creates ONE migrated template database per run,
 *   `attune_template_<runId>`, and provides its name to test files (vitest `provide`/`inject`,
 *   with the env var ATTUNE_PG_TEMPLATE as a fallback).
 * - Each test file calls `createPgTestDatabase()`, which clones the template
 *   (`CREATE DATABASE attune_t_<runId>_<random> TEMPLATE attune_template_<runId>`): a fresh, migrated
 *   database in ~100-300 ms instead of running every migration again.
 * - Teardown drops the clones of this run and the template. Databases left behind by a killed run
 *   (name carries its start time) are swept after 6 hours, so concurrent runs by other people
 *   against the same server are never touched.
 *
 * Admin statements use `pg` directly; the connection is TEST_DATABASE_URL (a role with CREATEDB).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_TEMPLATE_ENV = 'ATTUNE_PG_TEMPLATE';
export const PG_RUN_ID_ENV = 'ATTUNE_PG_RUN_ID';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgRunId: string;
  }
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set. The integration-postgres tests need a PostgreSQL server: run `npm test` ' +
        '(it starts the local cluster and sets the URL) or set TEST_DATABASE_URL=postgres://user:pass@host:5432/db ' +
        '(the role needs CREATEDB).',
    );
  }
  return url;
}

/** The same server and credentials as `base`, another database. */
export function urlForDatabase(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

/** Run `fn` with one admin connection to TEST_DATABASE_URL. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>, url = adminUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'attune-test-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Base-36 millisecond time (8 chars until 2059) + 4 random chars: sortable, and its age is readable. */
export function newRunId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex').slice(0, 4)}`;
}

export function templateName(runId: string): string {
  return `attune_template_${runId}`;
}

export async function dropDatabase(client: pg.Client, name: string, graceMs = 5000): Promise<void> {
  // A template flagged IS_TEMPLATE cannot be dropped; ours are not flagged, but be tolerant.
  await client.query(`ALTER DATABASE ${quoteIdent(name)} IS_TEMPLATE false`).catch(() => undefined);
  // Wait for connections that are still closing (pg's Pool.end() resolves before its sockets have
  // closed) instead of killing them at once: a backend terminated by FORCE sends a FATAL message
  // that surfaces as an uncaught 'error' on the closing client, i.e. an unhandled error in vitest.
  const deadline = Date.now() + graceMs;
  for (;;) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err; // 55006: being accessed by other users
      if (Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  // Still in use after the grace period: something leaked a connection. Drop it anyway.
  console.warn(`[pg] ${name} still had connections after ${graceMs} ms; dropping WITH (FORCE)`);
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drops this run's databases (when runId is given) and any attune_t_/attune_template_ older than 6 h. */
export async function sweepDatabases(client: pg.Client, runId?: string): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'attune\\_t\\_%' OR datname LIKE 'attune\\_template\\_%'`,
  );
  const dropped: string[] = [];
  const now = Date.now();
  for (const { datname } of rows) {
    const m = /^attune_(?:t|template)_([0-9a-z]{9})([0-9a-f]{4})(?:_|$)/.exec(datname);
    if (!m) continue;
    const id = `${m[1]}${m[2]}`;
    const started = Number.parseInt(m[1] ?? '', 36);
    const mine = runId !== undefined && id === runId;
    const stale = Number.isFinite(started) && now - started > STALE_AFTER_MS;
    if (!mine && !stale) continue;
    try {
      await dropDatabase(client, datname);
      dropped.push(datname);
    } catch (err) {
      console.warn(`[pg] could not drop ${datname}: ${(err as Error).message}`);
    }
  }
  return dropped;
}

async function injected(): Promise<{ template: string; runId: string }> {
  let template = process.env[PG_TEMPLATE_ENV];
  let runId = process.env[PG_RUN_ID_ENV];
  try {
    const { inject } = await import('vitest');
    template = inject('pgTemplate') ?? template;
    runId = inject('pgRunId') ?? runId;
  } catch {
    // not inside a vitest worker: rely on the env vars
  }
  if (!template || !runId) {
    throw new Error(
      'No PostgreSQL template database: createPgTestDatabase() must run in the integration-postgres vitest ' +
        'project (its globalSetup tests/support/pg-global-setup.ts creates the template).',
    );
  }
  return { template, runId };
}

export interface PgTestDatabase {
  /** postgres:// URL of a fresh database cloned from the migrated template. */
  url: string;
  name: string;
  /** Drops the database (terminating any connections still open). */
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file (or test). Call drop() in afterAll. */
export async function createPgTestDatabase(): Promise<PgTestDatabase> {
  const { template, runId } = await injected();
  const base = adminUrl();
  const name = `attune_t_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    // CREATE DATABASE ... TEMPLATE fails with 55006 if anything is connected to the template; the
    // template refuses connections, but retry briefly in case of a concurrent clone on old servers.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 30) throw err;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  }, base);
  let dropped = false;
  return {
    url: urlForDatabase(base, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin((client) => dropDatabase(client, name), base);
    },
  };
}
