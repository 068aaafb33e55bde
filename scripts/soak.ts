/**
 * A soak: several couples use the real server (src/main.ts) for a while the way two partners would:
 * each person keeps a live event stream open and, with a pause between actions, reads today and
 * their lists, checks in, answers their partner's check-in, marks their commitment and writes needs
 * (writes carry an Idempotency-Key). It reports errors (goal 0), the p99 per route and the server's
 * memory (RSS) over time, first minute against last, as a table and as JSON.
 *
 *   npm run soak -- --minutes 10 [--db sqlite|postgres] [--couples 3]
 *
 * On PostgreSQL it makes a fresh database on the server named by TEST_DATABASE_URL (or DATABASE_URL),
 * a role with CREATEDB, and drops it afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKIN_LIMITS } from '../src/domain/checkins.js';
import { freePort, freshPostgresDatabase, freshSecrets, type ServerProcess, startServer, waitUntilReady } from './crash-loop.js';

interface Person {
  name: string;
  cookie: string;
  partner: Person | null;
  commitmentId: string | null;
  checkinId: string | null;
  /** Replies this person has sent to each of the partner's check-ins: a person stops at the limit. */
  repliesSent: Map<string, number>;
}

interface Sample {
  route: string;
  ms: number;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : 0;

export interface SoakReport {
  db: 'sqlite' | 'postgres';
  minutes: number;
  couples: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  routes: { route: string; count: number; errors: number; p50: number; p99: number; max: number }[];
  rss: { atSeconds: number; mb: number }[];
  rssFirstMinuteMb: number | null;
  rssLastMinuteMb: number | null;
}

export async function runSoak(options: {
  minutes: number;
  db: 'sqlite' | 'postgres';
  couples?: number;
  databaseUrl?: string;
  log?: (line: string) => void;
}): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const couples = options.couples ?? 3;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let dataDir: string | null = null;
  const env: Record<string, string> = { RATE_LIMIT_PER_ADDRESS: '1000000' };
  if (options.db === 'postgres') {
    if (!options.databaseUrl) throw new Error('runSoak on PostgreSQL needs databaseUrl');
    Object.assign(env, freshSecrets(), { DATABASE_URL: options.databaseUrl });
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'attune-soak-'));
    env.DATA_DIR = dataDir;
  }
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  const rss: { atSeconds: number; mb: number }[] = [];
  const streams: AbortController[] = [];
  let server: ServerProcess | null = null;

  const call = async (
    person: Person | null,
    method: string,
    route: string,
    path: string,
    body?: unknown,
    expect: number[] = [200, 201, 204],
  ): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = { origin: base };
    if (person) headers.cookie = person.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['idempotency-key'] = randomUUID();
    const started = performance.now();
    try {
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const ok = expect.includes(res.status);
      samples.push({ route: `${method} ${route}`, ms: performance.now() - started, ok });
      if (!ok && errorSamples.length < 20) errorSamples.push(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      if (person && !person.cookie && res.headers.getSetCookie().length) {
        person.cookie = res.headers
          .getSetCookie()
          .map((l) => l.split(';')[0])
          .join('; ');
      }
      return { status: res.status, json: text ? JSON.parse(text) : null };
    } catch (err) {
      samples.push({ route: `${method} ${route}`, ms: performance.now() - started, ok: false });
      if (errorSamples.length < 20) errorSamples.push(`${method} ${path}: ${(err as Error).message}`);
      return { status: 0, json: null };
    }
  };

  const openStream = (person: Person) => {
    const controller = new AbortController();
    streams.push(controller);
    void (async () => {
      while (!controller.signal.aborted) {
        try {
          const res = await fetch(`${base}/api/v1/events`, {
            headers: { cookie: person.cookie, accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (res.status !== 200) {
            samples.push({ route: 'GET /api/v1/events', ms: 0, ok: false });
            errorSamples.push(`events: ${res.status}`);
            await sleep(1000);
            continue;
          }
          const reader = (res.body as ReadableStream<Uint8Array>).getReader();
          for (;;) {
            const { done } = await reader.read();
            if (done) break;
          }
        } catch {
          if (controller.signal.aborted) return;
          samples.push({ route: 'GET /api/v1/events', ms: 0, ok: false });
          await sleep(1000);
        }
      }
    })();
  };

  try {
    server = startServer(port, env);
    await waitUntilReady(base, server);
    const startedAt = Date.now();
    const pid = server.child.pid;
    const sampler = setInterval(() => {
      const mb = rssMb(pid);
      if (mb !== null) rss.push({ atSeconds: Math.round((Date.now() - startedAt) / 1000), mb });
    }, 5000);

    const people: Person[] = [];
    for (let c = 0; c < couples; c++) {
      const pair: Person[] = [];
      for (const name of ['Noor', 'Sam']) {
        const person: Person = {
          name: `${name}${c}`,
          cookie: '',
          partner: null,
          commitmentId: null,
          checkinId: null,
          repliesSent: new Map(),
        };
        const res = await call(person, 'POST', '/api/v1/auth/signup', '/api/v1/auth/signup', {
          email: `${name.toLowerCase()}${c}.${randomBytes(4).toString('hex')}@example.org`,
          password: 'a long and private phrase',
          name,
          timeZone: 'Europe/London',
        });
        if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${errorSamples.join(' | ')}`);
        pair.push(person);
      }
      const [a, b] = pair as [Person, Person];
      const invite = await call(a, 'POST', '/api/v1/space/invites', '/api/v1/space/invites');
      const token = (invite.json as { token: string }).token;
      await call(b, 'POST', '/api/v1/invites/:token/accept', `/api/v1/invites/${token}/accept`);
      a.partner = b;
      b.partner = a;
      for (const p of pair) {
        const made = await call(p, 'POST', '/api/v1/commitments', '/api/v1/commitments', {
          agreementId: null,
          what: `Ask how the day went ${randomBytes(3).toString('hex')}`,
          schedule: { kind: 'daily', by: '21:00' },
          startsOn: today(),
        });
        p.commitmentId = (made.json as { id?: string } | null)?.id ?? null;
        openStream(p);
        people.push(p);
      }
    }

    const deadline = startedAt + options.minutes * 60_000;
    const actions: [number, (p: Person) => Promise<unknown>][] = [
      [30, (p) => call(p, 'GET', '/api/v1/today', '/api/v1/today')],
      [8, (p) => call(p, 'GET', '/api/v1/needs', '/api/v1/needs')],
      [8, (p) => call(p, 'GET', '/api/v1/drafts', '/api/v1/drafts')],
      [8, (p) => call(p, 'GET', '/api/v1/log/today', '/api/v1/log/today')],
      [6, (p) => call(p, 'GET', '/api/v1/checkins', '/api/v1/checkins')],
      [
        10,
        async (p) => {
          const res = await call(p, 'PUT', '/api/v1/checkins/:date', `/api/v1/checkins/${today()}`, {
            connected: 1 + Math.floor(Math.random() * 10),
            heard: 1 + Math.floor(Math.random() * 10),
            mood: 'hopeful',
            line: `A good enough day ${randomBytes(3).toString('hex')}`,
            visibility: 'couple',
          });
          p.checkinId = (res.json as { id?: string } | null)?.id ?? p.checkinId;
        },
      ],
      [
        8,
        (p) => {
          // The screen offers a reply only while the check-in has room for one; so does this driver.
          const checkinId = p.partner?.checkinId;
          const sent = checkinId ? (p.repliesSent.get(checkinId) ?? 0) : 0;
          if (!checkinId || sent >= CHECKIN_LIMITS.repliesPerCheckin) return call(p, 'GET', '/api/v1/today', '/api/v1/today');
          p.repliesSent.set(checkinId, sent + 1);
          return call(p, 'POST', '/api/v1/checkins/:id/replies', `/api/v1/checkins/${checkinId}/replies`, {
            kind: 'note',
            text: `Thank you for telling me ${randomBytes(3).toString('hex')}`,
          });
        },
      ],
      [
        10,
        (p) =>
          p.commitmentId
            ? call(
                p,
                'PUT',
                '/api/v1/commitments/:id/occurrences/:key/mark',
                `/api/v1/commitments/${p.commitmentId}/occurrences/${today()}/mark`,
                { status: 'done' },
              )
            : call(p, 'GET', '/api/v1/today', '/api/v1/today'),
      ],
      [
        8,
        (p) =>
          call(p, 'POST', '/api/v1/needs', '/api/v1/needs', {
            text: `I would love an evening without phones ${randomBytes(3).toString('hex')}`,
          }),
      ],
      [4, (p) => call(p, 'GET', '/api/v1/space', '/api/v1/space')],
    ];
    const totalWeight = actions.reduce((sum, [w]) => sum + w, 0);
    const pick = () => {
      let r = Math.random() * totalWeight;
      for (const [w, action] of actions) {
        r -= w;
        if (r < 0) return action;
      }
      return (actions[0] as [number, (p: Person) => Promise<unknown>])[1];
    };
    let lastLog = Date.now();
    await Promise.all(
      people.map(async (p) => {
        while (Date.now() < deadline) {
          await pick()(p);
          await sleep(200 + Math.random() * 800);
          if (Date.now() - lastLog > 30_000) {
            lastLog = Date.now();
            log(`${Math.round((Date.now() - startedAt) / 1000)} s: ${samples.length} requests, rss ${rss.at(-1)?.mb ?? '?'} MB`);
          }
        }
      }),
    );
    clearInterval(sampler);
    for (const s of streams) s.abort();

    const byRoute = new Map<string, Sample[]>();
    for (const s of samples) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
    const routes = [...byRoute.entries()]
      .map(([route, list]) => {
        const times = list
          .filter((s) => s.ms > 0)
          .map((s) => s.ms)
          .sort((x, y) => x - y);
        return {
          route,
          count: list.length,
          errors: list.filter((s) => !s.ok).length,
          p50: Math.round(percentile(times, 50)),
          p99: Math.round(percentile(times, 99)),
          max: Math.round(times.at(-1) ?? 0),
        };
      })
      .sort((x, y) => y.count - x.count);
    const lastAt = rss.at(-1)?.atSeconds ?? 0;
    const avg = (list: { mb: number }[]) =>
      list.length ? Math.round((list.reduce((s, r) => s + r.mb, 0) / list.length) * 10) / 10 : null;
    return {
      db: options.db,
      minutes: options.minutes,
      couples,
      requests: samples.length,
      errors: samples.filter((s) => !s.ok).length,
      errorSamples,
      routes,
      rss,
      rssFirstMinuteMb: avg(rss.filter((r) => r.atSeconds <= 60)),
      rssLastMinuteMb: avg(rss.filter((r) => r.atSeconds >= lastAt - 60)),
    };
  } catch (err) {
    if (server) (err as Error).message += `\nserver output:\n${server.output()}`;
    throw err;
  } finally {
    for (const s of streams) s.abort();
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

export function describeSoak(r: SoakReport): string {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lines = [
    `database ${r.db}, ${r.minutes} min, ${r.couples} couples: ${r.requests} requests, ${r.errors} errors`,
    '',
    `${pad('route', 52)}${pad('count', 8)}${pad('errors', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}max ms`,
    ...r.routes.map((x) => `${pad(x.route, 52)}${pad(x.count, 8)}${pad(x.errors, 8)}${pad(x.p50, 8)}${pad(x.p99, 8)}${x.max}`),
    '',
    `server RSS: first minute ${r.rssFirstMinuteMb ?? '?'} MB, last minute ${r.rssLastMinuteMb ?? '?'} MB`,
    ...(r.errorSamples.length ? ['', 'errors seen:', ...r.errorSamples] : []),
  ];
  return lines.join('\n');
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const minutes = Number(arg('minutes') ?? 10);
  const couples = Number(arg('couples') ?? 3);
  const db = (arg('db') ?? 'sqlite') as 'sqlite' | 'postgres';
  if (!(minutes > 0)) throw new Error('--minutes must be a number above 0');
  if (!Number.isInteger(couples) || couples < 1) throw new Error('--couples must be a whole number, 1 or more');
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  let fresh: { url: string; drop: () => Promise<void> } | null = null;
  if (db === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('--db postgres needs TEST_DATABASE_URL (a role with CREATEDB)');
    fresh = await freshPostgresDatabase(adminUrl);
  }
  try {
    const report = await runSoak({ minutes, db, couples, databaseUrl: fresh?.url, log: (l) => console.log(l) });
    console.log(`\n${describeSoak(report)}\n`);
    console.log(JSON.stringify(report));
    process.exitCode = report.errors === 0 ? 0 : 1;
  } finally {
    await fresh?.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
