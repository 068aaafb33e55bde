/**
 * Web push (step 5, reminders): which addresses Attune will send to, and what a push service's
 * answer means. Pure: no I/O, no clock reads.
 *
 * A subscription's endpoint is an address the server later POSTs to, given by the browser but sent
 * by whoever is signed in. So the server only sends to the push services browsers actually use:
 * otherwise anyone with an account could make it call addresses inside the network it runs in.
 */

export const PUSH_LIMITS = {
  /** Devices per person; turning push on in one more replaces the oldest. */
  perPerson: 20,
  endpointLength: 2048,
  deviceLength: 60,
  /** How long a push service keeps a message for a device that is off: a reminder is stale after that. */
  ttlSeconds: 4 * 60 * 60,
  /** One attempt per device; a slow push service does not hold up the others. */
  sendTimeoutMs: 10_000,
} as const;

/** The push services of today's browsers: Chrome, Edge, Firefox, Safari (and the browsers built on them). */
const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'android.googleapis.com', 'updates.push.services.mozilla.com'];
const PUSH_SERVICE_SUFFIXES = ['.push.services.mozilla.com', '.notify.windows.com', '.push.apple.com'];
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function isPushServiceHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return PUSH_SERVICE_HOSTS.includes(host) || PUSH_SERVICE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/**
 * Why an endpoint is refused, in plain words, or null when Attune will send to it: https to a known
 * push service on its usual port; with `allowLoopback` (tests only) also http(s) on this machine.
 */
export function pushEndpointProblem(endpoint: string, options: { allowLoopback: boolean }): string | null {
  const refused = 'This browser gave a push address Attune cannot use. Please try another browser.';
  if (endpoint.length > PUSH_LIMITS.endpointLength) return refused;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refused;
  }
  if (url.username || url.password || url.hash) return refused;
  if (options.allowLoopback && LOOPBACK_HOSTS.includes(url.hostname) && /^https?:$/.test(url.protocol)) return null;
  if (url.protocol !== 'https:' || url.port !== '' || !isPushServiceHost(url.hostname)) return refused;
  return null;
}

export type PushOutcome = 'sent' | 'gone' | 'failed';

/** 2xx: accepted. 404 and 410: the subscription has ended (RFC 8030), so it is removed. Else: try next time. */
export function pushOutcome(status: number): PushOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 404 || status === 410) return 'gone';
  return 'failed';
}
