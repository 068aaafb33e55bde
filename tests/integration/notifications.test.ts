import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_LIMITS } from '../../src/domain/notifications.js';
import { notify, readPreferences } from '../../src/features/notifications/notifications.service.js';
import { routeTable } from '../../src/routes.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// 2026-03-10 is a Tuesday; London is on UTC in March, so local times read as UTC there.
const DAY = '2026-03-10';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;
const LINE = 'The heron line we keep between us';

async function couple(time = '12:00') {
  t.clock.set(at(time));
  return t.couple(['Robin', 'Wren']);
}

async function centre(p: Person) {
  const res = await p.client.get('/api/v1/notifications');
  expect(res.status, res.text).toBe(200);
  return res.body as {
    notifications: {
      id: string;
      kind: string;
      subjectId: string | null;
      createdAt: string;
      readAt: string | null;
      count: number;
    }[];
    unreadCount: number;
    truncated: boolean;
  };
}

async function checkIn(p: Person, visibility: 'private' | 'couple') {
  const res = await p.client.put(`/api/v1/checkins/${DAY}`, { connected: 6, heard: 5, mood: 'hopeful', line: LINE, visibility });
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

const spaceOf = async (p: Person) => (await p.client.get('/api/v1/space')).body.id as string;

describe('preferences', () => {
  it('start with nothing chosen and in-app only, and say email is not available on this server', async () => {
    const p = await t.signUp('Fresh');
    const res = await p.client.get('/api/v1/notifications/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      checkinTime: null,
      commitmentNudgeMinutes: null,
      reflection: null,
      quiet: null,
      email: false,
      push: false,
      emailAvailable: false,
      timeZone: 'Europe/London',
      updatedAt: null,
    });
    expect(await readPreferences(t.deps, p.id)).toEqual({
      checkinTime: null,
      commitmentNudgeMinutes: null,
      reflection: null,
      quiet: null,
      email: false,
      push: false,
    });
  });

  it('save, change only the fields given, and read back through readPreferences', async () => {
    t.clock.set(at('09:00'));
    const p = await t.signUp('Chooser');
    const saved = await p.client.put('/api/v1/notifications/preferences', {
      checkinTime: '20:00',
      commitmentNudgeMinutes: 60,
      reflection: { weekday: 7, time: '18:30' },
      quiet: { from: '22:00', until: '07:00' },
      push: true,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      checkinTime: '20:00',
      commitmentNudgeMinutes: 60,
      reflection: { weekday: 7, time: '18:30' },
      quiet: { from: '22:00', until: '07:00' },
      email: false,
      push: true,
      updatedAt: at('09:00'),
    });
    const partly = await p.client.put('/api/v1/notifications/preferences', { commitmentNudgeMinutes: null, quiet: null });
    expect(partly.body).toMatchObject({ checkinTime: '20:00', commitmentNudgeMinutes: null, quiet: null, push: true });
    expect(await readPreferences(t.deps, p.id)).toEqual({
      checkinTime: '20:00',
      commitmentNudgeMinutes: null,
      reflection: { weekday: 7, time: '18:30' },
      quiet: null,
      email: false,
      push: true,
    });
    expect((await p.client.get('/api/v1/notifications/preferences')).body).toEqual(partly.body);
  });

  it('refuse what cannot be, naming the field, and change nothing', async () => {
    const p = await t.signUp('Careful');
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await p.client.put('/api/v1/notifications/preferences', body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    };
    await bad({ checkinTime: '24:00' }, 'checkinTime');
    await bad({ checkinTime: '8:00' }, 'checkinTime');
    await bad({ commitmentNudgeMinutes: 1441 }, 'commitmentNudgeMinutes');
    await bad({ commitmentNudgeMinutes: -5 }, 'commitmentNudgeMinutes');
    await bad({ commitmentNudgeMinutes: 2.5 }, 'commitmentNudgeMinutes');
    await bad({ reflection: { weekday: 0, time: '18:00' } }, 'reflection.weekday');
    await bad({ reflection: { weekday: 3 } }, 'reflection.time');
    await bad({ quiet: { from: '22:00' } }, 'quiet.until');
    await bad({ quiet: { from: '22:00', until: '22:00' } }, 'quiet.until');
    expect((await p.client.put('/api/v1/notifications/preferences', { sms: true })).status).toBe(400);
    expect((await p.client.get('/api/v1/notifications/preferences')).body.updatedAt).toBeNull();
  });

  it('refuse email kindly (409 email_off) while the server has no SMTP_URL', async () => {
    const p = await t.signUp('NoMail');
    const res = await p.client.put('/api/v1/notifications/preferences', { email: true, checkinTime: '20:00' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_off');
    expect(res.body.error.message).toMatch(/still arrive in the app/);
    expect((await readPreferences(t.deps, p.id)).checkinTime).toBeNull();
    // Turning email off is always fine.
    expect((await p.client.put('/api/v1/notifications/preferences', { email: false })).status).toBe(200);
  });

  it('allow email where SMTP is set up', async () => {
    const sink: SmtpSink = await startSmtpSink();
    const withMail = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'attune@localhost' } });
    try {
      const p = await withMail.signUp('Mailable');
      expect((await p.client.get('/api/v1/notifications/preferences')).body.emailAvailable).toBe(true);
      const res = await p.client.put('/api/v1/notifications/preferences', { email: true });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ email: true, emailAvailable: true });
      expect((await readPreferences(withMail.deps, p.id)).email).toBe(true);
    } finally {
      await withMail.close();
      await sink.close();
    }
  });
});

describe('the notification centre hears the partner', () => {
  it('tells me when my partner shares a check-in, never a private one, and once per check-in', async () => {
    const { a, b } = await couple();
    await checkIn(a, 'private');
    expect((await centre(b)).notifications).toEqual([]);
    const id = await checkIn(a, 'couple');
    const list = await centre(b);
    expect(list.unreadCount).toBe(1);
    expect(list.notifications).toEqual([
      { id: expect.any(String), kind: 'checkin.shared', subjectId: id, createdAt: at('12:00'), readAt: null, count: 1 },
    ]);
    // Rewriting a check-in that stays shared says nothing new; the author hears nothing about their own.
    await checkIn(a, 'couple');
    expect((await centre(b)).notifications).toHaveLength(1);
    expect((await centre(a)).notifications).toEqual([]);
    // No words of the check-in anywhere in the centre.
    expect(JSON.stringify(await centre(b))).not.toContain('heron');
  });

  it('takes the notification back when the check-in stops being shared, so nothing points at a private one', async () => {
    const { a, b } = await couple();
    const id = await checkIn(a, 'couple');
    const [n] = (await centre(b)).notifications;
    expect((await b.client.post(`/api/v1/notifications/${n?.id}/read`)).status).toBe(204);
    await checkIn(a, 'private');
    expect(await centre(b)).toEqual({ notifications: [], unreadCount: 0, truncated: false });
    // Shared again: told again. Deleted: taken back.
    await checkIn(a, 'couple');
    expect((await centre(b)).notifications.map((x) => x.subjectId)).toEqual([id]);
    expect((await a.client.delete(`/api/v1/checkins/${id}`)).status).toBe(204);
    expect((await centre(b)).notifications).toEqual([]);
  });

  it('tells the one who did something when their partner acknowledges it', async () => {
    const { a, b } = await couple('08:00');
    const made = await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Ask about your day at dinner',
      schedule: { kind: 'daily', by: '21:00' },
      startsOn: DAY,
    });
    expect(made.status, made.text).toBe(201);
    t.clock.set(at('20:00'));
    expect((await a.client.put(`/api/v1/commitments/${made.body.id}/occurrences/${DAY}/mark`, { status: 'done' })).status).toBe(
      200,
    );
    expect((await centre(a)).notifications).toEqual([]);
    const acked = await b.client.put(`/api/v1/commitments/${made.body.id}/occurrences/${DAY}/ack`, { noticed: true, helped: 3 });
    expect(acked.status, acked.text).toBe(200);
    expect((await centre(a)).notifications).toMatchObject([{ kind: 'ack.received', subjectId: made.body.id, readAt: null }]);
    expect((await centre(b)).notifications).toEqual([]);
    expect(JSON.stringify(await centre(a))).not.toContain('dinner');
  });

  it('tells whoever must answer a need: the partner when shared, the author after a proposal, no one once agreed', async () => {
    const { a, b } = await couple();
    const need = await a.client.post('/api/v1/needs', { text: 'Ask how my day went, most evenings' });
    expect((await centre(b)).notifications).toEqual([]);
    await a.client.post(`/api/v1/needs/${need.body.id}/share`);
    expect((await centre(b)).notifications).toMatchObject([{ kind: 'need.waiting', subjectId: need.body.id }]);
    expect((await centre(a)).notifications).toEqual([]);
    const proposed = await b.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'propose', text: 'Ask at dinner' });
    expect(proposed.status, proposed.text).toBe(200);
    expect((await centre(a)).notifications).toMatchObject([{ kind: 'need.waiting', subjectId: need.body.id }]);
    // Wren answered: what told Wren the need waited is read now, without Wren opening the centre.
    expect(await centre(b)).toMatchObject({
      unreadCount: 0,
      notifications: [{ kind: 'need.waiting', readAt: expect.any(String) }],
    });
    const proposalId = proposed.body.history.at(-1).id;
    expect((await a.client.post(`/api/v1/needs/${need.body.id}/proposals/${proposalId}/accept`)).status).toBe(200);
    // Robin answered too: one entry each, read, and nothing left saying a need waits.
    for (const p of [a, b]) {
      const list = await centre(p);
      expect(list.unreadCount, p.name).toBe(0);
      expect(list.notifications, p.name).toMatchObject([{ kind: 'need.waiting', readAt: expect.any(String), count: 1 }]);
    }
  });

  it('a need that waits for me again after I answered is one new entry, not the same words twice', async () => {
    const { a, b } = await couple();
    const need = await a.client.post('/api/v1/needs', { text: 'Ask how my day went, most evenings' });
    await a.client.post(`/api/v1/needs/${need.body.id}/share`);
    const proposed = await b.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'propose', text: 'Ask at dinner' });
    expect(proposed.status, proposed.text).toBe(200);
    t.clock.set(at('12:10'));
    const back = await a.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'propose', text: 'At dinner, most days' });
    expect(back.status, back.text).toBe(200);
    // Wren is asked again: one new entry, and the earlier (answered) one is read, apart from it.
    const list = await centre(b);
    expect(list.unreadCount).toBe(1);
    expect(list.notifications.map((n) => [n.kind, n.readAt === null])).toEqual([
      ['need.waiting', true],
      ['need.waiting', false],
    ]);
    expect((await centre(a)).unreadCount).toBe(0);
  });

  it('groups shared check-ins into one entry with the count; replying to one marks its notice read', async () => {
    const { a, b } = await couple();
    const ids: string[] = [];
    for (let d = 0; d < 4; d += 1) {
      t.clock.set(`2026-03-${10 + d}T12:00:00.000Z`);
      const res = await a.client.put(`/api/v1/checkins/2026-03-${10 + d}`, {
        connected: 6,
        heard: 5,
        mood: 'hopeful',
        line: LINE,
        visibility: 'couple',
      });
      expect(res.status, res.text).toBe(200);
      ids.push(res.body.id);
    }
    let list = await centre(b);
    expect(list.unreadCount).toBe(1);
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'checkin.shared', subjectId: ids[3], count: 4, readAt: null }),
    ]);
    // Replying to one check-in marks its notice read: the new entry counts three, the read one one.
    const replied = await b.client.post(`/api/v1/checkins/${ids[1]}/replies`, { kind: 'reaction', reaction: 'heart' });
    expect(replied.status, replied.text).toBe(201);
    list = await centre(b);
    expect(list.unreadCount).toBe(1);
    expect(list.notifications.map((n) => [n.count, n.readAt === null])).toEqual([
      [3, true],
      [1, false],
    ]);
    // Reading the entry reads everything it stands for.
    const [entry] = list.notifications;
    expect((await b.client.post(`/api/v1/notifications/${entry?.id}/read`)).status).toBe(204);
    list = await centre(b);
    expect(list.unreadCount).toBe(0);
    expect(list.notifications).toEqual([expect.objectContaining({ kind: 'checkin.shared', count: 4 })]);
    expect(list.notifications[0]?.readAt).not.toBeNull();
  });

  it('takes back a need’s notification when its author deletes it: nothing left waiting on something gone', async () => {
    const { a, b } = await couple();
    const need = await a.client.post('/api/v1/needs', { text: 'Tell me when plans change' });
    await a.client.post(`/api/v1/needs/${need.body.id}/share`);
    expect(await centre(b)).toMatchObject({ unreadCount: 1, notifications: [{ kind: 'need.waiting', subjectId: need.body.id }] });
    expect((await a.client.delete(`/api/v1/needs/${need.body.id}`)).status).toBe(204);
    expect(await centre(b)).toEqual({ notifications: [], unreadCount: 0, truncated: false });
  });

  it('reaches only the recipient’s own tabs live: notification.created to me, nothing to my partner', async () => {
    const { a, b } = await couple();
    const [sa, sb] = await Promise.all([a.client.stream('/api/v1/events'), b.client.stream('/api/v1/events')]);
    await Promise.all([sa.next(), sb.next()]);
    await checkIn(a, 'couple');
    const [toA, toB] = await Promise.all([sa.drain(), sb.drain()]);
    sa.close();
    sb.close();
    expect(toB.map((e) => e.event)).toContain('notification.created');
    expect(toA.map((e) => e.event)).not.toContain('notification.created');
    const created = toB.find((e) => e.event === 'notification.created');
    expect(JSON.parse(created?.data ?? '{}')).toEqual({
      kind: 'notification.created',
      subjectId: expect.any(String),
      at: expect.any(String),
    });
  });
});

describe('notify()', () => {
  it('does not repeat the same thing while it is unread, tells it again once read, and never folds reminders', async () => {
    const p = await t.signUp('Folded');
    const spaceId = await spaceOf(p);
    const subjectId = randomUUID();
    const first = await notify(t.deps, { userId: p.id, spaceId, kind: 'need.waiting', subjectId });
    expect(first).toEqual({ id: expect.any(String) });
    expect(await notify(t.deps, { userId: p.id, spaceId, kind: 'need.waiting', subjectId })).toBeNull();
    // At once, on either database: still one.
    await Promise.all(
      Array.from({ length: 6 }, () => notify(t.deps, { userId: p.id, spaceId, kind: 'ack.received', subjectId })),
    );
    expect((await centre(p)).unreadCount).toBe(2);
    await p.client.post(`/api/v1/notifications/${first?.id}/read`);
    expect(await notify(t.deps, { userId: p.id, spaceId, kind: 'need.waiting', subjectId })).not.toBeNull();
    for (let i = 0; i < 3; i += 1) {
      expect(await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.commitment', subjectId })).not.toBeNull();
    }
    await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin', subjectId: null });
    await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin' });
    // Each reminder is its own notification; the centre shows one entry per kind with the count.
    const rows = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', p.id).execute();
    expect(rows.filter((r) => r.kind === 'reminder.commitment')).toHaveLength(3);
    expect(rows.filter((r) => r.kind === 'reminder.checkin')).toHaveLength(2);
    const list = await centre(p);
    expect(list.notifications.filter((n) => n.kind === 'reminder.commitment')).toEqual([
      expect.objectContaining({ count: 3, readAt: null }),
    ]);
    expect(list.notifications.filter((n) => n.kind === 'reminder.checkin')).toEqual([
      expect.objectContaining({ count: 2, readAt: null }),
    ]);
    // New entries: need.waiting (told again), ack.received, and the two reminder kinds.
    expect(list.unreadCount).toBe(4);
    await expect(notify(t.deps, { userId: p.id, spaceId, kind: 'gossip' as never, subjectId })).rejects.toThrow(/Unknown/);
  });

  it('forgets notifications older than half a year when the next one arrives', async () => {
    t.clock.set(at('07:00'));
    const p = await t.signUp('LongAgo');
    const spaceId = await spaceOf(p);
    const kinds = () =>
      t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', p.id).orderBy('created_at').execute();
    await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.reflection' });
    t.clock.advance((NOTIFICATION_LIMITS.keepDays - 1) * 86_400_000);
    await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin' });
    expect((await kinds()).map((r) => r.kind)).toEqual(['reminder.reflection', 'reminder.checkin']);
    t.clock.advance(2 * 86_400_000);
    await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin' });
    expect((await kinds()).map((r) => r.kind)).toEqual(['reminder.checkin', 'reminder.checkin']);
  });

  it('lists from the newest 50 and says more exist, counting every unread one in its entry', async () => {
    t.clock.set(at('06:00'));
    const p = await t.signUp('Busy');
    const spaceId = await spaceOf(p);
    for (let i = 0; i < NOTIFICATION_LIMITS.list + 3; i += 1) {
      t.clock.advance(60_000);
      await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin' });
    }
    const list = await centre(p);
    expect(list.notifications).toEqual([
      expect.objectContaining({ kind: 'reminder.checkin', count: NOTIFICATION_LIMITS.list + 3 }),
    ]);
    expect(list.truncated).toBe(true);
    expect(list.unreadCount).toBe(1);
    // The entry is named by the newest.
    expect(list.notifications[0]?.createdAt).toBe(t.clock.now().toISOString());
  });
});

describe('reading', () => {
  it('marks one read, then all, for me alone; again is fine', async () => {
    const { a, b } = await couple();
    const spaceId = await spaceOf(b);
    await checkIn(a, 'couple');
    await notify(t.deps, { userId: b.id, spaceId, kind: 'reminder.checkin' });
    const [newest, older] = (await centre(b)).notifications;
    t.clock.set(at('12:30'));
    expect((await b.client.post(`/api/v1/notifications/${older?.id}/read`)).status).toBe(204);
    expect((await b.client.post(`/api/v1/notifications/${older?.id}/read`)).status).toBe(204);
    let list = await centre(b);
    expect(list.unreadCount).toBe(1);
    expect(list.notifications.find((n) => n.id === older?.id)?.readAt).toBe(at('12:30'));
    expect((await b.client.post('/api/v1/notifications/read-all')).status).toBe(204);
    list = await centre(b);
    expect(list.unreadCount).toBe(0);
    expect(list.notifications.find((n) => n.id === newest?.id)?.readAt).toBe(at('12:30'));
    expect((await b.client.post('/api/v1/notifications/read-all')).status).toBe(204);
  });

  it('answers 404 for anyone else’s notification, exactly like a missing one, and changes nothing', async () => {
    const { a, b } = await couple();
    await checkIn(a, 'couple');
    const [n] = (await centre(b)).notifications;
    const outsider = await t.signUp('Stranger');
    const missing = await a.client.post(`/api/v1/notifications/${randomUUID()}/read`);
    expect(missing.status).toBe(404);
    for (const other of [a, outsider]) {
      const res = await other.client.post(`/api/v1/notifications/${n?.id}/read`);
      expect(res.status).toBe(404);
      expect(res.text).toBe(missing.text);
    }
    expect((await t.client().post(`/api/v1/notifications/${n?.id}/read`)).status).toBe(401);
    expect((await centre(b)).notifications[0]?.readAt).toBeNull();
    // Another person's read-all touches only their own.
    await a.client.post('/api/v1/notifications/read-all');
    expect((await centre(b)).unreadCount).toBe(1);
  });

  it('leaves a former partner’s doings behind after leaving the space, and keeps my reminders', async () => {
    const { a, b } = await couple();
    await checkIn(a, 'couple');
    await notify(t.deps, { userId: b.id, spaceId: await spaceOf(b), kind: 'reminder.checkin' });
    const before = await centre(b);
    expect(before.unreadCount).toBe(2);
    const shared = before.notifications.find((n) => n.kind === 'checkin.shared');
    expect((await leaveSpace(b)).status).toBe(200);
    const after = await centre(b);
    expect(after.notifications.map((n) => n.kind)).toEqual(['reminder.checkin']);
    expect(after.unreadCount).toBe(1);
    expect((await b.client.post(`/api/v1/notifications/${shared?.id}/read`)).status).toBe(404);
  });
});

describe('no read receipts', () => {
  /** Everything my partner can ask the server: every GET without path parameters, and the things we share by id. */
  async function everythingSeenBy(p: Person, ids: { checkin: string; need: string; commitment: string }): Promise<string[]> {
    const paths = routeTable
      .filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.success.stream)
      .map((r) => r.path)
      .concat([`/api/v1/checkins/${ids.checkin}`, `/api/v1/needs/${ids.need}`, `/api/v1/commitments/${ids.commitment}`]);
    const seen: string[] = [];
    for (const path of paths) {
      const res = await p.client.get(path);
      seen.push(`${path} ${res.status} ${res.text}`);
    }
    return seen;
  }

  it('never tells my partner what I have read: their every response and their live stream are the same either way', async () => {
    const { a, b } = await couple();
    const checkin = await checkIn(a, 'couple');
    const need = await a.client.post('/api/v1/needs', { text: 'A walk on Sundays' });
    await a.client.post(`/api/v1/needs/${need.body.id}/share`);
    const commitment = await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Sunday walk',
      schedule: { kind: 'weekly', times: 1 },
      startsOn: DAY,
    });
    expect(commitment.status, commitment.text).toBe(201);
    const ids = { checkin, need: need.body.id as string, commitment: commitment.body.id as string };
    expect((await centre(b)).unreadCount).toBe(2);

    const beforeReading = await everythingSeenBy(a, ids);
    const stream = await a.client.stream('/api/v1/events');
    await stream.next();
    const mine = await b.client.stream('/api/v1/events');
    await mine.next();

    const [first] = (await centre(b)).notifications;
    expect((await b.client.post(`/api/v1/notifications/${first?.id}/read`)).status).toBe(204);
    expect((await b.client.post('/api/v1/notifications/read-all')).status).toBe(204);
    expect((await centre(b)).unreadCount).toBe(0);

    // My own tabs hear that my centre changed; my partner's stream hears nothing at all.
    expect((await mine.drain()).map((e) => e.event)).toEqual(['notification.changed', 'notification.changed']);
    expect(await stream.drain()).toEqual([]);
    stream.close();
    mine.close();
    // And a reconnecting stream replays nothing of it either.
    const replay = await a.client.stream('/api/v1/events?lastEventId=00000000-0000-7000-8000-000000000000');
    const replayed = await replay.drain();
    replay.close();
    expect(replayed.map((e) => e.event)).not.toContain('notification.changed');
    expect(replayed.map((e) => e.event)).not.toContain('notification.created');

    expect(await everythingSeenBy(a, ids)).toEqual(beforeReading);
  });
});
