/**
 * A backup taken before an erasure still holds the person; restoring it must not bring them back
 * (decision 025). As the README's Backups section says: the operator exports the list of erased
 * people from the database in use (`src/cli/erasures.ts export`), restores the backup with
 * `src/cli/restore.ts FILE --erasures <list>`, and every start applies the list again before anything
 * is served. The backup is made with the backup command's own writeBackup while the app runs.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { boot } from '../../src/boot.js';
import { restoreBackup, writeBackup } from '../../src/cli/backup-file.js';
import { type Config, loadConfig } from '../../src/config/env.js';
import { generateVapidPair } from '../../src/crypto/vapid.js';
import { createDatabase, type DatabaseTarget } from '../../src/db/database.js';
import { ManualClock } from '../../src/shared/clock.js';
import { adminUrl, dropDatabase, quoteIdent, urlForDatabase, withAdmin } from '../support/pg.js';
import { type Person, TestClient } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const vapid = generateVapidPair();
const env = {
  LOG_LEVEL: 'silent',
  ATTUNE_FAST_HASHING: '1',
  PUBLIC_URL: 'http://localhost:3000',
  MASTER_KEY: randomBytes(32).toString('base64'),
  SESSION_SECRET: randomBytes(32).toString('base64'),
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
};

let live: TestDatabase;
let dataDir: string;
let backupFile: string;
const drops: (() => Promise<void>)[] = [];
const clock = new ManualClock(new Date('2026-11-16T09:00:00.000Z'));

const configFor = (url: string): Config => loadConfig({ ...env, DATA_DIR: dataDir, DATABASE_URL: url });

/** Attune started on a database as a process would start it: migrations, then the list applied. */
async function start(url: string) {
  const deps = await boot(configFor(url), { clock, db: createDatabase(configFor(url).database) });
  const app = createApp(deps);
  return { deps, client: (label: string) => new TestClient(app, label) };
}

async function signUp(client: TestClient, name: string): Promise<Person> {
  const email = `${name.toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`;
  const password = 'a long and private phrase';
  const res = await client.call('auth.signup', { body: { email, password, name, timeZone: 'Europe/London' } });
  expect(res.status, res.text).toBe(201);
  return { client, id: res.body.id, email, name, password };
}

/** The operator's command, run as the docs say, against the database at `url`. */
async function erasuresCli(url: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/erasures.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATA_DIR: dataDir, DATABASE_URL: url },
  });
}

/** A new, empty database of the kind this project runs on, named so this run's teardown sweeps it. */
async function emptyTarget(): Promise<DatabaseTarget> {
  if (live.kind === 'sqlite') return { kind: 'sqlite', url: join(dataDir, `restored-${randomBytes(3).toString('hex')}.sqlite`) };
  const name = `attune_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)}`));
  drops.push(() => withAdmin((admin) => dropDatabase(admin, name)));
  return { kind: 'postgres', url: urlForDatabase(adminUrl(), name) };
}

/** The restore command, run as the README says, into an empty database. */
async function restoreCli(target: DatabaseTarget, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', backupFile, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATA_DIR: dataDir, DATABASE_URL: target.url, REMINDER_INTERVAL_SECONDS: '0' },
  });
}

let a: Person;
let b: Person;
let restoredUrl: string;
let withoutListUrl: string;
let listFile: string;
const words = `Restore canary ${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  live = await createTestDatabase();
  await live.db.destroy();
  dataDir = await mkdtemp(join(tmpdir(), 'attune-restore-'));

  // A couple writes; then the backup is taken.
  const first = await start(live.target.url);
  a = await signUp(first.client('a'), 'Ayla');
  b = await signUp(first.client('b'), 'Bryn');
  const invite = await a.client.call('spaces.invites.create');
  expect((await b.client.call('spaces.invites.accept', { params: { token: invite.body.token } })).status).toBe(200);
  const commitment = await a.client.call('commitments.create', {
    body: { agreementId: null, what: 'Ayla keeps this promise', schedule: { kind: 'daily', by: null }, startsOn: '2026-11-16' },
  });
  expect(commitment.status, commitment.text).toBe(201);
  expect((await b.client.call('journal.create', { body: { text: words } })).status).toBe(201);
  // The backup, made while Attune runs, before anyone is erased.
  backupFile = join(dataDir, 'before.backup');
  await writeBackup(live.target, first.deps.secrets.masterKey, backupFile);
  await first.deps.db.destroy();

  // Later, on the live database, b erases their account.
  clock.advance(60_000);
  const second = await start(live.target.url);
  const bAgain = second.client('b again');
  expect((await bAgain.call('auth.login', { body: { email: b.email, password: b.password } })).status).toBe(200);
  expect((await bAgain.call('auth.reauth', { body: { password: b.password } })).status).toBe(204);
  expect((await bAgain.call('account.erase')).status).toBe(204);
  await second.deps.db.destroy();
}, 120_000);

afterAll(async () => {
  for (const drop of drops) await drop().catch(() => undefined);
  await live?.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('restoring a backup taken before an erasure', () => {
  it('still holds the person when it is restored without the list (what the README warns about)', async () => {
    const target = await emptyTarget();
    withoutListUrl = target.url;
    await restoreBackup(target, Buffer.from(env.MASTER_KEY, 'base64'), backupFile);
    const db = createDatabase(target);
    try {
      expect(await db.selectFrom('users').select('id').where('id', '=', b.id).execute()).toEqual([{ id: b.id }]);
      expect(await db.selectFrom('erased_people').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  }, 60_000);

  it('takes the list from the live database (ids and dates only) into the restored one, which then starts without the person', async () => {
    const exported = await erasuresCli(live.target.url, 'export');
    const list = JSON.parse(exported.stdout);
    expect(list).toEqual({ erased: [{ userId: b.id, erasedAt: expect.any(String) }] });
    expect(exported.stdout).not.toContain(b.email);
    listFile = join(dataDir, 'erased-people.json');
    await writeFile(listFile, exported.stdout);
    const target = await emptyTarget();
    restoredUrl = target.url;
    const restoring = await restoreCli(target, '--erasures', listFile);
    expect(restoring.stdout).toContain('Applied 1 erasure(s)');

    const restored = await start(restoredUrl);
    try {
      const db = restored.deps.db;
      expect(await db.selectFrom('users').select('id').where('id', '=', b.id).execute()).toEqual([]);
      expect(await db.selectFrom('journal_entries').select('id').where('user_id', '=', b.id).execute()).toEqual([]);
      // b cannot sign in; a can, keeps their commitment and sees only the neutral notice.
      const bTries = restored.client('b tries');
      expect((await bTries.call('auth.login', { body: { email: b.email, password: b.password } })).status).toBe(401);
      const aBack = restored.client('a back');
      expect((await aBack.call('auth.login', { body: { email: a.email, password: a.password } })).status).toBe(200);
      const space = await aBack.call('spaces.get');
      expect(space.body).toMatchObject({ partner: null, notice: { kind: 'partner-left' } });
      expect(space.text).not.toContain('Bryn');
      const commitments = await db.selectFrom('commitments').select(['author_id', 'receiver_id']).execute();
      expect(commitments).toEqual([{ author_id: a.id, receiver_id: b.id }]);
    } finally {
      await restored.deps.db.destroy();
    }
  }, 60_000);

  it('applies the list at every start, and a second start changes nothing', async () => {
    const again = await start(restoredUrl);
    try {
      const { applyErasures } = await import('../../src/features/account/erasure.service.js');
      expect(await applyErasures(again.deps)).toBe(0);
      expect(await again.deps.db.selectFrom('erased_people').select('user_id').execute()).toEqual([{ user_id: b.id }]);
    } finally {
      await again.deps.db.destroy();
    }
  });

  it('takes the list into a database restored some other way with `erasures import`', async () => {
    const imported = await erasuresCli(withoutListUrl, 'import', listFile);
    expect(imported.stderr).toContain('1 id(s) added to the list; 1 person(s) erased again.');
    const db = createDatabase({ kind: live.kind, url: withoutListUrl });
    try {
      expect(await db.selectFrom('users').select('id').where('id', '=', b.id).execute()).toEqual([]);
      expect(await db.selectFrom('users').select('id').where('id', '=', a.id).execute()).toEqual([{ id: a.id }]);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
