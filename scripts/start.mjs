// `npm start`: builds what is missing or out of date, then starts the server.
// - The web app (vite) when it has not been built, or always with ATTUNE_BUILD_WEB=always.
// - The server, compiled ahead of time to dist/server (tsc -p tsconfig.build.json) when it is
//   missing or older than any file in src/, or always with ATTUNE_BUILD_SERVER=always: compiled
//   JavaScript starts in about half the time of tsx and idles in less memory.
// ATTUNE_RUN_SOURCE=1 runs src/main.ts through tsx instead (the browser tests do, like development).
// Plain Node so it runs straight after `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(what, args) {
  console.log(`Building ${what} (once)…`);
  const build = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** The newest modification time of the server's sources (tests excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const webBuilt = existsSync(join(root, 'dist', 'web', 'index.html'));
if (!webBuilt || process.env.ATTUNE_BUILD_WEB === 'always') {
  run('the web app', [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}

const fromSource = process.env.ATTUNE_RUN_SOURCE === '1';
const compiled = join(root, 'dist', 'server', 'main.js');
// Touched after each build: tsc rewrites only what changed, so main.js's own time says too little.
const stamp = join(root, 'dist', 'server', '.built');
if (!fromSource) {
  const stale = !existsSync(compiled) || !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource(join(root, 'src'));
  if (stale || process.env.ATTUNE_BUILD_SERVER === 'always') {
    run('the server', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')]);
    writeFileSync(stamp, new Date().toISOString());
  }
}
const server = spawn(
  process.execPath,
  fromSource ? ['--import', 'tsx', join(root, 'src', 'main.ts')] : ['--enable-source-maps', compiled],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
