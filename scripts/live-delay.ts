/**
 * How long a change takes to reach the partner's open page, measured in a real browser: three Attune
 * processes on one PostgreSQL database behind Debian's nginx (the three-process test's harness,
 * tests/support/nginx-cluster.ts), two partners each in their own Chromium context on nginx's address.
 * One page writes an appreciation (fetch from the page); the other page's own live stream (the
 * app's EventSource, watched from the page) receives the event. The delay is from just before the
 * write is sent to the moment the event reaches the other page, both read from the browser's clock.
 * Printed as figures (p50, p95, max), split by whether the write was answered by the process holding
 * the other page's stream or by another one. The issue's goal is p95 ≤ 250 ms; nothing is asserted.
 *
 *   TEST_DATABASE_URL=postgres://attune_test:attune_test@127.0.0.1:5432/attune_test \
 *     flock /tmp/attune-browser.lock node --import tsx scripts/live-delay.ts [--changes 50] [--json FILE]
 *
 * A fresh database is made on that server (a role with CREATEDB) and dropped afterwards. Needs the
 * built web app (dist/web; built here when missing), Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
 * and nginx (installed when missing, as root on Debian).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startNginxCluster } from '../tests/support/nginx-cluster.js';
import { freshPostgresDatabase } from './crash-loop.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Sample {
  delayMs: number;
  writeMs: number;
  writeProcess: string;
  crossProcess: boolean | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

function figures(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '-');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const changes = Number(arg('changes') ?? 50);
  if (!Number.isInteger(changes) || changes < 1) throw new Error('--changes must be a whole number, 1 or more');
  const jsonFile = arg('json');
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl?.startsWith('postgres')) throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (a role with CREATEDB)');
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) {
    console.log('building the web app (vite build)');
    const built = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('vite build failed');
  }

  const database = await freshPostgresDatabase(adminUrl);
  let cluster: Awaited<ReturnType<typeof startNginxCluster>> | null = null;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    cluster = await startNginxCluster({
      databaseUrl: database.url,
      env: { RATE_LIMIT_PER_ADDRESS: '1000000' },
      log: (line) => console.log(line),
    });
    const url = cluster.url;
    const upstreamName = (addr: string | null | undefined) => {
      const last = addr?.split(',').at(-1)?.trim();
      const p = cluster?.processes.find((x) => x.upstream === last);
      return p ? `process ${p.index + 1}` : String(addr);
    };

    // The two partners, each in a browser context of their own, signed up and joined through nginx.
    const ctxA = await browser.newContext({ baseURL: url, locale: 'en-GB', timezoneId: 'Europe/London' });
    const ctxB = await browser.newContext({ baseURL: url, locale: 'en-GB', timezoneId: 'Europe/London' });
    const signUp = async (ctx: typeof ctxA, name: string) => {
      const res = await ctx.request.post('/api/v1/auth/signup', {
        headers: { origin: url },
        data: {
          email: `${name.toLowerCase()}.${Date.now().toString(36)}@example.org`,
          password: 'a long and private phrase',
          name,
          timeZone: 'Europe/London',
        },
      });
      if (res.status() !== 201) throw new Error(`sign-up answered ${res.status()} ${await res.text()}`);
    };
    await signUp(ctxA, 'Ash');
    await signUp(ctxB, 'Birch');
    const invite = await ctxA.request.post('/api/v1/space/invites', { headers: { origin: url } });
    const { token } = (await invite.json()) as { token: string };
    const accepted = await ctxB.request.post(`/api/v1/invites/${token}/accept`, { headers: { origin: url } });
    if (accepted.status() !== 200) throw new Error(`accept answered ${accepted.status()}`);

    // Page B watches its own live stream: every EventSource the app makes records what arrives, and
    // when, on the browser's clock (performance.timeOrigin + performance.now(), the same clock page A reads).
    await ctxB.addInitScript(() => {
      const w = window as unknown as {
        __live: { at: number; kind: string; data: string; id: string }[];
        __opens: number;
        EventSource: typeof EventSource;
      };
      w.__live = [];
      w.__opens = 0;
      const Native = w.EventSource;
      const kinds = ['appreciation.added', 'space.changed'];
      w.EventSource = class extends Native {
        constructor(src: string | URL, init?: EventSourceInit) {
          super(src, init);
          this.addEventListener('open', () => {
            w.__opens += 1;
          });
          for (const kind of kinds) {
            this.addEventListener(kind, (e) => {
              const m = e as MessageEvent<string>;
              w.__live.push({ at: performance.timeOrigin + performance.now(), kind, data: m.data, id: m.lastEventId });
            });
          }
        }
      } as typeof EventSource;
    });
    const pageA = await ctxA.newPage();
    const pageB = await ctxB.newPage();
    await pageA.goto('/');
    await pageB.goto('/');
    await pageB.waitForFunction(() => (window as unknown as { __opens: number }).__opens > 0, undefined, { timeout: 30_000 });

    const write = (text: string) =>
      pageA.evaluate(
        async (body) => {
          const started = performance.timeOrigin + performance.now();
          const res = await fetch('/api/v1/appreciations', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
            body: JSON.stringify(body),
          });
          const answered = performance.timeOrigin + performance.now();
          const json = (await res.json()) as { id?: string };
          return { status: res.status, id: json.id ?? '', started, answered, upstream: res.headers.get('x-attune-upstream') };
        },
        { text, on: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()) },
      );
    const arrival = (id: string) =>
      pageB
        .waitForFunction(
          (subject) => {
            const live = (window as unknown as { __live: { at: number; data: string }[] }).__live;
            const hit = live.find((e) => (JSON.parse(e.data) as { subjectId?: string }).subjectId === subject);
            return hit ? hit.at : null;
          },
          id,
          { timeout: 30_000, polling: 10 },
        )
        .then((handle) => handle.jsonValue() as Promise<number>);

    // Settle: one change first, so page B's stream is the one that stays (a stream opened while the
    // couple joined may be closed by that news and reconnect).
    const first = await write('Thank you for settling in');
    if (first.status !== 201) throw new Error(`a write answered ${first.status}`);
    await arrival(first.id);
    const opensBefore = await pageB.evaluate(() => (window as unknown as { __opens: number }).__opens);

    const samples: (Sample & { started: number })[] = [];
    for (let i = 0; i < changes; i++) {
      const w = await write(`Thank you, number ${i + 1}`);
      if (w.status !== 201) throw new Error(`a write answered ${w.status}`);
      const at = await arrival(w.id);
      samples.push({
        delayMs: at - w.started,
        writeMs: w.answered - w.started,
        writeProcess: upstreamName(w.upstream),
        crossProcess: null,
        started: w.started,
      });
    }
    const opensAfter = await pageB.evaluate(() => (window as unknown as { __opens: number }).__opens);

    // Which process held page B's stream: nginx logs a stream when it ends, so close page B and read
    // the line that appears.
    const logBefore = (await cluster.accessLog()).split('\n').length;
    await ctxB.close();
    let streamProcess: string | null = null;
    for (let waited = 0; waited < 5000 && !streamProcess; waited += 100) {
      const lines = (await cluster.accessLog()).split('\n').slice(logBefore - 1);
      const line = lines.find((l) => / GET \/api\/v1\/events /.test(l));
      if (line) streamProcess = upstreamName(line.trim().split(' ').at(-1));
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const s of samples) s.crossProcess = streamProcess ? s.writeProcess !== streamProcess : null;
    await ctxA.close();

    const all = figures(samples.map((s) => s.delayMs));
    const cross = figures(samples.filter((s) => s.crossProcess === true).map((s) => s.delayMs));
    const same = figures(samples.filter((s) => s.crossProcess === false).map((s) => s.delayMs));
    const writes = figures(samples.map((s) => s.writeMs));
    const perProcess = new Map<string, number>();
    for (const s of samples) perProcess.set(s.writeProcess, (perProcess.get(s.writeProcess) ?? 0) + 1);
    console.log('');
    console.log(`live update delay in Chromium, three processes behind nginx on PostgreSQL (${changes} changes)`);
    console.log(
      `  page B's stream on          ${streamProcess ?? 'unknown'} (reconnects during the run: ${opensAfter - opensBefore})`,
    );
    console.log(`  writes answered by          ${[...perProcess].map(([p, n]) => `${p}: ${n}`).join(', ')}`);
    console.log(`  delay, all changes          p50 ${ms(all.p50)}  p95 ${ms(all.p95)}  max ${ms(all.max)}  (goal p95 ≤ 250 ms)`);
    console.log(`  delay, write on another process  p50 ${ms(cross.p50)}  p95 ${ms(cross.p95)}  (${cross.count})`);
    console.log(`  delay, write on the same process p50 ${ms(same.p50)}  p95 ${ms(same.p95)}  (${same.count})`);
    console.log(`  write answered after        p50 ${ms(writes.p50)}  p95 ${ms(writes.p95)}`);
    if (jsonFile) {
      await writeFile(
        jsonFile,
        `${JSON.stringify({ changes, streamProcess, all, cross, same, writes, samples, reconnects: opensAfter - opensBefore }, null, 2)}\n`,
      );
    }
  } catch (err) {
    if (cluster) console.error(await cluster.diagnostics());
    throw err;
  } finally {
    await browser.close().catch(() => undefined);
    await cluster?.stop();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
