// No lock-out by someone who knows the email (decision 024), after OWASP's "device cookies": a
// browser that has signed in to an account holds a cookie naming it as a known device of that
// account. Sign-in failures from unknown browsers are counted per account (the limit a stranger, or
// a partner on their own phone, can reach); a known browser's failures are counted on their own, so
// guesses from elsewhere never stop the person on their own device, while someone holding that
// device is still limited. Pure: no I/O, no clock reads (`now` is given), no secrets.

/** Failures a known browser may make in one rate-limit window before it waits too. */
export const KNOWN_DEVICE_FAILURES_PER_WINDOW = 10;

/** A known device unused for this long is forgotten: the browser counts as unknown again. */
export const KNOWN_DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60_000;

/** What the `attune_device` cookie holds: the device's id and the secret only the browser keeps. */
export interface DeviceCookie {
  id: string;
  secret: string;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{32,100}$/;

export function formatDeviceCookie(cookie: DeviceCookie): string {
  return `${cookie.id}.${cookie.secret}`;
}

/** The cookie's parts, or null for anything that is not the shape Attune writes. */
export function parseDeviceCookie(value: string | undefined): DeviceCookie | null {
  if (!value || value.length > 160) return null;
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  return ID.test(id) && SECRET.test(secret) ? { id, secret } : null;
}

/** A stored known device, as far as the rules need it. */
export interface KnownDeviceFacts {
  userId: string;
  /** ISO instant. */
  lastUsedAt: string;
}

/**
 * Whether a stored device (found by the cookie's id, its secret already checked) makes this browser
 * known for this account at `now`: it belongs to this very account (a browser known for one person
 * is a stranger to every other account) and was used within KNOWN_DEVICE_LIFETIME_MS. A time that
 * cannot be read does not count.
 */
export function deviceKnownFor(device: KnownDeviceFacts | undefined, userId: string, now: string): boolean {
  if (!device || device.userId !== userId) return false;
  const used = Date.parse(device.lastUsedAt);
  const nowMs = Date.parse(now);
  if (!Number.isFinite(used) || !Number.isFinite(nowMs)) return false;
  return nowMs - used <= KNOWN_DEVICE_LIFETIME_MS;
}

/** Which failures a sign-in attempt is counted with, and how many the window allows. */
export type SignInLimit = { scope: 'device'; deviceId: string; failures: number } | { scope: 'account'; failures: number };

/**
 * A known browser is counted apart (its own KNOWN_DEVICE_FAILURES_PER_WINDOW) and never by the
 * account's count, which only unknown browsers share (`accountFailures`, the configured limit).
 */
export function signInLimit(knownDeviceId: string | null, accountFailures: number): SignInLimit {
  return knownDeviceId === null
    ? { scope: 'account', failures: accountFailures }
    : { scope: 'device', deviceId: knownDeviceId, failures: KNOWN_DEVICE_FAILURES_PER_WINDOW };
}

/**
 * After the right password: a browser already known for this account stays the same device (its
 * last use moves on); any other browser becomes a new known device, with a new cookie.
 */
export function deviceAfterSignIn(knownDeviceId: string | null): { kind: 'keep'; id: string } | { kind: 'new' } {
  return knownDeviceId === null ? { kind: 'new' } : { kind: 'keep', id: knownDeviceId };
}

/** How a session began. */
export type SessionStart = 'sign-up' | 'sign-in' | 'reset';

/**
 * Whether a new session puts a neutral notice in its owner's notification centre: each sign-in and
 * each sign-in through a reset link (someone with the password or the inbox), never the sign-up
 * that made the account. A therapist has no notification centre (decision 023).
 */
export function sessionNoticeDue(start: SessionStart, role: 'partner' | 'therapist'): boolean {
  return start !== 'sign-up' && role === 'partner';
}
