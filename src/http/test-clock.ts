import type { Hono } from 'hono';
import * as v from 'valibot';
import type { OffsetClock } from '../shared/clock.js';
import { DAY_MS } from '../shared/time.js';
import { parseInput } from './validation.js';

const AdvanceBody = v.strictObject({
  advanceMs: v.pipe(
    v.number('advanceMs must be a number of milliseconds.'),
    v.integer('advanceMs must be a whole number.'),
    v.minValue(1, 'advanceMs must be at least 1.'),
    v.maxValue(400 * DAY_MS, 'advanceMs must be at most 400 days.'),
  ),
});

/**
 * Only when ATTUNE_TEST_CLOCK=1 (browser tests): moves the server's clock forward, so a spec can
 * live through a week in seconds. Outside /api/v1 and the route table on purpose: it is not part
 * of the API, and a production server never registers it.
 */
export function registerTestClock(app: Hono, clock: OffsetClock): void {
  app.get('/api/test/clock', (c) => c.json({ now: clock.now().toISOString() }));
  app.post('/api/test/clock', async (c) => {
    const body = parseInput(AdvanceBody, await c.req.json().catch(() => null), 'body');
    clock.advance(body.advanceMs);
    return c.json({ now: clock.now().toISOString() });
  });
}
