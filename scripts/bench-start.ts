// Measures what a newcomer feels first: cold start (process spawn to /healthz answering 200, on a
// fresh SQLite data folder, web app already built) and the gzipped JavaScript the first screen loads.
// Prints figures, never asserts: machines here swing 3-4x, so read the median and compare runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 5);

async function coldStartMs(port: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 30_000) throw new Error('no answer within 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function firstScreenJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const web = join(root, 'dist', 'web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const body = readFileSync(join(web, file));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await coldStartMs(38_700 + i));
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
console.log(
  `cold start to /healthz 200 (fresh SQLite, ${RUNS} runs): median ${median.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`,
);
try {
  const js = firstScreenJs();
  console.log(
    `first screen JavaScript: ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${(js.rawBytes / 1024).toFixed(1)} KB raw) in ${js.files.length} file(s): ${js.files.join(', ')}`,
  );
} catch {
  console.log('first screen JavaScript: web app not built (run npm run build:web)');
}
