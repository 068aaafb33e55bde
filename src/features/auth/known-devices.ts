import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import {
  type DeviceCookie,
  deviceAfterSignIn,
  deviceKnownFor,
  formatDeviceCookie,
  KNOWN_DEVICE_LIFETIME_MS,
  parseDeviceCookie,
} from '../../domain/known-devices.js';
import { hashToken } from '../../platform/tokens.js';
import { newId, newSecretToken } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import {
  findKnownDevice,
  forgetKnownDevices,
  insertKnownDevice,
  pruneKnownDevices,
  touchKnownDevice,
} from './known-devices.repo.js';

// Known browsers (decision 024, OWASP's device cookies). A browser that signs in to an account gets
// the http-only `attune_device` cookie: a random id and a 256-bit secret. The server keeps only a
// keyed hash of them (known_devices), so the cookie can be neither forged nor made from a copy of
// the database; it is checked against that hash with the server's secret before it counts. It is
// sent only to the account routes (/api/v1/auth), and outlives signing out: it is what lets the
// person sign in on their own device while guesses from elsewhere are being refused.

export const DEVICE_COOKIE = 'attune_device';
const COOKIE_PATH = '/api/v1/auth';
/** Known devices kept per person at most (the newest by last use). */
const DEVICES_PER_PERSON = 50;

const deviceHash = (deps: AppDeps, cookie: DeviceCookie) =>
  hashToken(deps.secrets.sessionSecret, 'known-device', formatDeviceCookie(cookie));

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The known device this browser is for this account, or null: a well-formed cookie whose secret
 * matches, stored for this very person and used within the last year. The cookie is looked up
 * whether or not an account was found (`userId` null), so the time taken says nothing either.
 */
export async function knownDeviceOf(c: Context, deps: AppDeps, db: Db, userId: string | null): Promise<string | null> {
  const cookie = parseDeviceCookie(getCookie(c, DEVICE_COOKIE));
  if (!cookie) return null;
  const row = await findKnownDevice(db, cookie.id);
  if (!row || !sameHash(row.secret_hash, deviceHash(deps, cookie)) || userId === null) return null;
  const facts = { userId: row.user_id, lastUsedAt: fromDbTime(row.last_used_at).toISOString() };
  return deviceKnownFor(facts, userId, deps.clock.now().toISOString()) ? row.id : null;
}

function writeDeviceCookie(c: Context, deps: AppDeps, cookie: DeviceCookie): void {
  setCookie(c, DEVICE_COOKIE, formatDeviceCookie(cookie), {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.config.publicUrl.protocol === 'https:',
    path: COOKIE_PATH,
    maxAge: KNOWN_DEVICE_LIFETIME_MS / 1000,
  });
}

/**
 * After a successful sign-in (any session start): this browser stays the known device it already is
 * for this account, or becomes a new one with a new cookie (replacing one another account had
 * here). Answers the device's id.
 */
export async function rememberDevice(c: Context, deps: AppDeps, db: Db, userId: string): Promise<string> {
  const now = deps.clock.now();
  const nowIso = toDbTime(now);
  const decision = deviceAfterSignIn(await knownDeviceOf(c, deps, db, userId));
  if (decision.kind === 'keep') {
    await touchKnownDevice(db, userId, decision.id, nowIso);
    return decision.id;
  }
  const cookie = { id: newId(now), secret: newSecretToken() };
  await insertKnownDevice(db, {
    id: cookie.id,
    user_id: userId,
    secret_hash: deviceHash(deps, cookie),
    created_at: nowIso,
    last_used_at: nowIso,
  });
  await pruneKnownDevices(db, userId, toDbTime(new Date(now.getTime() - KNOWN_DEVICE_LIFETIME_MS)), DEVICES_PER_PERSON);
  writeDeviceCookie(c, deps, cookie);
  return cookie.id;
}

/** A password change or reset: every known device of the person is forgotten but this browser. */
export function forgetOtherDevices(db: Db, userId: string, keepId: string): Promise<void> {
  return forgetKnownDevices(db, userId, keepId);
}
