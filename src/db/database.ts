import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseKind } from '../config/env.js';
import type { Database } from './schema.js';
import { StatementCache } from './statement-cache.js';

export type Db = Kysely<Database>;

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
}

/** The one dialect switch. Everything above this file is the same on both databases. */
export function createDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.url !== ':memory:') mkdirSync(dirname(target.url), { recursive: true });
  const sqlite = new SQLite(target.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: new StatementCache(sqlite) }) });
}
