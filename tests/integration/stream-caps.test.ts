import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryFor } from '../../src/realtime/stream-registry.js';
import { createTestApp, type EventStreamReader, type TestApp } from '../support/test-app.js';

// Live streams are bounded: one session holds at most EVENT_STREAMS_PER_SESSION (a new tab sheds
// that session's oldest, told to wait before reconnecting), and one process at most
// EVENT_STREAMS_PER_PROCESS (a new stream past that is refused with 503 and Retry-After), so one
// person opening thousands cannot push everyone else's out. A review once opened 2,000 on one session.

let t: TestApp;
const open: EventStreamReader[] = [];
beforeAll(async () => {
  t = await createTestApp({ env: { EVENT_STREAMS_PER_SESSION: '3', EVENT_STREAMS_PER_PROCESS: '4' } });
});
afterAll(async () => {
  for (const s of open) s.close();
  await t?.close();
});

async function openStream(client: ReturnType<TestApp['client']>): Promise<EventStreamReader> {
  const stream = await client.stream('/api/v1/events');
  open.push(stream);
  return stream;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('live stream caps', () => {
  it('a session’s fourth stream sheds its oldest, which is told to come back in a minute', async () => {
    const p = await t.signUp('Tabs');
    const streams: EventStreamReader[] = [];
    for (let i = 0; i < 3; i += 1) {
      const s = await openStream(p.client);
      expect(s.status).toBe(200);
      expect((await s.next())?.event).toBe('ready');
      streams.push(s);
    }
    const fourth = await openStream(p.client);
    expect(fourth.status).toBe(200);
    const shed = await streams[0]?.drain();
    expect(shed?.map((e) => e.event)).toEqual(['reconnect']);
    expect(streams[0]?.ended).toBe(true);
    // The others are still open and hear nothing of it.
    expect(streams[1]?.ended).toBe(false);
    expect(registryFor(t.deps.events).countOf(await sessionIdOf(p.id))).toBe(3);
  });

  it('past the process cap a new stream is refused with a retry hint; closing one makes room', async () => {
    const other = await t.signUp('Other');
    const a = await openStream(other.client);
    expect(a.status).toBe(200);
    await a.next();
    const third = await t.signUp('Third');
    const refused = await openStream(third.client);
    expect(refused.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toBe('30');
    expect(JSON.parse(await refused.response.text()).error.code).toBe('too_many_streams');
    a.close();
    expect(await until(() => registryFor(t.deps.events).size === 3)).toBe(true);
    const later = await openStream(third.client);
    expect(later.status).toBe(200);
  });
});

async function sessionIdOf(userId: string): Promise<string> {
  const row = await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.id;
}
