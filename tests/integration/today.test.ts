import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

// GET /api/v1/today: the home screen's one request, on SQLite and PostgreSQL.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T10:00:00.000Z');
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/today', () => {
  it('shows mine to mark, then my partner sees it to acknowledge, and check-ins follow their visibility', async () => {
    const { a, b } = await t.couple(['Rowan', 'Kai']);
    const created = await a.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Ask about your day over dinner',
      schedule: { kind: 'daily', by: null },
      startsOn: '2026-11-25',
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;

    const before = await a.client.get('/api/v1/today');
    expect(before.status, before.text).toBe(200);
    expect(before.body.date).toBe('2026-11-25');
    expect(before.body.zone).toBe('Europe/London');
    expect(before.body.act.toMark.map((o: { commitmentId: string }) => o.commitmentId)).toEqual([id]);
    expect(before.body.checkins).toEqual({ mine: null, partners: null });
    expect(before.body.pulse).toEqual({ week: '2026-W48', answered: false });

    const key = before.body.act.toMark[0].key;
    expect((await a.client.put(`/api/v1/commitments/${id}/occurrences/${key}/mark`, { status: 'done' })).status).toBe(200);
    const forB = await b.client.get('/api/v1/today');
    expect(forB.body.act.toMark).toEqual([]);
    expect(forB.body.act.toAcknowledge.map((o: { key: string }) => o.key)).toEqual([key]);

    // A private check-in stays with its author; a shared one reaches the partner's today.
    const privateLine = 'canary-private-checkin-line';
    await a.client.put('/api/v1/checkins/2026-11-25', {
      connected: 6,
      heard: 5,
      mood: 'hopeful',
      line: privateLine,
      visibility: 'private',
    });
    expect((await a.client.get('/api/v1/today')).body.checkins.mine.line).toBe(privateLine);
    const hidden = await b.client.get('/api/v1/today');
    expect(hidden.body.checkins.partners).toBeNull();
    expect(hidden.text).not.toContain(privateLine);

    await a.client.put('/api/v1/checkins/2026-11-25', {
      connected: 6,
      heard: 5,
      mood: 'hopeful',
      line: 'A good talk at lunch',
      visibility: 'couple',
    });
    const shared = await b.client.get('/api/v1/today');
    expect(shared.body.checkins.partners.line).toBe('A good talk at lunch');
    expect(shared.body.checkins.mine).toBeNull();
  });

  it('says where I am on the journey: the steps I began (mine only), this week from Monday, my pulse trend', async () => {
    const { a, b } = await t.couple(['Ash', 'Bo']);
    const fresh = await a.client.get('/api/v1/today');
    expect(fresh.status, fresh.text).toBe(200);
    expect(fresh.body.journey.begun).toEqual([]);
    expect(fresh.body.journey.trend.verdict).toBe('too-early');
    // 25 November 2026 is a Wednesday: the week runs from Monday the 23rd.
    expect(fresh.body.journey.thisWeek).toEqual({
      from: '2026-11-23',
      to: '2026-11-25',
      mine: { due: 0, done: 0, noticed: 0 },
      partners: { due: 0, done: 0, noticed: 0 },
    });

    expect((await a.client.post('/api/v1/self-checks', { ratings: { insecurity: 3 } })).status).toBe(201);
    expect((await a.client.post('/api/v1/needs', { text: 'Ask about my day at dinner, most evenings' })).status).toBe(201);
    const made = await b.client.post('/api/v1/commitments', {
      agreementId: null,
      what: 'Ask about your day over dinner',
      schedule: { kind: 'daily', by: null },
      startsOn: '2026-11-25',
    });
    expect(made.status, made.text).toBe(201);
    const forB = await b.client.get('/api/v1/today');
    const open = forB.body.act.toMark.find((o: { commitmentId: string }) => o.commitmentId === made.body.id);
    expect(
      (await b.client.put(`/api/v1/commitments/${made.body.id}/occurrences/${open.key}/mark`, { status: 'done' })).status,
    ).toBe(200);

    const after = await a.client.get('/api/v1/today');
    // A commitment made for me counts as Act begun in our space; my partner's own steps are not mine.
    expect(after.body.journey.begun).toEqual(['understand', 'needs', 'act']);
    expect(after.body.journey.thisWeek.partners.done).toBeGreaterThanOrEqual(1);
    expect(after.body.journey.thisWeek.partners.noticed).toBe(0);
    expect((await b.client.get('/api/v1/today')).body.journey.begun).toEqual(['act']);
  });

  it('a solo person gets an empty today, not an error', async () => {
    const solo = await t.signUp('Solo');
    const res = await solo.client.get('/api/v1/today');
    expect(res.status, res.text).toBe(200);
    expect(res.body.act.toMark).toEqual([]);
    expect(res.body.act.toAcknowledge).toEqual([]);
  });

  it('answers 401 when signed out', async () => {
    expect((await t.client().get('/api/v1/today')).status).toBe(401);
  });
});
