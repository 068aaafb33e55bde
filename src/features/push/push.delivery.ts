import webpush from 'web-push';
import type { VapidKeys } from '../../crypto/vapid.js';
import { PUSH_LIMITS } from '../../domain/push.js';

// One push message to one browser, as the Web Push protocol has it (RFC 8030): web-push builds the
// request (the payload encrypted for the browser's keys, aes128gcm, RFC 8291; a VAPID signature,
// RFC 8292) and fetch sends it. Using fetch rather than web-push's own sender keeps the transport
// plain: one request, no redirects followed, a deadline, and the same code for the tests' local
// stand-in on http://127.0.0.1.

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushRequest {
  url: string;
  init: RequestInit & { headers: Record<string, string>; body: Uint8Array };
}

/** Messages with the same topic replace each other while waiting at the push service: one update shows once. */
const TOPIC = 'attune-update';

export function buildPushRequest(subscription: BrowserSubscription, payload: string, vapid: VapidKeys): PushRequest {
  const details = webpush.generateRequestDetails(subscription, payload, {
    vapidDetails: vapid,
    TTL: PUSH_LIMITS.ttlSeconds,
    contentEncoding: 'aes128gcm',
    urgency: 'normal',
    topic: TOPIC,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) {
    // fetch sets the length itself from the body.
    if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
  }
  if (!details.body) throw new Error('web-push built a push request without a body');
  return { url: details.endpoint, init: { method: details.method, headers, body: new Uint8Array(details.body) } };
}

/** Sends it: the push service's status, or null when it could not be reached in time. */
export async function sendPushRequest(request: PushRequest): Promise<number | null> {
  try {
    const res = await fetch(request.url, {
      ...request.init,
      redirect: 'manual',
      signal: AbortSignal.timeout(PUSH_LIMITS.sendTimeoutMs),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  } catch {
    return null;
  }
}
