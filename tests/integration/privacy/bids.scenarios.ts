import { randomUUID } from 'node:crypto';
import type { Person } from '../../support/test-app.js';
import type { Call, Scenario } from './types.js';

// Bids and affection: private to the author, always. The partner is a stranger to every bid, exactly
// like the outsider: 404 with the body of an id that does not exist. Lists and the summary answer
// every signed-in person about their own log only.
const BID = { kind: 'bid', text: 'Asked if they wanted to walk by the river, a private matrix phrase', response: 'toward' };

async function logBid(p: Person): Promise<string> {
  const res = await p.client.post('/api/v1/bids', BID);
  if (res.status !== 201) throw new Error(`bid failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const missingBid = (c: Call) => ({ ...c, path: c.path.replace(/\/bids\/[0-9a-f-]{36}/, `/bids/${randomUUID()}`) });

export const bidsScenarios: Record<string, Scenario> = {
  'bids.list': {
    prepare: async (_t, w) => {
      await logBid(w.author);
      return { method: 'GET', path: '/api/v1/bids' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'bids.summary': {
    prepare: async (_t, w) => {
      await logBid(w.author);
      return { method: 'GET', path: '/api/v1/bids/summary?weeks=4' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'bids.get': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/bids/${await logBid(w.author)}` }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingBid,
  },
  'bids.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/bids', body: { kind: 'gesture', text: 'Made them tea' } }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'bids.update': {
    prepare: async (_t, w) => ({
      method: 'PATCH',
      path: `/api/v1/bids/${await logBid(w.author)}`,
      body: { response: 'away' },
    }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingBid,
  },
  'bids.delete': {
    prepare: async (_t, w) => ({ method: 'DELETE', path: `/api/v1/bids/${await logBid(w.author)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingBid,
  },
};
