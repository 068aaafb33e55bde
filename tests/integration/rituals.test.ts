import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RITUALS, ritualById } from '../../src/domain/closeness/rituals.js';
import { COMMITMENT_LIMITS } from '../../src/domain/commitments.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestApp, leaveSpace, type Person, type TestApp } from '../support/test-app.js';

// Connection rituals (decision 021): taking one up with a partner makes a commitment in Act (me the
// doer, my partner the receiver, the ritual recorded), logged and noticed like any other; alone it is a
// plan that becomes a commitment when a partner joins; dropping it ends the commitment and keeps its log.

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logger: createLogger('info', capture) });
});
afterAll(async () => {
  await t?.close();
});

// 2026-11-23 is a Monday. London is on UTC in November, so local times read as UTC there.
const MONDAY = '2026-11-23';
const TEN_MINUTES = 'ten-minutes-about-their-day';
const WALK = 'weekly-walk';
const DAILY_9PM = { kind: 'daily', by: '21:00' } as const;
const TWICE_A_WEEK = { kind: 'weekly', times: 2 } as const;

const adopt = (p: Person, ritualId: string, schedule: object) => p.client.put(`/api/v1/rituals/${ritualId}/mine`, { schedule });
const drop = (p: Person, ritualId: string) => p.client.call('rituals.drop', { params: { ritualId } });

async function mine(p: Person, ritualId: string) {
  const list = await p.client.call('rituals.list');
  expect(list.status, list.text).toBe(200);
  return list.body.rituals.find((r) => r.id === ritualId)?.mine ?? null;
}

async function commitments(p: Person) {
  const res = await p.client.call('commitments.list');
  expect(res.status, res.text).toBe(200);
  return res.body.commitments;
}

/** Two people who each signed up alone; `joiner` accepts `inviter`'s invite. */
async function join(inviter: Person, joiner: Person) {
  const invite = await inviter.client.call('spaces.invites.create');
  expect(invite.status, invite.text).toBe(201);
  const accepted = await joiner.client.call('spaces.invites.accept', { params: { token: invite.body.token } });
  expect(accepted.status, accepted.text).toBe(200);
}

describe('the library', () => {
  it('lists every ritual with whether I took it up, and each can become a commitment', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const solo = await t.signUp('Browsing');
    const list = await solo.client.call('rituals.list');
    expect(list.status).toBe(200);
    expect(list.body.hasPartner).toBe(false);
    expect(list.body.rituals.map((r) => r.id)).toEqual(RITUALS.map((r) => r.id));
    expect(list.body.rituals.every((r) => r.mine === null)).toBe(true);
    const first = RITUALS[0];
    expect(list.body.rituals[0]).toEqual({ ...first, mine: null });
    for (const ritual of RITUALS) expect(ritual.what.length, ritual.id).toBeLessThanOrEqual(COMMITMENT_LIMITS.whatLength);
    expect((await t.client().call('rituals.list')).status).toBe(401);
  });
});

describe('taking a ritual up with a partner', () => {
  it('makes a commitment in Act: me the doer, my partner the receiver, the ritual recorded, starting today', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a, b } = await t.couple(['Dana', 'Eli']);
    const ritual = ritualById(TEN_MINUTES);
    if (!ritual) throw new Error('ritual missing');
    const live = await b.client.stream('/api/v1/events');
    expect((await live.drain(300)).map((e) => e.event)).toEqual(['ready']);

    const res = await adopt(a, TEN_MINUTES, DAILY_9PM);
    expect(res.status, res.text).toBe(200);
    expect(res.body.mine).toEqual({
      state: 'active',
      schedule: DAILY_9PM,
      commitmentId: expect.any(String),
      since: `${MONDAY}T08:00:00.000Z`,
    });
    const id = res.body.mine.commitmentId as string;
    // The partner hears of it as of any commitment.
    expect((await live.drain(500)).map((e) => e.event)).toEqual(['commitment.changed']);
    live.close();

    const [mineInAct] = await commitments(a);
    expect(mineInAct).toMatchObject({
      id,
      ritualId: TEN_MINUTES,
      agreementId: null,
      actorIsMe: true,
      what: ritual.what,
      schedule: DAILY_9PM,
      startsOn: MONDAY,
      state: 'active',
      canChange: true,
    });
    const [theirs] = await commitments(b);
    expect(theirs).toMatchObject({ id, ritualId: TEN_MINUTES, actorIsMe: false, what: ritual.what, canChange: false });
    // The partner took nothing up.
    expect(await mine(b, TEN_MINUTES)).toBeNull();
    expect(await mine(a, TEN_MINUTES)).toMatchObject({ state: 'active', commitmentId: id });

    // Logged by the doer and noticed by the receiver like any other commitment.
    t.clock.set(`${MONDAY}T20:30:00.000Z`);
    const marked = await a.client.call('log.mark', { params: { id, key: MONDAY }, body: { status: 'done' } });
    expect(marked.status, marked.text).toBe(200);
    const noticed = await b.client.call('log.ack', { params: { id, key: MONDAY }, body: { noticed: true, helped: 3 } });
    expect(noticed.status, noticed.text).toBe(200);
    const seen = await b.client.call('log.occurrences', { params: { id }, query: { from: MONDAY, to: MONDAY } });
    expect(seen.body.occurrences[0]).toMatchObject({ key: MONDAY, mark: { status: 'done' }, ack: { noticed: true } });
  });

  it('changes the schedule of the commitment already running, rather than making a second one', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a } = await t.couple(['Fay', 'Gus']);
    const first = await adopt(a, WALK, TWICE_A_WEEK);
    const id = first.body.mine.commitmentId;
    t.clock.set(`${MONDAY}T09:00:00.000Z`);
    const again = await adopt(a, WALK, { kind: 'weekdays', days: [6, 7], by: null });
    expect(again.status, again.text).toBe(200);
    expect(again.body.mine).toMatchObject({ state: 'active', commitmentId: id, schedule: { kind: 'weekdays', days: [6, 7] } });
    const list = await commitments(a);
    expect(list).toHaveLength(1);
    expect(list[0]?.versions.map((v) => v.schedule.kind)).toEqual(['weekly', 'weekdays']);
    // The same schedule again changes nothing.
    await adopt(a, WALK, { kind: 'weekdays', days: [6, 7], by: null });
    expect((await commitments(a))[0]?.versions).toHaveLength(2);
  });

  it('refuses a one-off schedule (400 naming schedule), an unknown ritual (404), and signed-out visitors', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a } = await t.couple(['Hal', 'Ivy']);
    const once = await adopt(a, WALK, { kind: 'once', date: '2026-11-30', by: '18:00' });
    expect(once.status).toBe(400);
    expect(once.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['schedule']);
    const unknown = await adopt(a, 'no-such-ritual', TWICE_A_WEEK);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await drop(a, 'no-such-ritual')).status).toBe(404);
    expect((await adopt(a, 'Not An Id', TWICE_A_WEEK)).status).toBe(400);
    expect((await t.client().put(`/api/v1/rituals/${WALK}/mine`, { schedule: TWICE_A_WEEK })).status).toBe(401);
    expect(await commitments(a)).toEqual([]);
  });
});

describe('dropping a ritual', () => {
  it('ends its commitment, keeps what was logged, and touches nothing of the partner', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a, b } = await t.couple(['Jo', 'Kai']);
    const id = (await adopt(a, TEN_MINUTES, DAILY_9PM)).body.mine.commitmentId as string;
    const hers = (await adopt(b, WALK, TWICE_A_WEEK)).body.mine.commitmentId as string;
    t.clock.set(`${MONDAY}T20:30:00.000Z`);
    expect((await a.client.call('log.mark', { params: { id, key: MONDAY }, body: { status: 'done' } })).status).toBe(200);

    // The partner dropping "my" ritual drops nothing: it is not theirs.
    expect((await drop(b, TEN_MINUTES)).status).toBe(204);
    expect(await mine(a, TEN_MINUTES)).toMatchObject({ state: 'active' });

    t.clock.set(`${MONDAY}T22:00:00.000Z`);
    expect((await drop(a, TEN_MINUTES)).status).toBe(204);
    expect(await mine(a, TEN_MINUTES)).toBeNull();
    const ended = await a.client.call('commitments.get', { params: { id } });
    expect(ended.body).toMatchObject({ state: 'ended', endedAt: `${MONDAY}T22:00:00.000Z`, ritualId: TEN_MINUTES });
    const log = await b.client.call('log.occurrences', { params: { id }, query: { from: MONDAY, to: MONDAY } });
    expect(log.body.occurrences[0]).toMatchObject({ key: MONDAY, mark: { status: 'done' } });
    expect(await mine(b, WALK)).toMatchObject({ state: 'active', commitmentId: hers });
    // Dropping again is quiet; taking it up again makes a fresh commitment.
    expect((await drop(a, TEN_MINUTES)).status).toBe(204);
    const again = await adopt(a, TEN_MINUTES, DAILY_9PM);
    expect(again.body.mine.commitmentId).not.toBe(id);
  });

  it('reads a ritual whose commitment was ended in Act as no longer taken up', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a } = await t.couple(['Lou', 'Max']);
    const id = (await adopt(a, WALK, TWICE_A_WEEK)).body.mine.commitmentId as string;
    expect((await a.client.call('commitments.end', { params: { id } })).status).toBe(200);
    expect(await mine(a, WALK)).toBeNull();
  });
});

describe('alone: a plan, until a partner joins', () => {
  it('saves a plan, and each member’s plans become commitments when they join, either way round', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const inviter = await t.signUp('Nia');
    const joiner = await t.signUp('Oto');
    const planned = await adopt(inviter, TEN_MINUTES, DAILY_9PM);
    expect(planned.status, planned.text).toBe(200);
    expect(planned.body.mine).toEqual({
      state: 'planned',
      schedule: DAILY_9PM,
      commitmentId: null,
      since: `${MONDAY}T08:00:00.000Z`,
    });
    expect((await adopt(joiner, WALK, TWICE_A_WEEK)).body.mine).toMatchObject({ state: 'planned' });
    // A plan changes schedule in place while alone.
    t.clock.set(`${MONDAY}T09:00:00.000Z`);
    expect((await adopt(joiner, WALK, { kind: 'weekly', times: 1 })).body.mine).toMatchObject({
      state: 'planned',
      schedule: { kind: 'weekly', times: 1 },
      since: `${MONDAY}T08:00:00.000Z`,
    });
    expect(await commitments(inviter)).toEqual([]);

    t.clock.set(`${MONDAY}T10:00:00.000Z`);
    await join(inviter, joiner);
    const inviters = await mine(inviter, TEN_MINUTES);
    expect(inviters).toMatchObject({ state: 'active', schedule: DAILY_9PM, since: `${MONDAY}T10:00:00.000Z` });
    const joiners = await mine(joiner, WALK);
    expect(joiners).toMatchObject({ state: 'active', schedule: { kind: 'weekly', times: 1 } });

    const seenByInviter = await commitments(inviter);
    expect(seenByInviter.map((c) => [c.ritualId, c.actorIsMe, c.startsOn]).sort()).toEqual([
      [TEN_MINUTES, true, MONDAY],
      [WALK, false, MONDAY],
    ]);
    expect(seenByInviter.find((c) => c.ritualId === TEN_MINUTES)?.id).toBe(inviters?.commitmentId);
    const seenByJoiner = await commitments(joiner);
    expect(seenByJoiner.find((c) => c.ritualId === WALK)).toMatchObject({ id: joiners?.commitmentId, actorIsMe: true });
  });

  it('leaving keeps a plan waiting for the next partner; a plan that cannot start is logged and the join still happens', async () => {
    t.clock.set(`${MONDAY}T08:00:00.000Z`);
    const { a, b } = await t.couple(['Pia', 'Quin']);
    const first = (await adopt(a, WALK, TWICE_A_WEEK)).body.mine.commitmentId as string;
    expect((await leaveSpace(b)).status).toBe(200);
    expect(await mine(a, WALK)).toMatchObject({ state: 'planned', commitmentId: null, schedule: TWICE_A_WEEK });

    // A stored plan that cannot become a commitment (a schedule no longer valid).
    await t.deps.db
      .insertInto('ritual_plans')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        user_id: a.id,
        ritual_id: TEN_MINUTES,
        schedule_json: '{"kind":"fortnightly"}',
        commitment_id: null,
        created_at: `${MONDAY}T08:00:00.000Z`,
        updated_at: `${MONDAY}T08:00:00.000Z`,
      })
      .execute();
    const next = await t.signUp('Rue');
    const logFrom = lines.length;
    await join(next, a);
    const logged = lines.slice(logFrom).map((l) => JSON.parse(l) as { msg: string });
    expect(logged.map((l) => l.msg)).toContain('a ritual plan could not become a commitment');
    expect(lines.slice(logFrom).join('')).not.toContain(ritualById(TEN_MINUTES)?.what);

    // The join happened; the failing plan did not stop the others.
    await t.deps.db.deleteFrom('ritual_plans').where('ritual_id', '=', TEN_MINUTES).where('user_id', '=', a.id).execute();
    expect((await a.client.call('spaces.get')).body.partner?.name).toBe('Rue');
    const walk = await mine(a, WALK);
    expect(walk).toMatchObject({ state: 'active' });
    expect(walk?.commitmentId).not.toBe(first);
    expect((await commitments(next)).map((c) => c.ritualId)).toEqual([WALK]);
  });
});
