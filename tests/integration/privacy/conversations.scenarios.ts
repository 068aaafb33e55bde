import { randomUUID } from 'node:crypto';
import type { Call, Scenario, World } from './types.js';

// Step 1, Talk, and Acknowledge. The author's drafts are theirs alone (404 to anyone else, like a
// missing id). A conversation is seen by the couple; the outsider belongs to another space and sees
// nothing, with the body of a missing id.

const missingConversation = (c: Call) => ({
  ...c,
  path: c.path.replace(/\/conversations\/[0-9a-f-]{36}/, `/conversations/${randomUUID()}`),
});
const missingDraft = (c: Call) => ({ ...c, path: c.path.replace(/\/drafts\/[0-9a-f-]{36}/, `/drafts/${randomUUID()}`) });

async function draft(w: World): Promise<string> {
  return (await w.author.client.post('/api/v1/drafts', { text: 'When you were on your phone at dinner, I felt alone' })).body.id;
}

async function started(w: World): Promise<string> {
  return (await w.author.client.post('/api/v1/conversations', { mode: 'two-devices' })).body.id;
}

/** A conversation both partners finished, each with a takeaway. */
async function finished(w: World): Promise<string> {
  const id = await started(w);
  await w.author.client.patch(`/api/v1/conversations/${id}`, { action: 'close' });
  await w.author.client.post(`/api/v1/conversations/${id}/turns`, { kind: 'takeaway', text: 'I want to listen more' });
  await w.partner.client.post(`/api/v1/conversations/${id}/turns`, { kind: 'takeaway', text: 'I felt heard today' });
  return id;
}

const ACK = {
  did: 'I kept working late and did not ask about your day',
  effect: 'You felt alone for months',
  change: 'I will be home for dinner on weekdays',
};

async function acknowledged(w: World): Promise<{ id: string; ackId: string }> {
  const id = await finished(w);
  const ack = await w.author.client.post(`/api/v1/conversations/${id}/acknowledgements`, ACK);
  return { id, ackId: ack.body.id };
}

export const conversationsScenarios: Record<string, Scenario> = {
  'drafts.list': {
    prepare: async (_t, w) => {
      await draft(w);
      return { method: 'GET', path: '/api/v1/drafts' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'drafts.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/drafts', body: { text: 'When ...' } }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'drafts.save': {
    prepare: async (_t, w) => ({ method: 'PUT', path: `/api/v1/drafts/${await draft(w)}`, body: { text: 'When you, I felt' } }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingDraft,
  },
  'drafts.delete': {
    prepare: async (_t, w) => ({ method: 'DELETE', path: `/api/v1/drafts/${await draft(w)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingDraft,
  },
  'conversations.list': {
    prepare: async (_t, w) => {
      await finished(w);
      return { method: 'GET', path: '/api/v1/conversations' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'conversations.start': {
    // The outsider has no partner yet: talking together waits for one.
    prepare: async () => ({ method: 'POST', path: '/api/v1/conversations', body: { mode: 'two-devices' } }),
    expected: { author: 201, partner: 201, outsider: 409, signedOut: 401 },
  },
  'conversations.inPerson': {
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/conversations/in-person',
      body: { heldOn: '2026-01-10', said: 'We talked about evenings', wentHow: 'Calmer than I feared' },
    }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'conversations.get': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/conversations/${await started(w)}` }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
  'conversations.turn': {
    // The starter speaks first; the partner's share is the other person's step.
    prepare: async (_t, w) => ({
      method: 'POST',
      path: `/api/v1/conversations/${await started(w)}/turns`,
      body: { kind: 'share', text: 'When you came home late, I felt lonely' },
    }),
    expected: { author: 201, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
  'conversations.move': {
    prepare: async (_t, w) => ({ method: 'PATCH', path: `/api/v1/conversations/${await started(w)}`, body: { action: 'pause' } }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
  'acknowledgements.list': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/conversations/${(await acknowledged(w)).id}/acknowledgements` }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
  'acknowledgements.create': {
    prepare: async (_t, w) => ({
      method: 'POST',
      path: `/api/v1/conversations/${await finished(w)}/acknowledgements`,
      body: ACK,
    }),
    expected: { author: 201, partner: 201, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
  'acknowledgements.reply': {
    prepare: async (_t, w) => {
      const { id, ackId } = await acknowledged(w);
      return {
        method: 'POST',
        path: `/api/v1/conversations/${id}/acknowledgements/${ackId}/reply`,
        body: { felt: 'partly', missing: 'How it felt to wait every night' },
      };
    },
    expected: { author: 403, partner: 201, outsider: 404, signedOut: 401 },
    missing: missingConversation,
  },
};
