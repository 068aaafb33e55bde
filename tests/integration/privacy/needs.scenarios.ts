import { randomUUID } from 'node:crypto';
import type { Person } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// Step 3, Needs. The author's need is shared with the partner (they see it, cannot change it, and
// answer it); the outsider belongs to another space and sees nothing, with the body of a missing id.
const NEED = { text: 'Ask about my day at dinner and listen without your phone, most evenings' };

async function writeNeed(p: Person, share = true): Promise<string> {
  const created = await p.client.post('/api/v1/needs', NEED);
  if (share) await p.client.post(`/api/v1/needs/${created.body.id}/share`);
  return created.body.id;
}

/** A need the author wrote and shared, with a proposal from the partner waiting for the author. */
async function proposed(w: World): Promise<{ id: string; proposalId: string }> {
  const id = await writeNeed(w.author);
  const res = await w.partner.client.post(`/api/v1/needs/${id}/respond`, {
    kind: 'propose',
    text: 'Ask at dinner, four evenings a week',
  });
  return { id, proposalId: res.body.history.at(-1).id };
}

async function agreed(w: World): Promise<string> {
  const id = await writeNeed(w.author);
  const res = await w.partner.client.post(`/api/v1/needs/${id}/respond`, { kind: 'accept' });
  return res.body.agreementId;
}

const swapId = (id: string) => (c: Call) => ({ ...c, path: c.path.replace(id, randomUUID()) });
const missingNeed = (c: Call) => ({ ...c, path: c.path.replace(/\/needs\/[0-9a-f-]{36}/, `/needs/${randomUUID()}`) });

export const needsScenarios: Record<string, Scenario> = {
  'needs.list': {
    prepare: async (_t, w) => {
      await writeNeed(w.author);
      await writeNeed(w.author, false);
      return { method: 'GET', path: '/api/v1/needs' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'needs.get': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/needs/${await writeNeed(w.author)}` }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'needs.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/needs', body: NEED }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'needs.edit': {
    prepare: async (_t, w) => ({
      method: 'PATCH',
      path: `/api/v1/needs/${await writeNeed(w.author)}`,
      body: { text: 'Hold my hand on our walk on Sundays' },
    }),
    expected: { author: 200, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'needs.delete': {
    prepare: async (_t, w) => ({ method: 'DELETE', path: `/api/v1/needs/${await writeNeed(w.author)}` }),
    expected: { author: 204, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'needs.share': {
    // A draft: the partner cannot even see it, so it answers like a missing one.
    prepare: async (_t, w) => ({ method: 'POST', path: `/api/v1/needs/${await writeNeed(w.author, false)}/share` }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'needs.respond': {
    prepare: async (_t, w) => ({
      method: 'POST',
      path: `/api/v1/needs/${await writeNeed(w.author)}/respond`,
      body: { kind: 'accept' },
    }),
    expected: { author: 403, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'needs.proposals.accept': {
    prepare: async (_t, w) => {
      const { id, proposalId } = await proposed(w);
      return { method: 'POST', path: `/api/v1/needs/${id}/proposals/${proposalId}/accept` };
    },
    expected: { author: 200, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingNeed,
  },
  'agreements.list': {
    prepare: async (_t, w) => {
      await agreed(w);
      return { method: 'GET', path: '/api/v1/agreements' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'agreements.get': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/agreements/${await agreed(w)}` }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: (c) => swapId(c.path.split('/').at(-1) ?? '')(c),
  },
};
