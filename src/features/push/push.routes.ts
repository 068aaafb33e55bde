import { defineRoute } from '../../http/route.js';
import { PushDeviceView, PushState, PushSubscriptionIdParams, SubscribeBody } from './push.schema.js';
import { readPushState, subscribe, unsubscribe } from './push.service.js';

const tag = 'push';

// Step 5, web push. Per person, per browser: my devices are mine alone (404 to anyone else, like a
// missing one). What a device receives is fixed and neutral; nothing here sends anything.

export const getPushRoute = defineRoute({
  id: 'push.get',
  method: 'GET',
  path: '/api/v1/push',
  tag,
  summary: "The server's push key and the devices I turned push on for, newest first",
  access: 'signed-in',
  success: { status: 200, schema: PushState },
  errors: [401],
  handle: ({ deps, user }) => readPushState(deps, user.actor),
});

export const subscribePushRoute = defineRoute({
  id: 'push.subscribe',
  method: 'POST',
  path: '/api/v1/push/subscriptions',
  tag,
  summary: 'Turn push on for this browser (or refresh it): its push address and keys, as the browser gives them',
  access: 'signed-in',
  idempotent: true,
  body: SubscribeBody,
  success: { status: 201, schema: PushDeviceView },
  errors: [400, 401],
  handle: ({ c, deps, user, body }) => subscribe(deps, user.actor, body, c.req.header('user-agent')),
});

export const unsubscribePushRoute = defineRoute({
  id: 'push.unsubscribe',
  method: 'DELETE',
  path: '/api/v1/push/subscriptions/:id',
  tag,
  summary: 'Turn push off for one of my devices',
  access: 'signed-in',
  idempotent: true,
  params: PushSubscriptionIdParams,
  success: { status: 204 },
  errors: [400, 401, 404],
  handle: async ({ deps, user, params }) => {
    await unsubscribe(deps, user.actor, params.id);
    return undefined;
  },
});

export const pushRoutes = [getPushRoute, subscribePushRoute, unsubscribePushRoute];
