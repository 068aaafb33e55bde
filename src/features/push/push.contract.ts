import { defineContract } from '../../http/contract.js';
import { PushDeviceView, PushState, PushSubscriptionIdParams, SubscribeBody } from './push.schema.js';

const tag = 'push';

export const getPush = defineContract({
  id: 'push.get',
  method: 'GET',
  path: '/api/v1/push',
  tag,
  summary: "The server's push key and the devices I turned push on for, newest first",
  access: 'signed-in',
  success: { status: 200, schema: PushState },
  errors: [401],
});

export const subscribePush = defineContract({
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
});

export const unsubscribePush = defineContract({
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
});

export const pushContracts = [getPush, subscribePush, unsubscribePush] as const;
