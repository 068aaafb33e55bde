import type { Person } from '../../support/test-app.js';
import type { Scenario } from './types.js';

// Step 2, Why: every route acts on the caller's own set, so there is no id to ask for. The partner's
// marks appear only once both have revealed; the outsider has no partner, so nothing to reveal to.
const marks = { causes: [{ id: 'outside-stress', note: 'a private note' }], ownWords: [{ text: 'in my own words' }] };
const mark = (p: Person) => p.client.put('/api/v1/causes', marks);

export const causesScenarios: Record<string, Scenario> = {
  'causes.get': {
    prepare: async (_t, w) => {
      await mark(w.author);
      await w.author.client.post('/api/v1/causes/reveal');
      return { method: 'GET', path: '/api/v1/causes' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'causes.put': {
    prepare: async () => ({ method: 'PUT', path: '/api/v1/causes', body: marks }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'causes.reveal': {
    prepare: async (_t, w) => {
      for (const p of [w.author, w.partner, w.outsider]) await mark(p);
      return { method: 'POST', path: '/api/v1/causes/reveal' };
    },
    expected: { author: 200, partner: 200, outsider: 409, signedOut: 401 },
  },
  'causes.understanding.put': {
    prepare: async (_t, w) => {
      for (const p of [w.author, w.partner, w.outsider]) await mark(p);
      await w.author.client.post('/api/v1/causes/reveal');
      await w.partner.client.post('/api/v1/causes/reveal');
      return { method: 'PUT', path: '/api/v1/causes/understanding', body: { text: 'what we understand now' } };
    },
    expected: { author: 200, partner: 200, outsider: 409, signedOut: 401 },
  },
  'causes.delete': {
    prepare: async (_t, w) => {
      await mark(w.author);
      return { method: 'DELETE', path: '/api/v1/causes' };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
};
