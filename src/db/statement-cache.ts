/**
 * A bounded cache of prepared statements for better-sqlite3, keyed by SQL text (decision 029).
 * Kysely's SQLite driver prepares every query again on every call; the same few dozen SQL texts make
 * up nearly all of the app's queries, so preparing each once saves SQLite's parse and plan.
 *
 * Safe because better-sqlite3 is synchronous: Kysely calls `prepare(sql)` and then at once `all()`
 * or `run()`, which finish before anything else can use the statement. The one exception is a
 * streamed query (`iterate()`), which keeps its statement busy across awaits: a busy statement is
 * never handed out again, a fresh one is prepared instead. SQLite re-prepares a cached statement by
 * itself when the schema changes (a migration), so nothing needs clearing; closing the database
 * finalises them all.
 */

/** What the cache needs of a statement: better-sqlite3's flag for one that is being iterated. */
interface MaybeBusy {
  readonly busy?: boolean;
}

interface Preparing<S> {
  prepare(sql: string): S;
  close(): void;
}

/** Prepared statements kept: the app has about 300 distinct SQL texts; a lookup with a list of ids varies. */
export const STATEMENT_CACHE_SIZE = 500;

export class StatementCache<S extends MaybeBusy> implements Preparing<S> {
  private readonly statements = new Map<string, S>();

  constructor(
    private readonly db: Preparing<S>,
    readonly maxSize = STATEMENT_CACHE_SIZE,
  ) {
    if (!Number.isInteger(maxSize) || maxSize < 1) throw new Error('the statement cache needs room for at least one');
  }

  get size(): number {
    return this.statements.size;
  }

  prepare(sql: string): S {
    const cached = this.statements.get(sql);
    if (cached !== undefined) {
      // A statement still being iterated cannot run again until it is done: prepare another, uncached.
      if (cached.busy) return this.db.prepare(sql);
      // Least recently used first out: a hit moves to the back of the Map's order.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.db.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.maxSize) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
