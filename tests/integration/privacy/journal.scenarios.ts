import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app.js';
import type { Scenario, World } from './types.js';

// "For me": the author's entries are theirs alone. Everyone has just signed in, so the private places
// are open on every session: the partner and the outsider get 404 for the author's entry exactly as
// for a missing one (not 403), and their own lists hold nothing of the author's. The entry carries the
// author's email, so the matrix's check for others' words catches any leak of it.
async function authorsEntry(_t: TestApp, w: World): Promise<string> {
  const res = await w.author.client.post('/api/v1/journal', {
    text: `A note to myself, ${w.author.email}: I matter too.`,
    tags: [w.author.name.slice(0, 30)],
    mood: 'tender',
  });
  if (res.status !== 201) throw new Error(`journal entry failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

const missing = (method: string, body?: unknown) => () => ({ method, path: `/api/v1/journal/${randomUUID()}`, body });

export const journalScenarios: Record<string, Scenario> = {
  'journal.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/journal', body: { text: 'Today I rested.', tags: ['rest'] } }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'journal.list': {
    prepare: async (t, w) => {
      await authorsEntry(t, w);
      return { method: 'GET', path: '/api/v1/journal' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'journal.prompts': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/journal/prompts' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'journal.get': {
    prepare: async (t, w) => ({ method: 'GET', path: `/api/v1/journal/${await authorsEntry(t, w)}` }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missing('GET'),
  },
  'journal.update': {
    prepare: async (t, w) => ({ method: 'PATCH', path: `/api/v1/journal/${await authorsEntry(t, w)}`, body: { mood: 'calm' } }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missing('PATCH', { mood: 'calm' }),
  },
  'journal.delete': {
    prepare: async (t, w) => ({ method: 'DELETE', path: `/api/v1/journal/${await authorsEntry(t, w)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missing('DELETE'),
  },
};
