import { localDateOf } from '../../../src/domain/zoned-time.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Scenario } from './types.js';

// Step 5, the private calendar feed. Its settings are each person's own: every signed-in person
// reads, makes, changes and revokes only their own address (a partner changing "the" feed finds none
// of their own: 409). The feed itself is public by design: its secret address is the permission,
// like an invite link, so whoever holds it gets 200; and what it answers holds no one's name or
// email address, even with the owner's words shown and both partners holding commitments.

async function commitment(t: TestApp, p: Person, what: string): Promise<void> {
  const res = await p.client.post('/api/v1/commitments', {
    agreementId: null,
    what,
    schedule: { kind: 'daily', by: '21:00' },
    startsOn: localDateOf(t.clock.now(), 'Europe/London'),
  });
  if (res.status !== 201) throw new Error(`commitment failed: ${res.status} ${res.text}`);
}

async function feedOf(p: Person, showTitles: boolean): Promise<string> {
  const res = await p.client.post('/api/v1/calendar');
  if (res.status !== 201) throw new Error(`calendar feed failed: ${res.status} ${res.text}`);
  if (showTitles) await p.client.patch('/api/v1/calendar', { showTitles: true });
  return new URL(res.body.url).pathname;
}

const ownOnly = { author: 200, partner: 200, outsider: 200, signedOut: 401 };

export const calendarScenarios: Record<string, Scenario> = {
  'calendar.get': {
    prepare: async (_t, w) => {
      await feedOf(w.author, true);
      return { method: 'GET', path: '/api/v1/calendar' };
    },
    expected: ownOnly,
  },
  'calendar.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/calendar' }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'calendar.update': {
    prepare: async (_t, w) => {
      await feedOf(w.author, false);
      return { method: 'PATCH', path: '/api/v1/calendar', body: { showTitles: true } };
    },
    expected: { author: 200, partner: 409, outsider: 409, signedOut: 401 },
  },
  'calendar.revoke': {
    prepare: async (_t, w) => {
      await feedOf(w.author, false);
      return { method: 'DELETE', path: '/api/v1/calendar' };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
  'calendar.feed': {
    prepare: async (t, w) => {
      await commitment(t, w.author, 'Ask about your day at dinner');
      await commitment(t, w.partner, 'Bring you coffee in the morning');
      return { method: 'GET', path: await feedOf(w.author, true) };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
  },
};
