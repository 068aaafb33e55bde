import * as v from 'valibot';
import { PUSH_LIMITS } from '../../domain/push.js';

// Request and response schemas for web push (step 5). The browser sends what
// PushSubscription.toJSON() gives: the endpoint and two keys in URL-safe base64.

const base64url = (message: string) =>
  v.pipe(
    v.string(message),
    v.trim(),
    v.regex(/^[A-Za-z0-9_-]+={0,2}$/, message),
    v.transform((s) => s.replace(/=+$/, '')),
  );

export const PushSubscriptionIdParams = v.strictObject({
  id: v.pipe(v.string(), v.uuid('That is not a device id.')),
});

export const SubscribeBody = v.strictObject({
  endpoint: v.pipe(
    v.string('This browser did not give a push address.'),
    v.trim(),
    v.nonEmpty('This browser did not give a push address.'),
    v.maxLength(PUSH_LIMITS.endpointLength, 'This browser gave a push address Attune cannot use.'),
    v.regex(/^[\x21-\x7e]+$/, 'This browser gave a push address Attune cannot use.'),
  ),
  keys: v.strictObject({
    p256dh: v.pipe(
      base64url('This browser gave a key Attune cannot use.'),
      v.check((s) => Buffer.from(s, 'base64url').length === 65, 'This browser gave a key Attune cannot use.'),
    ),
    auth: v.pipe(
      base64url('This browser gave a key Attune cannot use.'),
      v.check((s) => Buffer.from(s, 'base64url').length === 16, 'This browser gave a key Attune cannot use.'),
    ),
  }),
  /** A name for this device; when left out, one is made from the browser ("Firefox on Android"). */
  device: v.optional(
    v.nullable(
      v.pipe(
        v.string('Please write the name as text.'),
        v.trim(),
        v.maxLength(PUSH_LIMITS.deviceLength, `Please keep the name to ${PUSH_LIMITS.deviceLength} characters.`),
        // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
        v.check((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Please use letters, numbers and spaces in the name.'),
      ),
    ),
  ),
});

export const PushDeviceView = v.object({
  id: v.string(),
  device: v.string(),
  createdAt: v.string(),
});

export const PushState = v.object({
  /** The server's VAPID public key (URL-safe base64): the browser subscribes with it. */
  publicKey: v.string(),
  /** The devices push is on for, newest first (at most PUSH_LIMITS.perPerson). */
  subscriptions: v.array(PushDeviceView),
});

export type SubscribeBody = v.InferInput<typeof SubscribeBody>;
export type PushDeviceView = v.InferOutput<typeof PushDeviceView>;
export type PushState = v.InferOutput<typeof PushState>;
