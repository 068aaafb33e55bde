/**
 * Three (or more) real Attune processes (src/main.ts, started as scripts/crash-loop.ts starts them)
 * on one PostgreSQL database, behind Debian's nginx with round robin: the shape docs/DEPLOYMENT.md
 * describes for a deployment with several processes, with plain HTTP on 127.0.0.1 instead of TLS.
 *
 * - nginx is installed when it is missing (`apt-get install -y nginx`, as root on Debian, once), and
 *   runs with a configuration of its own in a temporary folder (`nginx -p <dir> -c <dir>/nginx.conf
 *   -e <dir>/error.log -g 'daemon off;'`), as a child of this process, on a free port; it never reads
 *   or touches the system's configuration and is stopped by its process id.
 * - Every Attune process gets the same secrets, DATABASE_URL, PUBLIC_URL (nginx's address, so the
 *   origin check passes for requests through nginx) and TRUST_PROXY=1 (nginx appends the client's
 *   address to X-Forwarded-For; Attune takes the rightmost entry).
 * - The configuration is the one the guide shows (`nginxSiteConfig`), plus, for tests only, a response
 *   header naming the upstream that answered (`X-Attune-Upstream`, added by nginx, not by Attune).
 *
 * Ports are picked free in the 39000-39999 range. `stop()` ends nginx and every process it started,
 * each by its pid; nothing else is touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshSecrets, type ServerProcess, startServer, waitUntilReady } from '../../scripts/crash-loop.js';
import { nginxSiteConfig } from './nginx-config.js';
import { EventStreamReader, type StreamEvent } from './test-app.js';

/** The response header nginx adds in the test configuration: which upstream answered (127.0.0.1:port). */
export const UPSTREAM_HEADER = 'x-attune-upstream';

const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/usr/local/nginx/sbin/nginx'];

function findNginx(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'nginx'))) return join(dir, 'nginx');
  }
  return NGINX_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function debianLike(): boolean {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(text);
  } catch {
    return false;
  }
}

/**
 * The nginx binary, installed from Debian when missing (root only). Idempotent: a second call finds
 * it. The package's own service is not started by this (Debian's policy-rc.d in containers), and if
 * an install did start it, that daemon is stopped again by the pid it wrote.
 */
export function ensureNginx(log: (line: string) => void = () => undefined): string {
  const found = findNginx();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !debianLike()) {
    throw new Error(
      'The three-process test needs nginx, which is not installed. Install it (Debian: sudo apt-get install -y nginx) ' +
        'or run the tests as root on Debian, where the test installs it itself.',
    );
  }
  const hadSystemPid = existsSync('/run/nginx.pid');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log("nginx is missing: installing Debian's nginx (apt-get)");
  let install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
  }
  // Only a daemon this install started (no pid file before, one now) is stopped, by that pid.
  if (!hadSystemPid && existsSync('/run/nginx.pid')) {
    const pid = Number(readFileSync('/run/nginx.pid', 'utf8').trim());
    if (Number.isInteger(pid) && pid > 1) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
  }
  const installed = findNginx();
  if (install.status !== 0 || !installed) throw new Error('`apt-get install -y nginx` failed; install nginx by hand');
  return installed;
}

/** A free TCP port on 127.0.0.1 in [from, to], tried in a random order. */
export async function freePortIn(from = 39000, to = 39999, avoid: ReadonlySet<number> = new Set()): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (avoid.has(port)) continue;
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

function nginxConfig(prefix: string, listenPort: number, upstreamPorts: readonly number[]): string {
  const site = nginxSiteConfig({
    upstreams: upstreamPorts.map((p) => `127.0.0.1:${p}`),
    listen: `127.0.0.1:${listenPort}`,
    extra: ['add_header X-Attune-Upstream $upstream_addr always;   # tests only: which process answered'],
  })
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n');
  return `# Written by tests/support/nginx-cluster.ts for one test run; removed when it stops.
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;

events {
    worker_connections 1024;
}

http {
    log_format attune '$msec $request_method $request_uri $status $upstream_addr';
    access_log ${prefix}/access.log attune;
    client_body_temp_path ${prefix}/tmp/body;
    proxy_temp_path ${prefix}/tmp/proxy;
    fastcgi_temp_path ${prefix}/tmp/fastcgi;
    uwsgi_temp_path ${prefix}/tmp/uwsgi;
    scgi_temp_path ${prefix}/tmp/scgi;
    types {
        text/html html;
    }
    default_type application/octet-stream;

${site}}
`;
}

export interface AttuneProcess {
  index: number;
  port: number;
  /** http://127.0.0.1:<port>: this process directly, past nginx. */
  base: string;
  /** What nginx puts in X-Attune-Upstream for this process. */
  upstream: string;
  server: ServerProcess;
  alive: boolean;
}

export interface NginxCluster {
  /** http://127.0.0.1:<port> of nginx: PUBLIC_URL of every process. */
  url: string;
  processes: AttuneProcess[];
  nginxPid: number;
  /** The temporary folder holding nginx.conf, its logs and pid file. */
  prefix: string;
  /** The process that answered through nginx, from the X-Attune-Upstream header (undefined: none). */
  processOf(res: Response): AttuneProcess | undefined;
  /** Ends one Attune process with a signal (default SIGKILL) and waits for it to exit. */
  kill(index: number, signal?: NodeJS.Signals): Promise<void>;
  /** nginx's access log so far: `<msec> <method> <uri> <status> <upstream_addr>` per line. */
  accessLog(): Promise<string>;
  /** Output of every process (last 20,000 characters each) and nginx's error log, for failure messages. */
  diagnostics(): Promise<string>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** A PostgreSQL database of its own (migrated or empty: the first process migrates it). */
  databaseUrl: string;
  processes?: number;
  /** Added to every process's environment (e.g. REMINDER_INTERVAL_SECONDS, RATE_LIMIT_*). */
  env?: Record<string, string>;
  /** MASTER_KEY, SESSION_SECRET, VAPID_*: fresh unless given (a migrated database with sealed data needs its own). */
  secrets?: Record<string, string>;
  log?: (line: string) => void;
}

async function waitForExit(child: ReturnType<typeof spawn>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startNginxCluster(options: ClusterOptions): Promise<NginxCluster> {
  const log = options.log ?? (() => undefined);
  const count = options.processes ?? 3;
  const nginxBin = ensureNginx(log);
  const taken = new Set<number>();
  const pick = async () => {
    const port = await freePortIn(39000, 39999, taken);
    taken.add(port);
    return port;
  };
  const nginxPort = await pick();
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(await pick());
  const url = `http://127.0.0.1:${nginxPort}`;
  const env: Record<string, string> = {
    ...(options.secrets ?? freshSecrets()),
    DATABASE_URL: options.databaseUrl,
    PUBLIC_URL: url,
    TRUST_PROXY: '1',
    ...options.env,
  };

  const processes: AttuneProcess[] = [];
  const prefix = await mkdtemp(join(tmpdir(), 'attune-nginx-'));
  let nginx: ReturnType<typeof spawn> | null = null;
  let nginxOut = '';

  const stop = async () => {
    if (nginx) {
      nginx.kill('SIGTERM'); // fast shutdown: open streams are cut, as a restart of the proxy would
      await waitForExit(nginx, 5000);
    }
    await Promise.all(
      processes.map(async (p) => {
        if (!p.alive) return;
        p.server.child.kill('SIGTERM');
        const timer = setTimeout(() => p.server.child.kill('SIGKILL'), 12_000);
        await p.server.exited;
        clearTimeout(timer);
        p.alive = false;
      }),
    );
    await rm(prefix, { recursive: true, force: true });
  };

  try {
    // The first process migrates an empty database on its own; the others start once it is ready.
    const start = async (index: number) => {
      const port = ports[index] as number;
      const base = `http://127.0.0.1:${port}`;
      const server = startServer(port, env);
      const p: AttuneProcess = { index, port, base, upstream: `127.0.0.1:${port}`, server, alive: true };
      processes.push(p);
      void server.exited.then(() => {
        p.alive = false;
      });
      await waitUntilReady(base, server);
      log(`attune process ${index + 1} (pid ${server.child.pid}) ready on ${base}`);
    };
    await start(0);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
    processes.sort((a, b) => a.index - b.index);

    // nginx: the master stays in the foreground as our child; workers may drop to an unprivileged
    // user, so the folder must be readable by them.
    await mkdir(join(prefix, 'tmp'), { recursive: true });
    await chmod(prefix, 0o755);
    await chmod(join(prefix, 'tmp'), 0o777);
    const confFile = join(prefix, 'nginx.conf');
    await writeFile(confFile, nginxConfig(prefix, nginxPort, ports));
    const check = spawnSync(nginxBin, ['-t', '-q', '-p', prefix, '-c', confFile, '-e', join(prefix, 'error.log')], {
      encoding: 'utf8',
    });
    if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
    nginx = spawn(nginxBin, ['-p', prefix, '-c', confFile, '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      nginxOut = (nginxOut + chunk.toString('utf8')).slice(-10_000);
    };
    nginx.stdout?.on('data', keep);
    nginx.stderr?.on('data', keep);
    const nginxProcess = nginx;
    for (;;) {
      if (nginxProcess.exitCode !== null || nginxProcess.signalCode !== null) {
        throw new Error(`nginx exited before it was ready:\n${nginxOut}`);
      }
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    log(`nginx (pid ${nginxProcess.pid}) ready on ${url}, round robin to ${ports.join(', ')}`);
  } catch (err) {
    const details = processes.map((p) => `process ${p.index + 1}:\n${p.server.output()}`).join('\n');
    await stop().catch(() => undefined);
    (err as Error).message += `\n${details}\nnginx:\n${nginxOut}`;
    throw err;
  }

  const nginxChild = nginx as ReturnType<typeof spawn>;
  return {
    url,
    processes,
    nginxPid: nginxChild.pid as number,
    prefix,
    processOf(res) {
      // After a failed attempt nginx lists every upstream it tried ("a:1, b:2"); the last one answered.
      const last = res.headers.get(UPSTREAM_HEADER)?.split(',').at(-1)?.trim();
      return processes.find((p) => p.upstream === last);
    },
    async kill(index, signal = 'SIGKILL') {
      const p = processes[index];
      if (!p?.alive) return;
      p.server.child.kill(signal);
      await p.server.exited;
      p.alive = false;
    },
    async accessLog() {
      return readFile(join(prefix, 'access.log'), 'utf8').catch(() => '');
    },
    async diagnostics() {
      const errors = await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '');
      return [
        ...processes.map(
          (p) => `--- process ${p.index + 1} (${p.upstream}, ${p.alive ? 'alive' : 'gone'}):\n${p.server.output()}`,
        ),
        `--- nginx error.log:\n${errors.slice(-5000)}`,
      ].join('\n');
    },
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// A person over real HTTP: cookies kept, Origin set to the cluster's public address.

export class HttpPerson {
  private readonly cookies = new Map<string, string>();
  id = '';
  email = '';

  constructor(
    readonly name: string,
    /** The origin every process accepts (PUBLIC_URL): nginx's address. */
    readonly origin: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A request to `base` (nginx or one process directly). Throws on network errors. */
  async request(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { origin: this.origin, ...headers };
    if (this.cookies.size > 0) h.cookie = this.cookieHeader();
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers, response: res };
  }

  /** Opens the live stream at `base`; the caller reads it with EventStreamReader. */
  async openStream(base: string, lastEventId?: string): Promise<{ response: Response; controller: AbortController }> {
    const controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream', cookie: this.cookieHeader() };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${base}/api/v1/events`, { headers, signal: controller.signal });
    return { response, controller };
  }
}

export const PASSWORD = 'a long and private phrase';

export async function signUp(base: string, origin: string, name: string): Promise<HttpPerson> {
  const person = new HttpPerson(name, origin);
  const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 10)}@example.org`;
  const res = await person.request(base, 'POST', '/api/v1/auth/signup', {
    email,
    password: PASSWORD,
    name,
    timeZone: 'Europe/London',
  });
  if (res.status !== 201) throw new Error(`sign-up of ${name} answered ${res.status} ${res.text}`);
  person.id = res.body.id;
  person.email = email;
  return person;
}

/** Two partners sharing a space, made through `base`. */
export async function couple(base: string, origin: string, names: [string, string]): Promise<[HttpPerson, HttpPerson]> {
  const a = await signUp(base, origin, names[0]);
  const b = await signUp(base, origin, names[1]);
  const invite = await a.request(base, 'POST', '/api/v1/space/invites');
  if (invite.status !== 201 && invite.status !== 200) throw new Error(`invite answered ${invite.status} ${invite.text}`);
  const accepted = await b.request(base, 'POST', `/api/v1/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status} ${accepted.text}`);
  return [a, b];
}

/** Today in Europe/London (the people above live there): the day an appreciation is about. */
export function londonDay(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

// ---------------------------------------------------------------------------------------------
// A live stream read as a browser's EventSource reads it: when the connection ends (the server
// closed it after a change to the space, or the process behind it died) it connects again at once
// with the last id it saw as Last-Event-ID, until it is closed or a reconnect is refused.

export interface StreamConnection {
  status: number;
  /** The process that answered (through nginx: from its header; directly: the process at that address). */
  process: AttuneProcess | undefined;
  /** The Last-Event-ID it was opened with. */
  lastEventId: string | undefined;
  /** Events this connection delivered (not counting `ready`). */
  delivered: number;
  /** How the connection ended: 'open' while it lasts, 'ended' (clean end), 'cut' (the socket broke). */
  end: 'open' | 'ended' | 'cut';
  /** The last event id received when it ended (over this connection or an earlier one). */
  lastIdAtEnd?: string | undefined;
}

export class LiveStream {
  /** Every event received, over every connection, `ready` left out. */
  readonly events: StreamEvent[] = [];
  readonly connections: StreamConnection[] = [];
  lastId: string | undefined;
  /** The status of a reconnect that was refused (401 after a sign-out), else null. */
  refused: number | null = null;
  private reader: EventStreamReader | null = null;
  private closed = false;

  constructor(
    private readonly person: HttpPerson,
    private readonly cluster: NginxCluster,
    /** Where each connection goes: nginx's address, or one process's. */
    private readonly base: () => string,
  ) {}

  /** The connection open now (the last one made). */
  get current(): StreamConnection | undefined {
    return this.connections.at(-1);
  }

  /** Opens a connection and reads up to its `ready` event. False when the server refused it. */
  async connect(): Promise<boolean> {
    const base = this.base();
    const { response, controller } = await this.person.openStream(base, this.lastId);
    const process =
      base === this.cluster.url ? this.cluster.processOf(response) : this.cluster.processes.find((p) => p.base === base);
    const connection: StreamConnection = {
      status: response.status,
      process,
      lastEventId: this.lastId,
      delivered: 0,
      end: 'open',
    };
    this.connections.push(connection);
    if (response.status !== 200) {
      await response.text().catch(() => '');
      connection.end = 'ended';
      this.refused = response.status;
      return false;
    }
    this.reader = new EventStreamReader(response, controller);
    const ready = await this.reader.next(30_000);
    if (ready?.event !== 'ready') throw new Error(`the stream at ${base} did not start with ready: ${JSON.stringify(ready)}`);
    return true;
  }

  /**
   * Reads (reconnecting as a browser would) until `done` holds for the events received so far, the
   * stream is refused, or `capMs` passes. Answers whether `done` holds.
   */
  async readUntil(done: (events: readonly StreamEvent[]) => boolean, capMs: number): Promise<boolean> {
    const capAt = Date.now() + capMs;
    while (!done(this.events)) {
      if (this.closed || this.refused !== null || Date.now() >= capAt) return false;
      if (!this.reader) {
        if (!(await this.connect())) return false;
        continue;
      }
      let event: StreamEvent | null;
      try {
        event = await this.reader.next(Math.max(1, capAt - Date.now()));
      } catch {
        // The socket broke (nginx cuts the connection when the process behind it dies).
        this.dropConnection('cut');
        continue;
      }
      if (event) {
        this.take(event);
        continue;
      }
      if (this.reader.ended) this.dropConnection('ended');
    }
    return true;
  }

  /** Reads until an event about `subjectId` has arrived; throws after `capMs` with what was read. */
  async waitForSubject(subjectId: string, capMs = 15_000): Promise<StreamEvent> {
    const match = (e: StreamEvent) => subjectOf(e) === subjectId;
    if (!(await this.readUntil((events) => events.some(match), capMs))) {
      throw new Error(
        `no event about ${subjectId} arrived within ${capMs} ms; connections ${JSON.stringify(
          this.connections.map((c) => ({ ...c, process: c.process?.index })),
        )}; events ${JSON.stringify(this.events)}`,
      );
    }
    return this.events.find(match) as StreamEvent;
  }

  /** Reads the current connection until nothing comes for `quietMs` (no reconnect). */
  async drain(quietMs: number): Promise<void> {
    if (!this.reader) return;
    try {
      for (let e = await this.reader.next(quietMs); e; e = await this.reader.next(quietMs)) this.take(e);
    } catch {
      this.dropConnection('cut');
    }
  }

  close(): void {
    this.closed = true;
    this.reader?.close();
    this.reader = null;
  }

  private take(event: StreamEvent): void {
    this.events.push(event);
    if (event.id) this.lastId = event.id;
    const current = this.current;
    if (current) current.delivered += 1;
  }

  private dropConnection(end: 'ended' | 'cut'): void {
    const current = this.current;
    if (current) {
      current.end = end;
      current.lastIdAtEnd = this.lastId;
    }
    this.reader?.close();
    this.reader = null;
  }
}

/** The subjectId an event names (its data carries kind, subjectId and time only). */
export function subjectOf(event: StreamEvent): string | null {
  try {
    return (JSON.parse(event.data || '{}') as { subjectId?: string | null }).subjectId ?? null;
  } catch {
    return null;
  }
}
