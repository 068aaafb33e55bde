import { describe, expect, it } from 'vitest';
import type { LiveEvent } from './live-event.js';
import { OrderedDispatcher, type StoredEvents } from './ordered-dispatch.js';

const event = (seq: number, kind: LiveEvent['kind'] = 'log.changed'): LiveEvent => ({
  id: `event-${seq}`,
  seq,
  kind,
  spaceId: 'space',
  authorId: 'author',
  visibility: 'couple',
  audienceId: null,
  subjectId: null,
  at: '2026-01-01T00:00:00.000Z',
});

/** A table of stored events; `unknown` seqs are rows of a kind this version no longer knows. */
function table(initial: number[] = [], unknown: number[] = []) {
  const rows = new Set(initial);
  const reads: number[] = [];
  const stored: StoredEvents = {
    async after(seq, limit) {
      reads.push(seq);
      const found = [...rows]
        .filter((s) => s > seq)
        .sort((x, y) => x - y)
        .slice(0, limit);
      return {
        events: found.filter((s) => !unknown.includes(s)).map((s) => event(s)),
        lastSeq: found.at(-1) ?? null,
        rowsRead: found.length,
      };
    },
    async latest() {
      return Math.max(0, ...rows);
    },
  };
  return { rows, reads, stored };
}

function dispatcherOn(stored: StoredEvents) {
  const delivered: number[] = [];
  const errors: unknown[] = [];
  const d = new OrderedDispatcher(
    stored,
    (e) => delivered.push(e.seq),
    (e) => errors.push(e),
  );
  return { d, delivered, errors };
}

describe('handing stored events to this process’s streams', () => {
  it('starts after the newest stored event, and hands the next one on at once without reading', async () => {
    const { rows, reads, stored } = table([1, 2, 3]);
    const { d, delivered } = dispatcherOn(stored);
    await d.start();
    rows.add(4);
    d.offer(event(4));
    expect(delivered).toEqual([4]);
    expect(reads).toEqual([]);
  });

  it('reads what came in between (another process’s events) and hands everything on once, in seq order', async () => {
    const { rows, stored } = table([1]);
    const { d, delivered } = dispatcherOn(stored);
    await d.start();
    for (const s of [2, 3, 4]) rows.add(s);
    d.offer(event(4)); // 2 and 3 came from elsewhere
    d.heard(3);
    d.offer(event(4));
    await d.catchUp();
    d.heard(4);
    await d.idle();
    expect(delivered).toEqual([2, 3, 4]);
  });

  it('an event offered out of order is never handed on twice nor before a lower one', async () => {
    const { rows, stored } = table([0]);
    const { d, delivered } = dispatcherOn(stored);
    await d.start();
    rows.add(1);
    rows.add(2);
    d.offer(event(2));
    d.offer(event(1));
    await d.idle();
    expect(delivered).toEqual([1, 2]);
  });

  it('reads in bounded batches until none is left, and moves past kinds it no longer knows', async () => {
    const { rows, reads, stored } = table([]);
    const { d, delivered } = dispatcherOn(stored);
    await d.start();
    for (let s = 1; s <= 450; s += 1) rows.add(s);
    await d.catchUp();
    expect(delivered).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(reads).toEqual([0, 200, 400]);

    const old = table([1], [2, 3]);
    const second = dispatcherOn(old.stored);
    await second.d.start();
    old.rows.add(2);
    old.rows.add(3);
    await second.d.catchUp();
    expect(second.delivered).toEqual([]);
    expect(second.d.lastDispatched).toBe(3);
    old.rows.add(4);
    second.d.offer(event(4));
    expect(second.delivered).toEqual([4]);
  });

  it('a failed read is reported and a later catch-up starts again from the last event handed on', async () => {
    const { rows, stored } = table([1]);
    let fail = true;
    const flaky: StoredEvents = {
      after: (seq, limit) => (fail ? Promise.reject(new Error('connection lost')) : stored.after(seq, limit)),
      latest: () => stored.latest(),
    };
    const { d, delivered, errors } = dispatcherOn(flaky);
    await d.start();
    rows.add(2);
    rows.add(3);
    await d.catchUp();
    expect(errors).toHaveLength(1);
    expect(delivered).toEqual([]);
    fail = false;
    await d.catchUp();
    expect(delivered).toEqual([2, 3]);
  });
});
