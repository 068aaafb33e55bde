// What one GET /api/v1/today does inside the server, counted in this process (scripts/bench.ts):
//   - the SQL statements it runs (Kysely's log),
//   - the sealed texts it opens (AES-256-GCM, through the sealer),
//   - the bytes it allocates on the JavaScript heap: the heap's growth over a few requests in which
//     no garbage collection ran (a collection in the middle spoils the sample, which is dropped).
// Twice: a day computed, and the same day asked again with nothing changed (kept, decision 030).
// A checkout from before decision 030 computes both times, so its two figures are alike.
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/schema.js';

export interface RequestCost {
  queries: string[];
  opens: number;
  /** Median bytes allocated per request; null when every sample was spoiled by a collection. */
  heapBytes: number | null;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

/** Performance entries reach observers asynchronously. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Heap growth per call of `once`, over batches of `perBatch` with no collection inside. */
async function heapBytesPer(once: () => Promise<void>, batches = 40, perBatch = 1): Promise<number | null> {
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    collectGarbage();
    await settle(); // the observer hears of that collection before counting starts
    const before = collections;
    const used = process.memoryUsage().heapUsed;
    for (let i = 0; i < perBatch; i++) await once();
    const grown = process.memoryUsage().heapUsed - used;
    await settle();
    if (collections === before) samples.push(grown / perBatch);
  }
  if (samples.length === 0) return null;
  samples.sort((x, y) => x - y);
  return Math.round(samples[Math.floor(samples.length / 2)] as number);
}

export async function costOfToday(
  root: string,
  kind: 'sqlite' | 'postgres',
  env: Record<string, string>,
  signIn: (request: (path: string, init: RequestInit) => Promise<Response>, email: string) => Promise<string>,
  email: string,
): Promise<{ computed: RequestCost; kept: RequestCost }> {
  const { boot } = await import(join(root, 'src', 'boot.ts'));
  const { createApp } = await import(join(root, 'src', 'app.ts'));
  const { loadConfig } = await import(join(root, 'src', 'config', 'env.ts'));
  const config = loadConfig(env);
  const seen: string[] = [];
  const db = new Kysely<Database>({
    dialect:
      kind === 'sqlite'
        ? new SqliteDialect({ database: new SQLite(config.database.url) })
        : new PostgresDialect({ pool: new pg.Pool({ connectionString: config.database.url, max: 2 }) }),
    log: (event) => {
      seen.push(event.query.sql);
    },
  });
  const deps = await boot(config, { db });
  let opens = 0;
  const open = deps.sealer.open.bind(deps.sealer);
  deps.sealer.open = (...a: Parameters<typeof open>) => {
    opens += 1;
    return open(...a);
  };
  const app = createApp(deps);
  const request = (path: string, init: RequestInit) => app.request(`${config.publicUrl.origin}${path}`, init);
  const cookie = await signIn(request, email);
  const today = async () => {
    seen.length = 0;
    const res = await request('/api/v1/today', { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /today answered ${res.status}`);
    await res.arrayBuffer();
  };
  // The first look of a day may store the day's question (a write to the space): done before counting.
  await today();
  const once = async (): Promise<RequestCost> => {
    opens = 0;
    await today();
    return { queries: [...seen], opens, heapBytes: null };
  };
  // Computed: with the kept days forgotten first; kept: the same day asked again straight after.
  const forget = () => (deps as { homeDays?: { clear(): void } }).homeDays?.clear();
  forget();
  const computed = await once();
  const kept = await once();
  // Allocations: a day kept, then a day computed each time (the kept days forgotten before each).
  kept.heapBytes = await heapBytesPer(today);
  computed.heapBytes = await heapBytesPer(async () => {
    forget();
    await today();
  });
  await deps.events?.close?.();
  await db.destroy();
  return { computed, kept };
}
