import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../deps.js';

// One transaction for a whole write that carries an Idempotency-Key: the handler's changes and the
// answer stored under the key commit together or not at all. Before this, a process that died after
// the handler committed but before the answer was stored left a 'pending' key, and the retry after
// the lease ran the handler again: a second need, draft or bid (issue 16; decision 013 amended).
//
// Services open their own transactions (`deps.db.transaction().execute(fn)`); inside the unit of
// work those run in the outer one (Kysely has no nested transactions), so a service is unchanged and
// still atomic on its own when called without a key. Everything the handler reaches through `deps`
// uses the transaction, the sealer's key lookups included: on SQLite the one connection is held by
// the transaction, and a lookup through the root database would wait for it forever.

/** A database handle that is the transaction, where "open a transaction" joins it. */
function joinedTransaction(trx: Transaction<Database>): Db {
  const joined: Db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        const builder = {
          execute: <T>(fn: (inner: Db) => Promise<T>) => fn(joined),
          // The outer transaction's level holds; asking for one inside it changes nothing.
          setIsolationLevel: () => builder,
          setAccessMode: () => builder,
        };
        return () => builder;
      }
      // Kysely keeps its state in private fields: its methods must run on the transaction itself.
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Db;
  return joined;
}

/** The dependencies a handler sees inside a unit of work: the same, with the database in the transaction. */
export function depsWithin(deps: AppDeps, trx: Transaction<Database>): AppDeps {
  const db = joinedTransaction(trx);
  return { ...deps, db, sealer: deps.sealer.within(db) };
}
