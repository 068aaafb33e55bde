import { randomUUID } from 'node:crypto';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// The daily check-in. The author's shared check-in is seen by the partner, who may answer it but
// not change it (403); a private one is hidden from the partner exactly like a missing one (404).
// The outsider belongs to another space and sees nothing. Everyone in the world lives in London.
const today = (t: TestApp) => localDateOf(t.clock.now(), 'Europe/London');

const body = (visibility: 'private' | 'couple') => ({
  connected: 6,
  heard: 4,
  mood: 'hopeful',
  line: 'We laughed at dinner, a line that stays between us',
  visibility,
});

async function checkIn(t: TestApp, p: Person, visibility: 'private' | 'couple'): Promise<string> {
  const res = await p.client.put(`/api/v1/checkins/${today(t)}`, body(visibility));
  if (res.status !== 200) throw new Error(`check-in failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const missingCheckin = (c: Call) => ({ ...c, path: c.path.replace(/\/checkins\/[0-9a-f-]{36}/, `/checkins/${randomUUID()}`) });

export const checkinsScenarios: Record<string, Scenario> = {
  'checkins.list': {
    prepare: async (t, w: World) => {
      await checkIn(t, w.author, 'private');
      return { method: 'GET', path: '/api/v1/checkins' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'checkins.today': {
    prepare: async (t, w) => {
      await checkIn(t, w.author, 'couple');
      return { method: 'GET', path: '/api/v1/checkins/today' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'checkins.preferences': {
    prepare: async (t, w) => {
      await checkIn(t, w.author, 'couple');
      return { method: 'GET', path: '/api/v1/checkins/preferences' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'checkins.get': {
    // A private check-in: the partner cannot even learn that it exists.
    prepare: async (t, w) => ({ method: 'GET', path: `/api/v1/checkins/${await checkIn(t, w.author, 'private')}` }),
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingCheckin,
  },
  'checkins.put': {
    prepare: async (t) => ({ method: 'PUT', path: `/api/v1/checkins/${today(t)}`, body: body('private') }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'checkins.delete': {
    prepare: async (t, w) => ({ method: 'DELETE', path: `/api/v1/checkins/${await checkIn(t, w.author, 'couple')}` }),
    expected: { author: 204, partner: 403, outsider: 404, signedOut: 401 },
    missing: missingCheckin,
  },
  'checkins.replies.create': {
    prepare: async (t, w) => ({
      method: 'POST',
      path: `/api/v1/checkins/${await checkIn(t, w.author, 'couple')}/replies`,
      body: { kind: 'note', text: 'Thank you for telling me' },
    }),
    expected: { author: 403, partner: 201, outsider: 404, signedOut: 401 },
    missing: missingCheckin,
  },
};
