import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/boot.js';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { generateVapidPair, loadVapidKeys } from '../../src/crypto/vapid.js';
import { NEUTRAL_PUSH } from '../../src/domain/notification-words.js';
import { sendPush } from '../../src/features/push/push.service.js';
import { type PushService, startPushService } from '../support/push-service.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';
import { type BrowserKeys, decryptWebPush, newBrowserKeys, verifyVapid } from '../support/web-push-decrypt.js';

// Web push, checked up to the push service: a local server stands in for it, and the test holds the
// browser's private key, so it decrypts what Attune sent (RFC 8291) and verifies the VAPID
// signature (RFC 8292) the way a browser and a push service would.

let t: TestApp;
let service: PushService;
const NOW = '2026-03-11T09:00:00.000Z';
const FIREFOX = 'Mozilla/5.0 (Android 14; Mobile; rv:124.0) Gecko/124.0 Firefox/124.0';

beforeAll(async () => {
  [t, service] = await Promise.all([createTestApp(), startPushService()]);
});
beforeEach(() => {
  t.clock.set(NOW);
  service.received.length = 0;
});
afterAll(async () => {
  await Promise.all([t?.close(), service?.close()]);
});

/** A browser: a real P-256 key pair and 16 random auth bytes, subscribed at a fresh endpoint. */
async function turnOn(p: Person, name: string = randomUUID(), extra: Record<string, unknown> = {}) {
  const browser = newBrowserKeys(randomBytes(16));
  const endpoint = service.endpoint(name);
  const res = await p.client.post(
    '/api/v1/push/subscriptions',
    { endpoint, keys: browser.json, ...extra },
    { 'user-agent': FIREFOX },
  );
  expect(res.status, res.text).toBe(201);
  return { browser, endpoint, name, id: res.body.id as string, res };
}

function delivered(name: string) {
  return service.received.filter((r) => r.path === `/push/${name}`);
}

function openPush(body: Buffer, browser: BrowserKeys): unknown {
  return JSON.parse(decryptWebPush(body, browser).toString('utf8'));
}

describe('Push: turning it on for a device', () => {
  it('answers the server key and my devices, named from the browser or by me, newest first', async () => {
    const p = await t.signUp('Pusher');
    const empty = await p.client.get('/api/v1/push');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ publicKey: t.deps.vapid.publicKey, subscriptions: [] });

    const phone = await turnOn(p);
    expect(phone.res.body).toEqual({ id: expect.any(String), device: 'Firefox on Android', createdAt: NOW });
    t.clock.advance(60_000);
    const laptop = await turnOn(p, randomUUID(), { device: '  Kitchen laptop ' });
    expect(laptop.res.body.device).toBe('Kitchen laptop');

    const list = await p.client.get('/api/v1/push');
    expect(list.body.subscriptions.map((s: { id: string }) => s.id)).toEqual([laptop.id, phone.id]);
    expect(list.text).not.toContain(phone.endpoint);
  });

  it('keeps the address, keys and name sealed at rest', async () => {
    const p = await t.signUp('Sealed');
    const { endpoint, browser, id } = await turnOn(p, randomUUID(), { device: 'My private label' });
    const row = await t.deps.db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const secret of [endpoint, browser.json.p256dh, browser.json.auth, 'My private label']) {
      expect(raw).not.toContain(secret);
    }
    expect(row.user_id).toBe(p.id);
  });

  it('treats the same address again as the same device: keys and name refreshed, id kept', async () => {
    const p = await t.signUp('Again');
    const first = await turnOn(p, 'same-device');
    const browser = newBrowserKeys(randomBytes(16));
    const again = await p.client.post('/api/v1/push/subscriptions', {
      endpoint: first.endpoint,
      keys: browser.json,
      device: 'Renamed',
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ id: first.id, device: 'Renamed', createdAt: NOW });
    expect((await p.client.get('/api/v1/push')).body.subscriptions).toHaveLength(1);

    // The new keys are the ones used.
    await sendPush(t.deps, p.id);
    const [message] = delivered('same-device');
    expect(openPush(message?.body ?? Buffer.alloc(0), browser)).toEqual(NEUTRAL_PUSH);
  });

  it('gives a shared browser to whoever turned push on there last', async () => {
    const a = await t.signUp('FirstOnDevice');
    const b = await t.signUp('SecondOnDevice');
    const name = `shared-${randomUUID()}`;
    await turnOn(a, name);
    await turnOn(b, name);
    expect((await a.client.get('/api/v1/push')).body.subscriptions).toEqual([]);
    expect((await b.client.get('/api/v1/push')).body.subscriptions).toHaveLength(1);
    expect(await sendPush(t.deps, a.id)).toEqual({ sent: 0, removed: 0 });
    expect(await sendPush(t.deps, b.id)).toEqual({ sent: 1, removed: 0 });
  });

  it('answers 201, never 500, when one browser turns push on several times at once (two tabs, a retry)', async () => {
    const p = await t.signUp('EagerTabs');
    const browser = newBrowserKeys(randomBytes(16));
    const endpoint = service.endpoint(`tabs-${randomUUID()}`);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => p.client.post('/api/v1/push/subscriptions', { endpoint, keys: browser.json })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect((await p.client.get('/api/v1/push')).body.subscriptions).toHaveLength(1);
  });

  it('keeps at most 20 devices a person: one more replaces the oldest', async () => {
    const p = await t.signUp('Many');
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      ids.push((await turnOn(p)).id);
      t.clock.advance(1000);
    }
    const list = (await p.client.get('/api/v1/push')).body.subscriptions.map((s: { id: string }) => s.id);
    expect(list).toHaveLength(20);
    expect(list).not.toContain(ids[0]);
    expect(list[0]).toBe(ids[20]);
  });

  it.each([
    ['an address that is no push service', { endpoint: 'https://example.org/inbox' }, 'endpoint'],
    ['an internal address', { endpoint: 'https://192.168.1.10/push' }, 'endpoint'],
    ['plain http elsewhere', { endpoint: 'http://example.org/push' }, 'endpoint'],
    [
      'a short key',
      { keys: { p256dh: randomBytes(33).toString('base64url'), auth: randomBytes(16).toString('base64url') } },
      'keys.p256dh',
    ],
    [
      'a key off the curve',
      {
        keys: {
          p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
      'keys.p256dh',
    ],
    [
      'a short auth secret',
      { keys: { p256dh: newBrowserKeys(randomBytes(16)).json.p256dh, auth: randomBytes(8).toString('base64url') } },
      'keys.auth',
    ],
    ['a name too long', { device: 'x'.repeat(61) }, 'device'],
    ['a name with control characters', { device: 'Phone\u0000\u0001' }, 'device'],
    ['an address with a control character', { endpoint: 'https://fcm.googleapis.com/fcm/send/a\u0000b' }, 'endpoint'],
  ])('refuses %s with 400 naming the field', async (_why, change, field) => {
    const p = await t.signUp('Refused');
    const base = { endpoint: service.endpoint(randomUUID()), keys: newBrowserKeys(randomBytes(16)).json };
    const res = await p.client.post('/api/v1/push/subscriptions', { ...base, ...change });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await p.client.get('/api/v1/push')).body.subscriptions).toEqual([]);
  });

  it('refuses an address on this machine unless the server runs for tests', async () => {
    const strict = await createTestApp({ env: { ATTUNE_PUSH_LOOPBACK: '0' } });
    try {
      const p = await strict.signUp('Strict');
      const res = await p.client.post('/api/v1/push/subscriptions', {
        endpoint: service.endpoint('strict'),
        keys: newBrowserKeys(randomBytes(16)).json,
      });
      expect(res.status).toBe(400);
      const ok = await p.client.post('/api/v1/push/subscriptions', {
        endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
        keys: newBrowserKeys(randomBytes(16)).json,
      });
      expect(ok.status).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('asks a signed-out visitor to sign in', async () => {
    const visitor = t.client();
    expect((await visitor.get('/api/v1/push')).status).toBe(401);
    const res = await visitor.post('/api/v1/push/subscriptions', {
      endpoint: service.endpoint('x'),
      keys: newBrowserKeys(randomBytes(16)).json,
    });
    expect(res.status).toBe(401);
  });
});

describe('Push: turning it off', () => {
  it('removes my device; my partner and a stranger get the answer of a missing one', async () => {
    const { a, b } = await t.couple(['Owner', 'Partner']);
    const outsider = await t.signUp('Stranger');
    const { id } = await turnOn(a);
    const missing = await a.client.delete(`/api/v1/push/subscriptions/${randomUUID()}`);
    expect(missing.status).toBe(404);
    for (const other of [b, outsider]) {
      const res = await other.client.delete(`/api/v1/push/subscriptions/${id}`);
      expect(res.status).toBe(404);
      expect(res.text).toBe(missing.text);
    }
    expect((await a.client.get('/api/v1/push')).body.subscriptions).toHaveLength(1);
    expect((await a.client.delete(`/api/v1/push/subscriptions/${id}`)).status).toBe(204);
    expect((await a.client.get('/api/v1/push')).body.subscriptions).toEqual([]);
    expect((await a.client.delete(`/api/v1/push/subscriptions/${id}`)).status).toBe(404);
    // The partner's own list never showed it.
    expect((await b.client.get('/api/v1/push')).body.subscriptions).toEqual([]);
  });
});

describe('sendPush: the encrypted request, up to the push service', () => {
  it('sends aes128gcm with a TTL and a VAPID signature for the push service, and only the neutral words', async () => {
    const { a } = await t.couple(['Robin Hartley', 'Jules Moreau']);
    await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Put the phone away at dinner, a private canary phrase',
      schedule: { kind: 'daily', by: '21:00' },
      startsOn: '2026-03-11',
    });
    const { browser, name } = await turnOn(a);

    expect(await sendPush(t.deps, a.id)).toEqual({ sent: 1, removed: 0 });
    const [message, ...more] = delivered(name);
    expect(more).toEqual([]);
    if (!message) throw new Error('nothing reached the push service');
    expect(message.method).toBe('POST');
    expect(message.headers['content-encoding']).toBe('aes128gcm');
    expect(message.headers['content-type']).toBe('application/octet-stream');
    expect(message.headers.ttl).toBe('14400');
    expect(message.headers.urgency).toBe('normal');
    expect(message.headers.topic).toBe('attune-update');

    const claims = verifyVapid(message.headers.authorization, t.deps.vapid.publicKey);
    expect(claims.aud).toBe(service.origin);
    expect(claims.sub).toBe(t.deps.vapid.subject);
    const nowSeconds = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(nowSeconds);
    expect(claims.exp).toBeLessThanOrEqual(nowSeconds + 24 * 3600);

    const plain = decryptWebPush(message.body, browser).toString('utf8');
    expect(JSON.parse(plain)).toEqual({ title: 'Attune', body: 'You have a new update in Attune', url: '/notifications' });
    expect(JSON.parse(plain)).toEqual(NEUTRAL_PUSH);
    for (const word of ['canary', 'phone', 'Robin', 'Jules', a.email]) expect(plain).not.toContain(word);
    // Nothing readable travels outside the encryption either.
    const wire = `${JSON.stringify(message.headers)}${message.body.toString('latin1')}`;
    for (const word of ['update in Attune', 'canary', 'Robin', 'Jules', a.email]) expect(wire).not.toContain(word);
  });

  it('encrypts afresh for each device, each readable only with its own keys', async () => {
    const p = await t.signUp('TwoDevices');
    const one = await turnOn(p);
    const two = await turnOn(p);
    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 2, removed: 0 });
    const [m1] = delivered(one.name);
    const [m2] = delivered(two.name);
    if (!m1 || !m2) throw new Error('a device got nothing');
    expect(openPush(m1.body, one.browser)).toEqual(NEUTRAL_PUSH);
    expect(openPush(m2.body, two.browser)).toEqual(NEUTRAL_PUSH);
    expect(() => decryptWebPush(m1.body, two.browser)).toThrow();
  });

  it('removes a subscription the push service says has ended (410, 404), keeps one that failed for now', async () => {
    const p = await t.signUp('Gone');
    const gone = await turnOn(p);
    const missing = await turnOn(p);
    const busy = await turnOn(p);
    const fine = await turnOn(p);
    service.answer(gone.name, 410);
    service.answer(missing.name, 404);
    service.answer(busy.name, 503);

    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 1, removed: 2 });
    const left = (await p.client.get('/api/v1/push')).body.subscriptions.map((s: { id: string }) => s.id).sort();
    expect(left).toEqual([busy.id, fine.id].sort());

    service.received.length = 0;
    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 1, removed: 0 });
    expect(delivered(gone.name)).toEqual([]);
  });

  it('carries on when a push service cannot be reached', async () => {
    const p = await t.signUp('Unreachable');
    const closed = await startPushService();
    const endpoint = closed.endpoint('away');
    await closed.close();
    const browser = newBrowserKeys(randomBytes(16));
    expect((await p.client.post('/api/v1/push/subscriptions', { endpoint, keys: browser.json })).status).toBe(201);
    const fine = await turnOn(p);
    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 1, removed: 0 });
    expect(delivered(fine.name)).toHaveLength(1);
    expect((await p.client.get('/api/v1/push')).body.subscriptions).toHaveLength(2);
  });

  it('sends nothing for a person without devices', async () => {
    const p = await t.signUp('NoDevices');
    expect(await sendPush(t.deps, p.id)).toEqual({ sent: 0, removed: 0 });
    expect(service.received).toEqual([]);
  });
});

describe('VAPID keys', () => {
  const key32 = () => randomBytes(32).toString('base64');
  const pg = 'postgres://u:p@h/db';

  it('are made once into the data folder on SQLite (mode 0600) and reused by the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attune-vapid-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir });
      expect(config.vapid).toEqual({ publicKey: null, privateKey: null, subject: 'mailto:attune@localhost' });
      const first = loadVapidKeys(config);
      const file = join(dataDir, 'vapid.json');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
      expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
      expect(Buffer.from(first.privateKey, 'base64url')).toHaveLength(32);
      expect(loadVapidKeys(loadConfig({ DATA_DIR: dataDir }))).toEqual(first);

      // A whole start picks up the same pair, and it works for signing.
      const deps = await boot(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
      try {
        expect(deps.vapid).toEqual(first);
      } finally {
        await deps.db.destroy();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('come from the environment when set (no file), with the subject from VAPID_SUBJECT or MAIL_FROM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attune-vapid-'));
    try {
      const pair = generateVapidPair();
      const env = { DATA_DIR: dataDir, VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey };
      expect(loadVapidKeys(loadConfig({ ...env, MAIL_FROM: 'hello@example.org' }))).toEqual({
        ...pair,
        subject: 'mailto:hello@example.org',
      });
      expect(loadConfig({ ...env, VAPID_SUBJECT: 'https://attune.example.org/contact' }).vapid.subject).toBe(
        'https://attune.example.org/contact',
      );
      await expect(stat(join(dataDir, 'vapid.json'))).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuse a damaged vapid.json rather than quietly making a new pair', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attune-vapid-'));
    try {
      const a = generateVapidPair();
      const b = generateVapidPair();
      await writeFile(join(dataDir, 'vapid.json'), JSON.stringify({ publicKey: a.publicKey, privateKey: b.privateKey }));
      expect(() => loadVapidKeys(loadConfig({ DATA_DIR: dataDir }))).toThrow(/vapid\.json/);
      await writeFile(join(dataDir, 'vapid.json'), 'not json');
      expect(() => loadVapidKeys(loadConfig({ DATA_DIR: dataDir }))).toThrow(ConfigError);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('are required with PostgreSQL: the error names the variables', () => {
    const base = { DATABASE_URL: pg, MASTER_KEY: key32(), SESSION_SECRET: key32() };
    expect(() => loadConfig(base)).toThrow(ConfigError);
    expect(() => loadConfig(base)).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set/);
    const pair = generateVapidPair();
    expect(() => loadConfig({ ...base, VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/VAPID_PRIVATE_KEY is missing/);
    expect(() => loadConfig({ ...base, VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(/VAPID_PUBLIC_KEY is missing/);
    const ok = loadConfig({ ...base, VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey });
    expect(ok.vapid).toMatchObject(pair);
  });

  it('refuse malformed or mismatched keys and a bad subject, naming the variable and never echoing a key', () => {
    const a = generateVapidPair();
    const b = generateVapidPair();
    const errorOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(errorOf({ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: b.privateKey })).toMatch(
      /VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY/,
    );
    const shortPublic = errorOf({ VAPID_PUBLIC_KEY: a.publicKey.slice(2), VAPID_PRIVATE_KEY: a.privateKey });
    expect(shortPublic).toMatch(/VAPID_PUBLIC_KEY must be/);
    const padded = errorOf({ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: `${a.privateKey}=` });
    expect(padded).toMatch(/VAPID_PRIVATE_KEY must be/);
    expect(padded).not.toContain(a.privateKey);
    expect(errorOf({ VAPID_SUBJECT: 'attune@example.org' })).toMatch(/VAPID_SUBJECT must be/);
    expect(errorOf({ ATTUNE_PUSH_LOOPBACK: 'yes' })).toMatch(/ATTUNE_PUSH_LOOPBACK/);
  });
});

describe('the service worker', () => {
  it('shows the same fixed words as the server sends, whatever a message carries', async () => {
    const sw = await readFile(join(import.meta.dirname, '../../web/public/sw.js'), 'utf8');
    const literal = /const NEUTRAL_PUSH = (\{[^}]*\});/.exec(sw)?.[1];
    expect(literal, 'sw.js declares NEUTRAL_PUSH').toBeDefined();
    expect(new Function(`return ${literal}`)()).toEqual(NEUTRAL_PUSH);
    // The notification is built from those words alone.
    expect(sw).toMatch(/showNotification\(NEUTRAL_PUSH\.title, \{\s*body: NEUTRAL_PUSH\.body,/);
  });
});
