import type { Scenario } from './types.js';

// The home screen's data: each person reads their own today. The author's private check-in is
// written first, so the matrix's "no other person's words" checks run over a world that has one.
export const todayScenarios: Record<string, Scenario> = {
  'today.get': {
    prepare: async (_t, w) => {
      const today = (await w.author.client.get('/api/v1/checkins/today')).body.date;
      await w.author.client.put(`/api/v1/checkins/${today}`, {
        connected: 4,
        heard: 3,
        mood: 'tired',
        line: null,
        visibility: 'private',
      });
      return { method: 'GET', path: '/api/v1/today' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
};
