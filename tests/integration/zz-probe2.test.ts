import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('probe2', () => {
  it('races', async () => {
    t.clock.set('2026-11-23T08:00:00.000Z');
    const { a, b } = await t.couple(['Alex', 'Sam']);
    const c = await a.client.post('/api/v1/commitments', { agreementId: null, what: 'Walk', schedule: { kind: 'daily', by: '21:00' }, startsOn: '2026-11-23' });
    const id = c.body.id;
    const out: string[] = [];
    const many = async (label: string, fs: (() => Promise<any>)[]) => {
      const rs = await Promise.all(fs.map((f) => f()));
      out.push(`${label}: ${rs.map((r) => r.status + (r.status >= 400 ? ':' + r.body?.error?.code : '')).join(',')}`);
    };
    await many('checkin x6', Array.from({ length: 6 }, (_, i) => () => a.client.put('/api/v1/checkins/2026-11-23', { connected: i, heard: 5, mood: 'calm', visibility: 'private' })));
    await many('mark x6', Array.from({ length: 6 }, (_, i) => () => a.client.put(`/api/v1/commitments/${id}/occurrences/2026-11-23/mark`, { status: i % 2 ? 'done' : 'missed' })));
    await many('ack x6', Array.from({ length: 6 }, (_, i) => () => b.client.put(`/api/v1/commitments/${id}/occurrences/2026-11-23/ack`, { noticed: i % 2 === 0 })));
    await many('pause x4', Array.from({ length: 4 }, () => () => a.client.post(`/api/v1/commitments/${id}/pause`)));
    const view = await a.client.get(`/api/v1/commitments/${id}`);
    out.push('pauses: ' + JSON.stringify(view.body.pauses));
    await many('resume x3', Array.from({ length: 3 }, () => () => a.client.post(`/api/v1/commitments/${id}/resume`)));
    await many('idem same key x5', Array.from({ length: 5 }, () => () => a.client.post('/api/v1/bids', { kind: 'gesture', text: 'tea' }, { 'Idempotency-Key': 'k-1' })));
    await many('reply x25', Array.from({ length: 25 }, () => () => b.client.post(`/api/v1/checkins/x/replies`, { kind: 'talk-tonight' })));
    const ci = await a.client.put('/api/v1/checkins/2026-11-23', { connected: 1, heard: 5, mood: 'calm', visibility: 'couple' });
    await many('reply x25', Array.from({ length: 25 }, () => () => b.client.post(`/api/v1/checkins/${ci.body.id}/replies`, { kind: 'talk-tonight' })));
    const n = await t.deps.db.selectFrom('checkin_replies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    out.push('replies stored ' + JSON.stringify(n));
    console.log(out.join('\n'));
  });
});
