import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NEUTRAL_EMAIL, NEUTRAL_PUSH } from '../../src/domain/notification-words.js';
import { runReminderTick } from '../../src/features/reminders/reminders.service.js';
import { startReminderWorker } from '../../src/features/reminders/reminders.worker.js';
import { type PushService, startPushService } from '../support/push-service.js';
import { type SinkMail, type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, ORIGIN, type Person, type TestApp } from '../support/test-app.js';
import { decryptWebPush, newBrowserKeys } from '../support/web-push-decrypt.js';

// Reminders over simulated time: the test moves the clock a quarter of an hour at a time and runs
// one worker tick after each step, as the server's loop would (REMINDER_INTERVAL_SECONDS), so "on
// time" means "within one step of when it was due". Email goes to a real local SMTP sink and is
// parsed there; push goes to a local stand-in for the push service and is decrypted.

let t: TestApp;
let sink: SmtpSink;
let pushService: PushService;

beforeAll(async () => {
  [sink, pushService] = await Promise.all([startSmtpSink(), startPushService()]);
  t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'attune@localhost' } });
});
// Each scenario's people keep to their scenario: afterwards nobody has reminders any more, so the
// next scenario's ticks (at a later date) send only its own.
afterEach(async () => {
  await t.deps.db.deleteFrom('notification_preferences').execute();
  await t.deps.db.deleteFrom('reminders').where('state', 'in', ['pending', 'claimed']).execute();
});
afterAll(async () => {
  await t?.close();
  await Promise.all([sink?.close(), pushService?.close()]);
});

const MINUTE = 60_000;
const STEP = 15 * MINUTE;
const WORDS = 'Make Sam a cup of tea before bed';

const tick = (workerId = 'test-worker', options?: Parameters<typeof runReminderTick>[2]) =>
  runReminderTick(t.deps, workerId, options);

/** Lives through time: a tick at every quarter-hour in [now, until). */
async function live(until: string) {
  const end = Date.parse(until);
  while (t.clock.now().getTime() < end) {
    await tick();
    t.clock.advance(STEP);
  }
}

async function setPrefs(p: Person, body: Record<string, unknown>) {
  const res = await p.client.put('/api/v1/notifications/preferences', body);
  expect(res.status, res.text).toBe(200);
}

async function commit(p: Person, schedule: Record<string, unknown>, startsOn: string, what = WORDS): Promise<string> {
  const res = await p.client.post('/api/v1/commitments', { agreementId: null, what, schedule, startsOn });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function remindersOf(p: Person) {
  return t.deps.db
    .selectFrom('reminders')
    .selectAll()
    .where('user_id', '=', p.id)
    .orderBy('send_at')
    .orderBy('dedupe_key')
    .execute();
}

async function notificationsOf(p: Person): Promise<{ kind: string; subjectId: string | null; createdAt: string }[]> {
  const res = await p.client.get('/api/v1/notifications');
  expect(res.status, res.text).toBe(200);
  // The centre groups entries of a kind (each with its count): one item per reminder sent, here.
  return res.body.notifications.flatMap((n: { kind: string; subjectId: string | null; createdAt: string; count?: number }) =>
    Array.from({ length: n.count ?? 1 }, () => n),
  );
}

const mailsTo = async (p: Person) => (await sink.messages()).filter((m) => m.to === p.email);
const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;

function expectNeutral(mail: SinkMail, ...forbidden: string[]) {
  expect(mail.subject).toBe(NEUTRAL_EMAIL.subject);
  expect(mail.subject).toBe('You have a new update in Attune');
  expect(mail.text).toContain(`${ORIGIN}/notifications`);
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  expect(squash(mail.text)).toBe(squash(NEUTRAL_EMAIL.text(`${ORIGIN}/notifications`)));
  const everything = `${mail.subject}\n${mail.text}\n${mail.html ?? ''}\n${JSON.stringify(mail.headers)}`;
  for (const word of forbidden) expect(everything).not.toContain(word);
}

describe('a simulated week', () => {
  it('sends each check-in reminder and each commitment nudge once, on time, in the app and by email, saying nothing private', async () => {
    // Monday 5 January 2026, midnight in London (GMT: local times read as UTC).
    t.clock.set('2026-01-05T00:00:00.000Z');
    const { a: alex, b: sam } = await t.couple(['Alex', 'Sam']);
    await setPrefs(alex, { checkinTime: '20:00', commitmentNudgeMinutes: 60, email: true });
    const commitmentId = await commit(alex, { kind: 'daily', by: '21:00' }, '2026-01-05');

    await live('2026-01-12T00:00:00.000Z');

    const rows = await remindersOf(alex);
    const sent = rows.filter((r) => r.state === 'sent');
    expect(sent.map((r) => [r.kind, r.send_at])).toEqual(
      ['05', '06', '07', '08', '09', '10', '11'].flatMap((d) => [
        ['reminder.checkin', `2026-01-${d}T20:00:00.000Z`],
        ['reminder.commitment', `2026-01-${d}T20:00:00.000Z`],
      ]),
    );
    // On time: within one tick of when it was due (here, the very tick).
    for (const r of sent) {
      const late = Date.parse(r.sent_at ?? '') - Date.parse(r.send_at);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(STEP);
    }
    expect(sent.filter((r) => r.kind === 'reminder.commitment').every((r) => r.subject_id === commitmentId)).toBe(true);
    // Nothing else sent, nothing stuck, nothing skipped this week.
    expect(rows.filter((r) => r.state === 'claimed')).toEqual([]);
    expect(rows.filter((r) => r.state === 'skipped' && Date.parse(r.send_at) < Date.parse('2026-01-12T00:00:00.000Z'))).toEqual(
      [],
    );

    const inApp = await notificationsOf(alex);
    expect(count(inApp, (n) => n.kind === 'reminder.checkin')).toBe(7);
    expect(count(inApp, (n) => n.kind === 'reminder.commitment')).toBe(7);
    expect(inApp).toHaveLength(14);

    const mails = await mailsTo(alex);
    expect(mails).toHaveLength(14);
    for (const mail of mails) expectNeutral(mail, 'tea', WORDS, 'Sam', 'Alex', sam.email, commitmentId);

    // The partner hears nothing of it: no reminders, no notifications, no email.
    expect(await remindersOf(sam)).toEqual([]);
    expect(await notificationsOf(sam)).toEqual([]);
    expect(await mailsTo(sam)).toEqual([]);
  }, 120_000);
});

describe('quiet hours', () => {
  it('22:00-07:00: a nudge due 22:30 comes at 21:30 with an hour of notice, and not at all with 15 minutes; an 06:55 nudge waits until 07:00', async () => {
    t.clock.set('2026-01-19T12:00:00.000Z'); // a Monday
    const { a: alex } = await t.couple(['Alex', 'Sam']);
    await setPrefs(alex, { commitmentNudgeMinutes: 60, quiet: { from: '22:00', until: '07:00' }, checkinTime: '23:00' });
    const late = await commit(alex, { kind: 'daily', by: '22:30' }, '2026-01-19', 'Late thing');
    const early = await commit(alex, { kind: 'daily', by: '07:10' }, '2026-01-19', 'Early thing');

    await live('2026-01-20T12:00:00.000Z');
    let sent = (await remindersOf(alex)).filter((r) => r.state === 'sent');
    expect(sent.map((r) => [r.subject_id, r.send_at, r.sent_at])).toEqual([
      [late, '2026-01-19T21:30:00.000Z', '2026-01-19T21:30:00.000Z'],
      // Due 07:10, an hour's notice is 06:10: quiet until 07:00, still in time.
      [early, '2026-01-20T07:00:00.000Z', '2026-01-20T07:00:00.000Z'],
    ]);

    // Fifteen minutes' notice: 22:15 is in quiet hours, and 07:00 is after 22:30, so never; 06:55 moves to 07:00.
    await setPrefs(alex, { commitmentNudgeMinutes: 15 });
    await live('2026-01-21T12:00:00.000Z');
    sent = (await remindersOf(alex)).filter((r) => r.state === 'sent');
    expect(sent.map((r) => [r.subject_id, r.send_at, r.sent_at]).slice(2)).toEqual([
      [early, '2026-01-21T07:00:00.000Z', '2026-01-21T07:00:00.000Z'],
    ]);
    // The check-in time (23:00) is inside quiet hours that end after that day: no check-in reminder.
    expect((await remindersOf(alex)).filter((r) => r.kind === 'reminder.checkin')).toEqual([]);
    expect(count(await notificationsOf(alex), (n) => n.kind === 'reminder.commitment')).toBe(3);
  }, 60_000);
});

describe('not needed any more', () => {
  it('a check-in made before 20:00 skips that day’s reminder; the next day’s still comes', async () => {
    t.clock.set('2026-02-02T12:00:00.000Z'); // a Monday
    const p = await t.signUp('Robin');
    await setPrefs(p, { checkinTime: '20:00', email: true });
    await live('2026-02-02T19:00:00.000Z');
    const checkin = await p.client.put('/api/v1/checkins/2026-02-02', {
      connected: 6,
      heard: 6,
      mood: 'calm',
      line: null,
      visibility: 'private',
    });
    expect([200, 201], checkin.text).toContain(checkin.status);
    await live('2026-02-04T00:00:00.000Z');
    const rows = await remindersOf(p);
    expect(rows.filter((r) => r.send_at < '2026-02-04').map((r) => [r.dedupe_key, r.state])).toEqual([
      ['checkin:2026-02-02', 'skipped'],
      ['checkin:2026-02-03', 'sent'],
    ]);
    expect(count(await notificationsOf(p), (n) => n.kind === 'reminder.checkin')).toBe(1);
    expect(await mailsTo(p)).toHaveLength(1);
  }, 60_000);

  it('a marked occurrence, a paused or an ended commitment gets no nudge; turning nudges off stops them', async () => {
    t.clock.set('2026-02-09T12:00:00.000Z'); // a Monday
    const { a: alex } = await t.couple(['Alex', 'Sam']);
    await setPrefs(alex, { commitmentNudgeMinutes: 60 });
    const id = await commit(alex, { kind: 'daily', by: '21:00' }, '2026-02-09');
    await live('2026-02-09T19:00:00.000Z');
    // Done early on Monday: no nudge that evening.
    const mark = await alex.client.put(`/api/v1/commitments/${id}/occurrences/2026-02-09/mark`, { status: 'done' });
    expect(mark.status, mark.text).toBe(200);
    await live('2026-02-10T12:00:00.000Z');
    // Paused over Tuesday.
    expect((await alex.client.post(`/api/v1/commitments/${id}/pause`)).status).toBe(200);
    await live('2026-02-11T12:00:00.000Z');
    expect((await alex.client.post(`/api/v1/commitments/${id}/resume`)).status).toBe(200);
    await live('2026-02-12T12:00:00.000Z'); // Wednesday's comes
    expect((await alex.client.post(`/api/v1/commitments/${id}/end`)).status).toBe(200);
    await live('2026-02-13T12:00:00.000Z');
    const sent = (await remindersOf(alex)).filter((r) => r.state === 'sent');
    expect(sent.map((r) => r.dedupe_key)).toEqual([`commitment:${id}:2026-02-11`]);
    expect(count(await notificationsOf(alex), (n) => n.kind === 'reminder.commitment')).toBe(1);
  }, 60_000);
});

describe('a missed window', () => {
  it('after three hours down, sends late only what is still useful', async () => {
    t.clock.set('2026-02-16T12:00:00.000Z'); // a Monday
    const { a: alex } = await t.couple(['Alex', 'Sam']);
    await setPrefs(alex, { checkinTime: '20:00', commitmentNudgeMinutes: 60, email: true });
    const id = await commit(alex, { kind: 'daily', by: '21:00' }, '2026-02-16');
    await live('2026-02-16T19:00:00.000Z');
    // The server is down from 19:00 to 22:00: no ticks.
    t.clock.set('2026-02-16T22:00:00.000Z');
    await tick();
    const rows = await remindersOf(alex);
    const today = rows.filter((r) => r.dedupe_key.endsWith('2026-02-16'));
    expect(today.map((r) => [r.kind, r.state, r.sent_at])).toEqual([
      // The check-in reminder is useful until the day ends: it goes, late.
      ['reminder.checkin', 'sent', '2026-02-16T22:00:00.000Z'],
      // The nudge for something due at 21:00 is not worth sending at 22:00.
      ['reminder.commitment', 'skipped', null],
    ]);
    expect(today.find((r) => r.kind === 'reminder.commitment')?.subject_id).toBe(id);
    expect((await notificationsOf(alex)).map((n) => n.kind)).toEqual(['reminder.checkin']);
    expect(await mailsTo(alex)).toHaveLength(1);
  });

  it('after three days down (longer than the plan ahead), plans the gap and sends only what is still useful', async () => {
    t.clock.set('2026-03-02T12:00:00.000Z'); // a Monday
    const p = await t.signUp('Kai');
    await setPrefs(p, { checkinTime: '20:00' });
    await tick(); // planned until Wednesday noon
    t.clock.set('2026-03-05T21:00:00.000Z'); // Thursday evening
    await tick();
    const rows = await remindersOf(p);
    expect(rows.filter((r) => r.state === 'sent').map((r) => [r.dedupe_key, r.sent_at])).toEqual([
      ['checkin:2026-03-05', '2026-03-05T21:00:00.000Z'],
    ]);
    expect(count(await notificationsOf(p), (n) => n.kind === 'reminder.checkin')).toBe(1);
  });
});

describe('a crash between sending and marking', () => {
  it('sends again once when the lease runs out, and never a third time', async () => {
    t.clock.set('2026-03-09T19:00:00.000Z'); // a Monday
    const p = await t.signUp('Noor');
    await setPrefs(p, { checkinTime: '20:00', email: true });
    await live('2026-03-09T20:00:00.000Z');
    // 20:00: the worker sends, then dies before it can mark the reminder sent.
    const crashed = await tick('worker-that-dies', {
      beforeMark: (r) => {
        if (r.user_id === p.id) throw new Error('process killed');
      },
    });
    expect(crashed).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    let [row] = await remindersOf(p);
    expect(row).toMatchObject({ state: 'claimed', claimed_by: 'worker-that-dies', lease_until: '2026-03-09T20:02:00.000Z' });
    expect(await mailsTo(p)).toHaveLength(1);

    // Another worker before the lease runs out: leaves it alone.
    t.clock.set('2026-03-09T20:01:00.000Z');
    expect(await tick('second-worker')).toMatchObject({ claimed: 0 });
    // After it ran out: claims it, sends it again, marks it.
    t.clock.set('2026-03-09T20:02:30.000Z');
    expect(await tick('second-worker')).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await remindersOf(p);
    expect(row).toMatchObject({ state: 'sent', claimed_by: 'second-worker', sent_at: '2026-03-09T20:02:30.000Z' });

    await live('2026-03-10T12:00:00.000Z');
    const mails = await mailsTo(p);
    expect(mails).toHaveLength(2); // the one resend, no more
    for (const mail of mails) expectNeutral(mail, 'Noor');
    expect(count(await notificationsOf(p), (n) => n.kind === 'reminder.checkin')).toBe(2);
  });
});

describe('push', () => {
  it('goes to each of the person’s devices once per reminder, with the fixed neutral words', async () => {
    t.clock.set('2026-03-16T19:00:00.000Z'); // a Monday
    const p = await t.signUp('Ash');
    const browser = newBrowserKeys(randomBytes(16));
    const name = randomUUID();
    const sub = await p.client.post('/api/v1/push/subscriptions', { endpoint: pushService.endpoint(name), keys: browser.json });
    expect(sub.status, sub.text).toBe(201);
    await setPrefs(p, { checkinTime: '20:00', push: true });
    await live('2026-03-17T21:00:00.000Z');
    const received = pushService.received.filter((r) => r.path === `/push/${name}`);
    expect(received).toHaveLength(2); // Monday's and Tuesday's
    for (const r of received) {
      expect(JSON.parse(decryptWebPush(r.body, browser).toString('utf8'))).toEqual(NEUTRAL_PUSH);
    }
    expect(await mailsTo(p)).toEqual([]); // email was not chosen
  });
});

describe('preferences changed', () => {
  it('a new check-in time applies from the next tick; the day already reminded is not reminded again', async () => {
    t.clock.set('2026-03-23T12:00:00.000Z'); // a Monday (London on GMT until the 29th)
    const p = await t.signUp('Lee');
    await setPrefs(p, { checkinTime: '20:00' });
    await live('2026-03-23T20:30:00.000Z'); // Monday's sent at 20:00
    await setPrefs(p, { checkinTime: '21:00' }); // the same day's key: not again today
    await live('2026-03-24T22:00:00.000Z');
    const rows = await remindersOf(p);
    expect(rows.slice(0, 2).map((r) => [r.dedupe_key, r.state, r.sent_at])).toEqual([
      ['checkin:2026-03-23', 'sent', '2026-03-23T20:00:00.000Z'],
      ['checkin:2026-03-24', 'sent', '2026-03-24T21:00:00.000Z'],
    ]);
    // Planned ahead at the new time.
    expect(rows.slice(2).length).toBeGreaterThan(0);
    for (const r of rows.slice(2)) expect([r.state, r.send_at.slice(10)]).toEqual(['pending', 'T21:00:00.000Z']);
    // Turned off: what was planned goes.
    await setPrefs(p, { checkinTime: null });
    await live('2026-03-27T00:00:00.000Z');
    expect((await remindersOf(p)).filter((r) => r.state !== 'sent')).toEqual([]);
  });
});

describe('the loop in the server process', () => {
  it('ticks on its own every REMINDER_INTERVAL_SECONDS, is off at 0, and stops cleanly', async () => {
    expect(startReminderWorker(t.deps, 0)).toBeNull();
    t.clock.set('2026-04-06T18:59:00.000Z'); // a Monday; London on BST: 20:00 local is 19:00 UTC
    const p = await t.signUp('Sol');
    await setPrefs(p, { checkinTime: '20:00' });
    const worker = startReminderWorker(t.deps, 0.05);
    expect(worker?.workerId).toMatch(/:\d+:[0-9a-f]{8}$/);
    const stateOf = async () => (await remindersOf(p)).find((r) => r.dedupe_key === 'checkin:2026-04-06')?.state;
    const waitFor = async (state: string) => {
      for (let i = 0; i < 100 && (await stateOf()) !== state; i++) await new Promise((r) => setTimeout(r, 30));
      return stateOf();
    };
    expect(await waitFor('pending')).toBe('pending');
    t.clock.set('2026-04-06T19:00:00.000Z');
    expect(await waitFor('sent')).toBe('sent');
    await worker?.stop();
    expect(count(await notificationsOf(p), (n) => n.kind === 'reminder.checkin')).toBe(1);
  });

  it('forgets reminders done more than two weeks ago', async () => {
    t.clock.set('2026-04-20T12:00:00.000Z'); // London on BST: 20:00 local is 19:00 UTC
    const p = await t.signUp('Ren');
    await setPrefs(p, { checkinTime: '20:00' });
    await live('2026-04-21T00:00:00.000Z');
    await setPrefs(p, { checkinTime: null });
    await tick(); // what was planned ahead goes
    expect((await remindersOf(p)).map((r) => [r.dedupe_key, r.state, r.send_at])).toEqual([
      ['checkin:2026-04-20', 'sent', '2026-04-20T19:00:00.000Z'],
    ]);
    t.clock.set('2026-05-04T19:00:00.000Z'); // exactly 14 days after: kept
    await tick();
    expect(await remindersOf(p)).toHaveLength(1);
    t.clock.set('2026-05-04T19:00:00.001Z');
    await tick();
    expect(await remindersOf(p)).toEqual([]);
  });
});

describe('a plan that fails', () => {
  it('is tried again in an hour, not at every tick (so it never crowds out everyone else’s)', async () => {
    t.clock.set('2026-05-10T11:59:00.000Z');
    const p = await t.signUp('Vale');
    await setPrefs(p, { checkinTime: '20:00' });
    t.clock.set('2026-05-10T12:00:00.000Z');
    // A zone the planner cannot read makes this person's plan throw.
    await t.deps.db.updateTable('users').set({ time_zone: 'Not/AZone' }).where('id', '=', p.id).execute();
    const plannedAt = async () =>
      (await t.deps.db.selectFrom('reminder_plans').select('planned_at').where('user_id', '=', p.id).executeTakeFirst())
        ?.planned_at;
    await tick();
    expect(await plannedAt()).toBe('2026-05-10T12:00:00.000Z');
    t.clock.advance(30_000);
    await tick();
    t.clock.set('2026-05-10T12:59:00.000Z');
    await tick();
    expect(await plannedAt()).toBe('2026-05-10T12:00:00.000Z');
    t.clock.set('2026-05-10T13:00:01.000Z');
    await tick();
    expect(await plannedAt()).toBe('2026-05-10T13:00:01.000Z');
    await t.deps.db.updateTable('users').set({ time_zone: 'Europe/London' }).where('id', '=', p.id).execute();
  });
});
