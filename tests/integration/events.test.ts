import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAUSES } from '../../src/domain/causes.js';
import { publishEvent } from '../../src/realtime/publish.js';

const CAUSE_ID = CAUSES[0]?.id ?? 'missing';

import { createTestApp, leaveSpace, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the live event stream', () => {
  it('answers 401 signed out, and starts with a ready event that sets a short reconnect delay', async () => {
    const out = await t.client().stream('/api/v1/events');
    expect(out.status).toBe(401);
    const p = await t.signUp('Streamer');
    const s = await p.client.stream('/api/v1/events');
    expect(s.status).toBe(200);
    expect(s.response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(await s.next()).toMatchObject({ event: 'ready' });
    s.close();
  });

  it('tells the inviter live that their partner joined, with no words in the event', async () => {
    const a = await t.signUp('Linden');
    const b = await t.signUp('Maple');
    const stream = await a.client.stream('/api/v1/events');
    await stream.next();
    const invite = await a.client.post('/api/v1/space/invites');
    await b.client.post(`/api/v1/invites/${invite.body.token}/accept`);
    const event = await stream.next();
    expect(event?.event).toBe('space.changed');
    expect(JSON.parse(event?.data ?? '{}')).toEqual({ kind: 'space.changed', subjectId: null, at: expect.any(String) });
    expect(event?.data).not.toContain('Maple');
    // The stream closes after a change to the person's space, so the browser reconnects afresh.
    expect(await stream.next(1000)).toBeNull();
    expect(stream.ended).toBe(true);
  });

  it('delivers each event only to those the access policy allows', async () => {
    const { a, b } = await t.couple(['Olive', 'Pine']);
    const outsider = await t.signUp('Quince');
    const streams = await Promise.all([a, b, outsider].map((p) => p.client.stream('/api/v1/events')));
    for (const s of streams) await s.next();
    const space = (await a.client.get('/api/v1/space')).body.id as string;
    await publishEvent(t.deps, { kind: 'need.changed', spaceId: space, authorId: a.id, visibility: 'private', subjectId: 'x1' });
    await publishEvent(t.deps, { kind: 'causes.changed', spaceId: space, authorId: a.id, visibility: 'couple', subjectId: 'x2' });
    await publishEvent(t.deps, {
      kind: 'notification.created',
      spaceId: space,
      authorId: a.id,
      visibility: 'private',
      audienceId: b.id,
    });
    const [toA, toB, toOutsider] = await Promise.all(streams.map((s) => s.drain()));
    expect(toA?.map((e) => e.event)).toEqual(['need.changed', 'causes.changed']);
    expect(toB?.map((e) => e.event)).toEqual(['causes.changed', 'notification.created']);
    expect(toOutsider).toEqual([]);
    for (const s of streams) s.close();
  });

  it('resumes after Last-Event-ID without losing or repeating events', async () => {
    const { a } = await t.couple(['Rowan', 'Sage']);
    const space = (await a.client.get('/api/v1/space')).body.id as string;
    const first = await publishEvent(t.deps, { kind: 'log.changed', spaceId: space, authorId: a.id, visibility: 'couple' });
    await publishEvent(t.deps, { kind: 'ack.changed', spaceId: space, authorId: a.id, visibility: 'couple' });
    await publishEvent(t.deps, { kind: 'commitment.changed', spaceId: space, authorId: a.id, visibility: 'couple' });
    const resumed = await a.client.stream('/api/v1/events', { 'last-event-id': first.id });
    await resumed.next();
    expect((await resumed.drain()).map((e) => e.event)).toEqual(['ack.changed', 'commitment.changed']);
    resumed.close();
    const bad = await a.client.stream('/api/v1/events', { 'last-event-id': 'not-an-id' });
    expect(bad.status).toBe(400);
  });

  it('closes when its session ends, and when the member leaves the space', async () => {
    const p = await t.signUp('Tamarack');
    const s = await p.client.stream('/api/v1/events');
    await s.next();
    await p.client.post('/api/v1/auth/logout');
    expect(await s.next(1000)).toBeNull();
    expect(s.ended).toBe(true);

    const { a, b } = await t.couple(['Umber', 'Vale']);
    const sb = await b.client.stream('/api/v1/events');
    await sb.next();
    await leaveSpace(a);
    expect((await sb.next())?.event).toBe('space.changed');
    expect(await sb.next(1000)).toBeNull();
    expect(sb.ended).toBe(true);
  });
});

describe('events of the Why step', () => {
  it('tell the partner of a reveal, and never of private marking', async () => {
    const { a, b } = await t.couple(['Wren', 'Yarrow']);
    const streamB = await b.client.stream('/api/v1/events');
    await streamB.next();
    expect((await a.client.put('/api/v1/causes', { causes: [{ id: CAUSE_ID, note: null }], ownWords: [] })).status).toBe(200);
    expect(
      (await a.client.put('/api/v1/causes', { causes: [], ownWords: [{ text: 'Private thought', note: null }] })).status,
    ).toBe(200);
    expect(await streamB.drain(400)).toEqual([]);
    await a.client.post('/api/v1/causes/reveal');
    expect((await streamB.next())?.event).toBe('causes.changed');
    streamB.close();
  });
});
