import type { PushState } from '../../api/client';

// The browser's side of web push: whether this browser can, its current subscription, and turning
// it on with the server's key. Which server record is "this device" is remembered per person on the
// device (the server never returns push addresses).

export type PushSupport = 'ok' | 'unsupported' | 'home-screen-first';

export function pushSupport(): PushSupport {
  const has = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  if (has) return 'ok';
  // iPhone and iPad offer push only to a web app opened from the Home Screen.
  return /iPhone|iPad|iPod/.test(navigator.userAgent) ? 'home-screen-first' : 'unsupported';
}

/** The service worker, or null when there is none (not yet installed, or a development build). */
export async function workerRegistration(timeoutMs = 4000): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing?.active) return existing;
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await workerRegistration(1500);
  return registration ? registration.pushManager.getSubscription() : null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameKey(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/** Subscribes this browser with the server's key (replacing a subscription made with another key). */
export async function subscribeThisBrowser(
  registration: ServiceWorkerRegistration,
  publicKey: string,
): Promise<PushSubscription> {
  const key = keyBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing && sameKey(existing.options.applicationServerKey, key)) return existing;
  if (existing) await existing.unsubscribe();
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

export function subscriptionBody(subscription: PushSubscription): { endpoint: string; keys: { p256dh: string; auth: string } } {
  const json = subscription.toJSON();
  return {
    endpoint: json.endpoint ?? subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
}

const storageKey = (userId: string) => `attune.push.device.${userId}`;

export function rememberedDevice(userId: string): string | null {
  try {
    return localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function rememberDevice(userId: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(storageKey(userId), id);
    else localStorage.removeItem(storageKey(userId));
  } catch {
    // Private browsing may refuse storage: the list still works, without "This device".
  }
}

/** The server record for this browser: remembered, still listed, and the browser still subscribed. */
export function thisDeviceId(state: PushState, userId: string, subscribed: boolean): string | null {
  const id = rememberedDevice(userId);
  return subscribed && id && state.subscriptions.some((s) => s.id === id) ? id : null;
}
