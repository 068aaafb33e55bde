import type { Scenario } from './types.js';

// "Is it working?" is each person's own: there is no id to ask for. Unlocking acts on the caller's
// own session only, so the author unlocking theirs opens nothing for anyone else: once the sign-in
// window has passed (15 quiet minutes), the partner and the outsider, asking on their own sessions,
// are asked for their password (403), never shown the author's facts.
export const reflectionScenarios: Record<string, Scenario> = {
  'reflection.unlock': {
    // Each actor's own password (every test account shares the default one): each opens only their own session.
    prepare: async (_t, w) => ({ method: 'POST', path: '/api/v1/reflection/unlock', body: { password: w.author.password } }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
  'reflection.isItWorking': {
    prepare: async (t, w) => {
      t.clock.advance(16 * 60_000);
      const unlocked = await w.author.client.post('/api/v1/reflection/unlock', { password: w.author.password });
      if (unlocked.status !== 204) throw new Error(`unlock failed: ${unlocked.status} ${unlocked.text}`);
      return { method: 'GET', path: '/api/v1/reflection/is-it-working' };
    },
    expected: { author: 200, partner: 403, outsider: 403, signedOut: 401 },
  },
};
