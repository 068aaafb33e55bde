import { bind } from '../../http/route.js';
import * as contract from './push.contract.js';
import { readPushState, subscribe, unsubscribe } from './push.service.js';

// Step 5, web push. Per person, per browser: my devices are mine alone (404 to anyone else, like a
// missing one). What a device receives is fixed and neutral; nothing here sends anything.

export const getPushRoute = bind(contract.getPush, ({ deps, user }) => readPushState(deps, user.actor));

export const subscribePushRoute = bind(contract.subscribePush, ({ c, deps, user, body }) =>
  subscribe(deps, user.actor, user.sessionId, body, c.req.header('user-agent')),
);

export const unsubscribePushRoute = bind(contract.unsubscribePush, async ({ deps, user, params }) => {
  await unsubscribe(deps, user.actor, params.id);
  return undefined;
});

export const pushRoutes = [getPushRoute, subscribePushRoute, unsubscribePushRoute];
