import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { invitedTherapist } from '../support/couple-therapist.js';
import { createTestApp, type Person, type TestApp, type TestClient } from '../support/test-app.js';

// A new session puts a neutral notice in its owner's notification centre, and nowhere else (decision
// 024): kind `account.signin`, about the device label made from the browser ("Chrome on Linux"),
// with no place, no address and nothing anyone wrote. Not for the sign-up that made the account.

let t: TestApp;
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0';

beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => {
  t.clock.set('2026-03-02T09:00:00.000Z');
});
afterAll(async () => {
  await t?.close();
});

const signInFrom = async (p: Person, userAgent: string, label = 'browser'): Promise<TestClient> => {
  const client = t.client(label);
  const res = await client.call('auth.login', { body: { email: p.email, password: p.password } }, { 'user-agent': userAgent });
  expect(res.status).toBe(200);
  return client;
};

const centreOf = async (client: TestClient) => (await client.call('notifications.list')).body;
const signInNotices = async (client: TestClient) =>
  (await centreOf(client)).notifications.filter((n) => n.kind === 'account.signin');

describe('the notice of a new session', () => {
  it('is not made for the sign-up; each sign-in makes one, naming only the kind of device', async () => {
    const p = await t.signUp('Noticed');
    expect(await signInNotices(p.client)).toEqual([]);

    await signInFrom(p, CHROME_LINUX, 'laptop');
    t.clock.advance(60_000);
    await signInFrom(p, FIREFOX_ANDROID, 'phone');
    const notices = await signInNotices(p.client);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'account.signin', subjectId: 'Firefox on Android', readAt: null }),
      expect.objectContaining({ kind: 'account.signin', subjectId: 'Chrome on Linux', readAt: null }),
    ]);
    expect((await centreOf(p.client)).unreadCount).toBe(2);
    // Nothing of the person's email or address in it.
    expect(JSON.stringify(notices)).not.toContain(p.email);
  });

  it('reaches the owner alone: the partner’s centre and live stream hear nothing of it', async () => {
    const { a, b } = await t.couple(['Owner', 'Partner']);
    const partnerStream = await b.client.stream('/api/v1/events');
    await partnerStream.next();
    const ownStream = await a.client.stream('/api/v1/events');
    await ownStream.next();

    await signInFrom(a, CHROME_LINUX);
    expect((await ownStream.drain(300)).map((e) => e.event)).toContain('notification.created');
    expect(await partnerStream.drain(300)).toEqual([]);
    partnerStream.close();
    ownStream.close();
    expect(await signInNotices(a.client)).toHaveLength(1);
    expect((await centreOf(b.client)).notifications).toEqual([]);
  });

  it('is made for a sign-in through a reset link too', async () => {
    const p = await t.signUp('ResetNotice');
    const link = await createResetLink(t.deps, p.id);
    const token = new URL(link.url).searchParams.get('token') ?? '';
    const resetter = t.client('resetter');
    const res = await resetter.call(
      'auth.passwordReset.confirm',
      { body: { token, password: 'a new long phrase here' } },
      { 'user-agent': CHROME_LINUX },
    );
    expect(res.status).toBe(200);
    expect(await signInNotices(resetter)).toEqual([expect.objectContaining({ subjectId: 'Chrome on Linux' })]);
  });

  it('a therapist, who has no notification centre, signs in as usual', async () => {
    const { a } = await t.couple(['Ray', 'Sol']);
    const { therapist } = await invitedTherapist(t, a);
    await signInFrom(therapist, CHROME_LINUX);
    const rows = await t.deps.db.selectFrom('notifications').select('id').where('user_id', '=', therapist.id).execute();
    expect(rows).toEqual([]);
  });
});
