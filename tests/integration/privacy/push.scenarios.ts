import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { Person } from '../../support/test-app.js';
import type { Call, Scenario } from './types.js';

// Web push: a person's devices are account records, like sessions. Each signed-in person sees and
// changes only their own; the partner and a stranger get the answer of a device that does not exist.
// Subscribing sends nothing, so a push-service-shaped address that is never called does here.

function browserSubscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

async function turnOn(p: Person): Promise<string> {
  const res = await p.client.post('/api/v1/push/subscriptions', { ...browserSubscription(), device: 'Matrix phone' });
  if (res.status !== 201) throw new Error(`push subscribe failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const missingDevice = (c: Call) => ({
  ...c,
  path: c.path.replace(/\/subscriptions\/[0-9a-f-]{36}/, `/subscriptions/${randomUUID()}`),
});

export const pushScenarios: Record<string, Scenario> = {
  'push.get': {
    prepare: async (_t, w) => {
      await turnOn(w.author);
      return { method: 'GET', path: '/api/v1/push' };
    },
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'push.subscribe': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/push/subscriptions', body: browserSubscription() }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 401 },
  },
  'push.unsubscribe': {
    prepare: async (_t, w) => ({ method: 'DELETE', path: `/api/v1/push/subscriptions/${await turnOn(w.author)}` }),
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingDevice,
  },
};
