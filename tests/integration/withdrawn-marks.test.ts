import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/zoned-time.js';
import { createTestApp, type Person, type TestApp } from '../support/test-app.js';

// Decision 027: an acknowledgement that answered a "done" which was then changed to "It didn't
// happen" (or taken back) is kept as the receiver's words about that mark and no longer counts as
// noticed. Both partners see the same state, and every figure agrees with it: Act's figures, Patience
// (charts and the weekly reflection) and "Is it working?". Answering again counts as any answer does:
// a partner may feel care on an occurrence its actor marked missed.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

// 2026-01-05 is a Monday; London is on UTC in January, so local days read as UTC days.
const M0 = '2026-01-05';
const occ = (id: string, key: string, side: 'mark' | 'ack') =>
  `/api/v1/commitments/${id}/occurrences/${encodeURIComponent(key)}/${side}`;

/** Rowan's need, agreed by Kit, who commits to a daily "by 21:00" on it. */
async function history() {
  t.clock.set(`${M0}T08:00:00.000Z`);
  const { a: rowan, b: kit } = await t.couple(['Rowan', 'Kit']);
  const need = await rowan.client.post('/api/v1/needs', { text: 'Ask about my day at dinner, most evenings' });
  expect((await rowan.client.post(`/api/v1/needs/${need.body.id}/share`)).status).toBe(200);
  const agreed = await kit.client.post(`/api/v1/needs/${need.body.id}/respond`, { kind: 'accept' });
  expect(agreed.status, agreed.text).toBe(200);
  const res = await kit.client.post('/api/v1/commitments', {
    agreementId: agreed.body.agreementId,
    what: 'Ask about your day at dinner, phone away',
    schedule: { kind: 'daily', by: '21:00' },
    startsOn: M0,
  });
  expect(res.status, res.text).toBe(201);
  return { rowan, kit, id: res.body.id as string, agreementId: agreed.body.agreementId as string };
}

async function one(p: Person, id: string, key: string) {
  const res = await p.client.get(`/api/v1/commitments/${id}/occurrences?from=${key}&to=${key}`);
  expect(res.status, res.text).toBe(200);
  return res.body.occurrences[0];
}

async function figures(p: Person, day: string) {
  const res = await p.client.get(`/api/v1/figures?from=${day}&to=${day}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function isItWorking(p: Person) {
  expect((await p.client.post('/api/v1/reflection/unlock', { password: p.password })).status).toBe(204);
  const res = await p.client.get('/api/v1/reflection/is-it-working');
  expect(res.status, res.text).toBe(200);
  return res.body.facts.lastFourWeeks;
}

async function patienceFelt(p: Person, agreementId: string) {
  const res = await p.client.get('/api/v1/progress?weeks=4');
  expect(res.status, res.text).toBe(200);
  const series = res.body.series.find((s: { id: string }) => s.id === `agreement:${agreementId}:felt-rate`);
  return series.points.map((x: { value: number }) => x.value);
}

async function weekly(p: Person) {
  const res = await p.client.get('/api/v1/reflection/weekly');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('A "done" taken back as "It didn\'t happen" (decision 027)', () => {
  it('keeps the acknowledgement as words about a withdrawn mark, the same for both, and no figure counts it', async () => {
    const { rowan, kit, id, agreementId } = await history();
    t.clock.set(`${M0}T21:30:00.000Z`);
    expect((await kit.client.put(occ(id, M0, 'mark'), { status: 'done' })).status).toBe(200);
    const acked = await rowan.client.put(occ(id, M0, 'ack'), { noticed: true, helped: 2 });
    expect(acked.status, acked.text).toBe(200);
    expect(acked.body.ack).toMatchObject({ noticed: true, helped: 2, answeredWithdrawn: false });
    expect((await figures(rowan, M0)).partners).toMatchObject({ due: 1, done: 1, noticed: 1 });

    // Later that evening, past the ten minutes: Kit says it didn't happen after all.
    t.clock.set(`${M0}T22:30:00.000Z`);
    const changed = await kit.client.put(occ(id, M0, 'mark'), { status: 'missed', note: 'I was on my phone after all' });
    expect(changed.status, changed.text).toBe(200);

    // Both see the same honest state: the answer is kept, marked as answering a withdrawn "done".
    for (const p of [kit, rowan]) {
      const o = await one(p, id, M0);
      expect(o.mark).toMatchObject({ status: 'missed' });
      expect(o.ack).toMatchObject({ noticed: true, helped: 2, answeredWithdrawn: true });
      expect(o.counted).toBe(true);
    }
    // Act's figures on both sides: Done 0 of 1, Noticed 0 of 1 (it read 1 of 1 before the fix).
    expect((await figures(kit, M0)).mine).toMatchObject({ due: 1, done: 0, noticed: 0, followThrough: 0, feltRate: 0, gap: 0 });
    expect((await figures(rowan, M0)).partners).toMatchObject({ due: 1, done: 0, noticed: 0, feltRate: 0 });
    // Today's lists on both screens say the same, and the figures inside them agree.
    const today = (await rowan.client.get('/api/v1/log/today')).body;
    expect(today.recent[0].ack.answeredWithdrawn).toBe(true);
    expect(today.toAcknowledge).toEqual([]);

    // Patience, the weekly reflection and "Is it working?" agree with what is shown.
    t.clock.set(`${addDays(M0, 1)}T08:00:00.000Z`);
    expect(await patienceFelt(rowan, agreementId)).toEqual([0]);
    const w = await weekly(rowan);
    expect(w.compare.feltRate.now).toBe(0);
    expect(w.compare.followThrough.now).toBe(0);
    expect(w.wentWell).toEqual([]);
    expect(await isItWorking(rowan)).toMatchObject({ due: 1, done: 0, noticed: 0, partnerFollowThrough: 0, myFeltRate: 0 });

    // Rowan answers again while it says "It didn't happen": felt care still counts (feltRate as specified).
    const again = await rowan.client.put(occ(id, M0, 'ack'), { noticed: true, helped: 2 });
    expect(again.status, again.text).toBe(200);
    expect(again.body.ack).toMatchObject({ noticed: true, helped: 2, answeredWithdrawn: false });
    expect((await one(kit, id, M0)).ack.answeredWithdrawn).toBe(false);
    expect((await figures(kit, M0)).mine).toMatchObject({ due: 1, done: 0, noticed: 1, feltRate: 1 });
    expect(await isItWorking(rowan)).toMatchObject({ noticed: 1, myFeltRate: 1 });
    expect(await patienceFelt(rowan, agreementId)).toEqual([100]);
  });

  it('a "done" taken back within ten minutes withdraws the answer too; marking it done again makes it stand', async () => {
    const { rowan, kit, id } = await history();
    const day = addDays(M0, 0);
    t.clock.set(`${day}T21:30:00.000Z`);
    expect((await kit.client.put(occ(id, day, 'mark'), { status: 'done' })).status).toBe(200);
    expect((await rowan.client.put(occ(id, day, 'ack'), { noticed: true, helped: 3 })).status).toBe(200);
    t.clock.set(`${day}T21:35:00.000Z`);
    expect((await kit.client.delete(occ(id, day, 'mark'))).status).toBe(204);
    for (const p of [kit, rowan]) {
      const o = await one(p, id, day);
      expect(o.mark).toBeNull();
      expect(o.ack).toMatchObject({ noticed: true, helped: 3, answeredWithdrawn: true });
    }
    expect((await figures(kit, day)).mine).toMatchObject({ due: 1, done: 0, noticed: 0 });

    expect((await kit.client.put(occ(id, day, 'mark'), { status: 'done' })).status).toBe(200);
    expect((await one(rowan, id, day)).ack.answeredWithdrawn).toBe(false);
    expect((await figures(rowan, day)).partners).toMatchObject({ due: 1, done: 1, noticed: 1 });
  });

  it('an answer given to a "missed" keeps counting whatever the mark becomes', async () => {
    const { rowan, kit, id } = await history();
    t.clock.set(`${M0}T21:30:00.000Z`);
    expect((await kit.client.put(occ(id, M0, 'mark'), { status: 'missed' })).status).toBe(200);
    expect((await rowan.client.put(occ(id, M0, 'ack'), { noticed: true })).status).toBe(200);
    expect((await figures(kit, M0)).mine).toMatchObject({ due: 1, done: 0, noticed: 1, feltRate: 1 });
    t.clock.set(`${M0}T22:30:00.000Z`);
    expect((await kit.client.put(occ(id, M0, 'mark'), { status: 'done' })).status).toBe(200);
    expect((await kit.client.put(occ(id, M0, 'mark'), { status: 'missed' })).status).toBe(200);
    expect((await one(kit, id, M0)).ack.answeredWithdrawn).toBe(false);
    expect((await figures(rowan, M0)).partners).toMatchObject({ due: 1, done: 0, noticed: 1 });
  });
});
