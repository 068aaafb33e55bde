import { randomUUID } from 'node:crypto';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import { notify } from '../../../src/features/notifications/notifications.service.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// The notification centre and reminder preferences are each person's own. The author's
// notification (their partner shared a check-in with them) answers 404 to the partner who caused it
// and to the outsider, exactly like a missing one: read state is the recipient's alone. Lists,
// read-all and preferences answer every signed-in person about their own only.

/** The partner shares today's check-in: the author's centre gets a notification about it. */
async function partnerShares(t: TestApp, w: World): Promise<string> {
  const today = localDateOf(t.clock.now(), 'Europe/London');
  const res = await w.partner.client.put(`/api/v1/checkins/${today}`, {
    connected: 5,
    heard: 6,
    mood: 'hopeful',
    line: 'A line for the notification matrix, between us only',
    visibility: 'couple',
  });
  if (res.status !== 200) throw new Error(`check-in failed: ${res.status} ${res.text}`);
  const list = await w.author.client.get('/api/v1/notifications');
  const id = list.body.notifications[0]?.id;
  if (!id) throw new Error(`no notification for the author: ${list.text}`);
  return id;
}

async function remind(t: TestApp, p: Person): Promise<void> {
  const spaceId = (await p.client.get('/api/v1/space')).body.id as string;
  await notify(t.deps, { userId: p.id, spaceId, kind: 'reminder.checkin' });
}

const missingNotification = (c: Call) => ({
  ...c,
  path: c.path.replace(/\/notifications\/[0-9a-f-]{36}/, `/notifications/${randomUUID()}`),
});

export const notificationsScenarios: Record<string, Scenario> = {
  'notifications.preferences.get': {
    prepare: async (_t, w) => {
      await w.author.client.put('/api/v1/notifications/preferences', {
        checkinTime: '20:00',
        quiet: { from: '22:00', until: '07:00' },
      });
      return { method: 'GET', path: '/api/v1/notifications/preferences' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'notifications.preferences.put': {
    prepare: async () => ({
      method: 'PUT',
      path: '/api/v1/notifications/preferences',
      body: { checkinTime: '21:15', commitmentNudgeMinutes: 30 },
    }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'notifications.list': {
    prepare: async (t, w) => {
      await partnerShares(t, w);
      await remind(t, w.author);
      return { method: 'GET', path: '/api/v1/notifications' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'notifications.read': {
    prepare: async (t, w) => ({ method: 'POST', path: `/api/v1/notifications/${await partnerShares(t, w)}/read` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingNotification,
  },
  'notifications.readAll': {
    prepare: async (t, w) => {
      await partnerShares(t, w);
      return { method: 'POST', path: '/api/v1/notifications/read-all' };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
};
