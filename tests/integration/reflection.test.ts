import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULSE_ITEMS } from '../../src/domain/pulse.js';
import { addDays } from '../../src/domain/zoned-time.js';
import { createLogger } from '../../src/platform/logger.js';
import { routeTable } from '../../src/routes.js';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

// "Is it working?": a private place (open after signing in or entering the password again, closed
// after 15 quiet minutes; the mechanism itself is tested in reauth.test.ts), the facts and each level
// built through the API, and that opening it leaves nothing the partner can reach.

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logger: createLogger('trace', capture) });
});
afterAll(async () => {
  await t?.close();
});

const UNLOCK = '/api/v1/reflection/unlock';
const FACTS = '/api/v1/reflection/is-it-working';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// 2026-01-05 is a Monday; London is on UTC until late March, so local days read as UTC days.
const M0 = '2026-01-05';
const START = `${M0}T08:00:00.000Z`;
// Nine weeks on, a Monday morning: the last four weeks are 10 Feb .. 9 Mar, and the daily 21:00
// occurrences due by now are 10 Feb .. 8 Mar: 27 of them.
const END = `${addDays(M0, 63)}T08:00:00.000Z`;
const DAILY_9PM = { kind: 'daily', by: '21:00' } as const;

const concerningSafety = { afraid: 'yes' };

async function unlock(p: Person) {
  const res = await p.client.post(UNLOCK, { password: p.password });
  expect(res.status, res.text).toBe(204);
}

async function facts(p: Person) {
  await unlock(p);
  const res = await p.client.get(FACTS);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function inPerson(p: Person, times: number, heldOn: string) {
  for (let i = 0; i < times; i += 1) {
    const res = await p.client.post('/api/v1/conversations/in-person', {
      heldOn,
      said: 'I said how alone the evenings feel',
      wentHow: 'We both listened',
    });
    expect(res.status, res.text).toBe(201);
  }
}

/** A need `a` wrote, shared, and accepted by `b`: an agreement on a's need. */
async function agreementOn(a: Person, b: Person, text = 'Ask about my day at dinner, most evenings'): Promise<string> {
  const need = await a.client.post('/api/v1/needs', { text });
  expect(need.status, need.text).toBe(201);
  expect((await a.client.post(`/api/v1/needs/${need.body.id}/share`)).status).toBe(200);
  const agreed = await b.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'accept' });
  expect(agreed.status, agreed.text).toBe(200);
  return agreed.body.agreementId as string;
}

async function commitOn(actor: Person, agreementId: string | null) {
  const res = await actor.client.post('/api/v1/commitments', {
    agreementId,
    what: 'Ask about your day at dinner, phone away',
    schedule: DAILY_9PM,
    startsOn: M0,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

const occ = (id: string, key: string, side: 'mark' | 'ack') =>
  `/api/v1/commitments/${id}/occurrences/${encodeURIComponent(key)}/${side}`;

async function acks(receiver: Person, id: string, days: string[], noticed = true) {
  for (const day of days) {
    const res = await receiver.client.put(occ(id, day, 'ack'), { noticed });
    expect(res.status, res.text).toBe(200);
  }
}

async function marks(actor: Person, id: string, days: string[]) {
  for (const day of days) {
    const res = await actor.client.put(occ(id, day, 'mark'), { status: 'done' });
    expect(res.status, res.text).toBe(200);
  }
}

const daysFrom = (first: string, n: number) => Array.from({ length: n }, (_, i) => addDays(first, i));

/** This week's pulse with every statement rated the same (score (rating − 1) / 6 × 100). */
async function pulse(p: Person, week: string, rating: number, shared = false) {
  const answers = Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, rating]));
  const res = await p.client.put(`/api/v1/pulse/${week}`, { answers, shared });
  expect(res.status, res.text).toBeLessThan(300);
}

/** Moves the clock on to `to`, visiting every 20 days so the 30-day sessions stay alive. */
async function liveUntil(people: Person[], to: string) {
  const end = Date.parse(to);
  for (let at = t.clock.now().getTime() + 20 * DAY; at < end; at += 20 * DAY) {
    t.clock.set(new Date(at));
    for (const p of people) expect((await p.client.get('/api/v1/me')).status).toBe(200);
  }
  t.clock.set(to);
}

/** Rowan wrote a need, Kit agreed to it and made a daily commitment on it; Rowan held 3 conversations. */
async function historyAt(start: string) {
  t.clock.set(start);
  const { a, b } = await t.couple(['Rowan', 'Kit']);
  await inPerson(a, 3, M0);
  const agreementId = await agreementOn(a, b);
  const commitmentId = await commitOn(b, agreementId);
  return { a, b, agreementId, commitmentId };
}

describe('Is it working?: a private place behind the password (decision 022)', () => {
  it('opens right after signing in, closes after 15 quiet minutes, slides on each visit, and reopens with the password', async () => {
    t.clock.set('2026-02-02T10:00:00.000Z');
    const p = await t.signUp('Quiet');
    // The password was just typed to sign up: the private places are open.
    expect((await p.client.get(FACTS)).status).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await p.client.get(FACTS)).status).toBe(200); // exactly 15 minutes: still open, and slid on
    t.clock.advance(15 * MINUTE);
    expect((await p.client.get(FACTS)).status).toBe(200);
    t.clock.advance(15 * MINUTE + 1);
    const lapsed = await p.client.get(FACTS);
    expect(lapsed.status).toBe(403);
    expect(lapsed.body.error.code).toBe('reauth_required');

    const wrong = await p.client.post(UNLOCK, { password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_password');
    expect((await p.client.get(FACTS)).status).toBe(403);
    // Still signed in after a wrong password: it is not a sign-out.
    expect((await p.client.get('/api/v1/me')).status).toBe(200);

    await unlock(p);
    expect((await p.client.get(FACTS)).status).toBe(200);
    // Other use of the app does not keep it open: only visits to a private place slide it.
    t.clock.advance(10 * MINUTE);
    expect((await p.client.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(6 * MINUTE);
    expect((await p.client.get(FACTS)).status).toBe(403);
  });

  it('opens only the session the password was typed on', async () => {
    t.clock.set('2026-02-02T10:00:00.000Z');
    const p = await t.signUp('TwoDevices');
    const other = t.client('other device');
    expect((await other.post('/api/v1/auth/login', { email: p.email, password: p.password })).status).toBe(200);
    t.clock.advance(16 * MINUTE);
    expect((await p.client.get(FACTS)).status).toBe(403);
    expect((await other.get(FACTS)).status).toBe(403);
    await unlock(p);
    expect((await p.client.get(FACTS)).status).toBe(200);
    expect((await other.get(FACTS)).status).toBe(403);
    // Signing in again starts a new session, open because the password was just typed.
    expect((await other.post('/api/v1/auth/login', { email: p.email, password: p.password })).status).toBe(200);
    expect((await other.get(FACTS)).status).toBe(200);
  });

  it('refuses empty and unknown fields, and signed-out visitors', async () => {
    const p = await t.signUp('Fields');
    expect((await p.client.post(UNLOCK, { password: '' })).status).toBe(400);
    expect((await p.client.post(UNLOCK, { password: p.password, extra: 1 })).status).toBe(400);
    expect((await t.client().post(UNLOCK, { password: p.password })).status).toBe(401);
    expect((await t.client().get(FACTS)).status).toBe(401);
  });

  it('limits wrong passwords like sign-in failures, without touching sign-in itself', async () => {
    t.clock.set('2026-02-03T10:00:00.000Z');
    const p = await t.signUp('Guessed');
    const limit = t.deps.config.rateLimit.signInFailuresPerAccount;
    for (let i = 0; i < limit; i += 1) expect((await p.client.post(UNLOCK, { password: `wrong guess ${i}` })).status).toBe(401);
    const limited = await p.client.post(UNLOCK, { password: p.password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Signing in is counted apart.
    expect((await t.client().post('/api/v1/auth/login', { email: p.email, password: p.password })).status).toBe(200);
    t.clock.advance(t.deps.config.rateLimit.windowMs + 1);
    await unlock(p);
    expect((await p.client.get(FACTS)).status).toBe(200);
  });

  it('keeps no idempotency row of an unlock, even when the browser sends a key', async () => {
    const p = await t.signUp('NoReplay');
    const res = await p.client.post(UNLOCK, { password: p.password }, { 'idempotency-key': 'reflection-key-000001' });
    expect(res.status).toBe(204);
    const rows = await t.deps.db.selectFrom('idempotency_keys').select('route_id').where('user_id', '=', p.id).execute();
    expect(rows).toEqual([]);
  });
});

describe('Is it working?: the facts and the level, built through the API', () => {
  it('too early: no conversations and no agreement yet; nothing due, no pulse', async () => {
    t.clock.set(START);
    const { a } = await t.couple(['Early', 'Start']);
    const body = await facts(a);
    expect(body).toMatchObject({
      hasPartner: true,
      facts: {
        conversations: 0,
        agreements: 0,
        firstAgreementAt: null,
        weeksSinceFirstAgreement: null,
        lastFourWeeks: { from: addDays(M0, -27), to: M0, commitments: 0, due: 0, partnerFollowThrough: null, myFeltRate: null },
        pulse: { weeks: 12, answered: 0, verdict: 'too-early' },
      },
      signals: { level: 'too-early', reasons: ['few-conversations', 'no-agreement-yet'] },
      safetyConcern: false,
    });
    const solo = await t.signUp('Alone');
    expect((await facts(solo)).hasPartner).toBe(false);
  });

  it('too early until 8 full weeks after the first agreement, then concern when little is felt', async () => {
    const { a } = await historyAt(START);
    const justBefore = new Date(Date.parse(START) + 56 * DAY - MINUTE).toISOString();
    await liveUntil([a], justBefore);
    const early = await facts(a);
    expect(early.facts).toMatchObject({ conversations: 3, agreements: 1, firstAgreementAt: START, weeksSinceFirstAgreement: 7 });
    expect(early.signals).toEqual({ level: 'too-early', reasons: ['agreement-under-8-weeks'] });

    t.clock.advance(MINUTE);
    const eight = await facts(a);
    expect(eight.facts.weeksSinceFirstAgreement).toBe(8);
    expect(eight.facts.lastFourWeeks).toMatchObject({ due: 27, done: 0, noticed: 0, partnerFollowThrough: 0, myFeltRate: 0 });
    expect(eight.signals).toEqual({ level: 'concern', reasons: ['felt-rate-low', 'pulse-not-improving'] });
  });

  it('concern: over the last four weeks, 10 of 27 done and 5 felt; then keep going once 11 are felt', async () => {
    const { a, b, commitmentId } = await historyAt(START);
    // A commitment not on an agreement, and one Rowan made for Kit: neither is about Rowan's needs.
    const unlinked = await commitOn(b, null);
    const rowans = await commitOn(a, null);
    await liveUntil([a, b], END);
    await marks(b, commitmentId, daysFrom('2026-02-10', 10));
    await acks(a, commitmentId, daysFrom('2026-02-10', 5));
    await acks(a, commitmentId, ['2026-02-09']); // the day before the four weeks: not counted
    await acks(a, unlinked, daysFrom('2026-02-10', 20));
    await acks(b, rowans, daysFrom('2026-02-10', 20));

    const body = await facts(a);
    expect(body.facts).toMatchObject({
      conversations: 3,
      agreements: 1,
      firstAgreementAt: START,
      weeksSinceFirstAgreement: 9,
      lastFourWeeks: { from: '2026-02-10', to: '2026-03-09', commitments: 1, due: 27, done: 10, noticed: 5 },
    });
    expect(body.facts.lastFourWeeks.partnerFollowThrough).toBeCloseTo(10 / 27, 10);
    expect(body.facts.lastFourWeeks.myFeltRate).toBeCloseTo(5 / 27, 10);
    expect(body.signals).toEqual({ level: 'concern', reasons: ['felt-rate-low', 'pulse-not-improving'] });
    expect(body.safetyConcern).toBe(false);

    // Kit's own reflection is about Kit's needs: Rowan's private conversations and need are not in it.
    const kits = await facts(b);
    expect(kits.facts).toMatchObject({ conversations: 0, agreements: 0, lastFourWeeks: { commitments: 0, due: 0 } });

    await acks(a, commitmentId, daysFrom('2026-02-15', 6));
    const felt = await facts(a);
    expect(felt.facts.lastFourWeeks.noticed).toBe(11);
    expect(felt.facts.lastFourWeeks.myFeltRate).toBeCloseTo(11 / 27, 10);
    expect(felt.signals).toEqual({ level: 'keep-going', reasons: ['felt-rate-ok'] });
  });

  it('keep going while the pulse is improving, even with little felt yet', async () => {
    const { a, b } = await historyAt(START);
    // Seven weeks of Rowan's pulse, rising from 0 to 100 (private); Kit's shared pulse is Kit's own.
    for (let k = 3; k <= 9; k += 1) {
      t.clock.set(`${addDays(M0, 7 * k)}T07:00:00.000Z`);
      const week = (await a.client.get('/api/v1/pulse')).body.week as string;
      await pulse(a, week, k - 2);
      await pulse(b, week, 1, true);
    }
    t.clock.set(END);
    const body = await facts(a);
    expect(body.facts.pulse).toMatchObject({ weeks: 12, answered: 7, verdict: 'improving' });
    expect(body.facts.pulse.p).toBeLessThan(0.05);
    expect(body.facts.lastFourWeeks.myFeltRate).toBe(0);
    expect(body.signals).toEqual({ level: 'keep-going', reasons: ['pulse-improving'] });
    const kits = await facts(b);
    expect(kits.facts.pulse).toMatchObject({ answered: 7, verdict: 'steady' });
  });

  it('counts only the conversations of the space I share now, not those with an earlier partner', async () => {
    t.clock.set(START);
    const { a, b } = await t.couple(['Former', 'Ex']);
    await inPerson(a, 3, M0);
    expect((await facts(a)).facts.conversations).toBe(3);
    expect((await leaveSpace(b)).status).toBe(200);

    const c = await t.signUp('Next');
    const invite = await c.client.post('/api/v1/space/invites');
    expect((await a.client.post(`/api/v1/invites/${invite.body.token}/accept`)).status).toBe(200);
    const body = await facts(a);
    expect(body.hasPartner).toBe(true);
    expect(body.facts.conversations).toBe(0);
    expect(body.signals.reasons).toContain('few-conversations');
    // Ones held in the space shared now count, whoever recorded them there.
    await inPerson(a, 1, M0);
    expect((await facts(a)).facts.conversations).toBe(1);
  });

  it('says when my own safety answers raise concern, and only mine', async () => {
    const { a, b } = await historyAt(START);
    await liveUntil([a, b], END);
    expect((await a.client.put('/api/v1/safety', { answers: concerningSafety })).status).toBe(200);
    const body = await facts(a);
    expect(body.safetyConcern).toBe(true);
    expect(body.signals.level).toBe('concern');
    expect((await facts(b)).safetyConcern).toBe(false);
  });
});

describe('Is it working?: nothing about opening it reaches the partner', () => {
  const partnerGets = routeTable.filter((r) => r.method === 'GET' && !r.path.includes(':') && !r.success.stream);
  const streamRoute = routeTable.find((r) => r.method === 'GET' && r.success.stream);

  async function snapshot(p: Person): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    for (const route of partnerGets) {
      const res = await p.client.get(route.path);
      seen[route.path] = `${res.status} ${res.text}`;
    }
    if (streamRoute) {
      const reader = await p.client.stream(streamRoute.path);
      seen[streamRoute.path] = `${reader.status} ${JSON.stringify(await reader.drain(300))}`;
      reader.close();
    }
    return seen;
  }

  async function counts() {
    const db = t.deps.db;
    const n = async (table: 'events' | 'notifications' | 'idempotency_keys' | 'rate_limit_hits') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      events: await n('events'),
      notifications: await n('notifications'),
      idempotency: await n('idempotency_keys'),
      rateLimits: await n('rate_limit_hits'),
    };
  }

  it("leaves the partner's every response identical, with the clock held still", async () => {
    const { a, b, commitmentId } = await historyAt(START);
    await liveUntil([a, b], END);
    await marks(b, commitmentId, daysFrom('2026-02-10', 3));
    await acks(a, commitmentId, daysFrom('2026-02-10', 2));
    await pulse(a, '2026-W11', 3);
    await pulse(b, '2026-W11', 5, true);
    expect(partnerGets.length).toBeGreaterThan(10);
    expect(streamRoute).toBeDefined();

    // Two looks before: the partner's own reads are stable on their own.
    const before = await snapshot(b);
    expect(await snapshot(b)).toEqual(before);
    const stored = await counts();
    const live = await b.client.stream(streamRoute?.path ?? '/api/v1/events');
    expect((await live.drain(300)).map((e) => e.event)).toEqual(['ready']);
    const logFrom = lines.length;

    expect((await a.client.get(FACTS)).status).toBe(403); // weeks since signing in: the password is asked again
    await a.client.post(UNLOCK, { password: 'a wrong guess first' });
    await unlock(a);
    const opened = await a.client.get(FACTS, { 'idempotency-key': 'reflection-read-00001' });
    expect(opened.status).toBe(200);
    expect(opened.body.signals.level).toBe('concern');
    await a.client.get(FACTS);
    const logTo = lines.length;

    expect(await live.drain(500)).toEqual([]);
    live.close();
    expect(await snapshot(b)).toEqual(before);
    expect(await counts()).toEqual(stored);

    // The log holds the one generic line per request, and nothing else about it.
    const logged = lines.slice(logFrom, logTo).map((line) => JSON.parse(line) as Record<string, unknown>);
    const mine = logged.filter((l) => typeof l.route === 'string' && String(l.route).startsWith('reflection.'));
    expect(mine.length).toBe(5);
    for (const line of mine) {
      expect(line.msg).toBe('request');
      expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['method', 'ms', 'route', 'status']));
    }
    expect(logged.filter((l) => l.msg !== 'request')).toEqual([]);
    expect(lines.slice(logFrom, logTo).join('')).not.toContain(a.password);
  });
});
