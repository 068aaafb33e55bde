import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import type { Caller } from '../../http/route.js';
import { hashToken } from '../../platform/tokens.js';
import { newId, newSecretToken } from '../../shared/ids.js';
import { addMs, DAY_MS, fromDbTime, HOUR_MS, toDbTime } from '../../shared/time.js';
import { describeDevice } from './device.js';
import { rememberDevice } from './known-devices.js';
import { deleteSessionByTokenHash, findLiveSession, insertSession, touchSession } from './sessions.repo.js';

export const SESSION_COOKIE = 'attune_session';
const SESSION_LIFETIME_MS = 30 * DAY_MS;
// Touching the session on every request would turn every read into a write.
const TOUCH_AFTER_MS = HOUR_MS;

export function sessionTokenHash(deps: AppDeps, token: string): string {
  return hashToken(deps.secrets.sessionSecret, 'session', token);
}

/**
 * Starts a session and returns its token (the cookie value), stored only as a keyed hash. The person
 * has just typed their password (sign-up, sign-in, a reset), so the private places open on it
 * (`reauth_at`, decision 022); the fresh stamp for sensitive actions waits for an explicit re-entry.
 */
export async function startSession(deps: AppDeps, db: Db, userId: string, userAgent: string | undefined): Promise<string> {
  const now = deps.clock.now();
  const token = newSecretToken();
  await insertSession(db, {
    id: newId(now),
    token_hash: sessionTokenHash(deps, token),
    user_id: userId,
    created_at: toDbTime(now),
    last_used_at: toDbTime(now),
    expires_at: toDbTime(addMs(now, SESSION_LIFETIME_MS)),
    device: describeDevice(userAgent),
    reauth_at: toDbTime(now),
    fresh_reauth_at: null,
  });
  return token;
}

export async function resolveSession(deps: AppDeps, token: string) {
  const now = deps.clock.now();
  const found = await findLiveSession(deps.db, sessionTokenHash(deps, token), toDbTime(now));
  if (!found) return null;
  const touched = now.getTime() - fromDbTime(found.lastUsedAt).getTime() > TOUCH_AFTER_MS;
  if (touched) await touchSession(deps.db, found.sessionId, toDbTime(now), toDbTime(addMs(now, SESSION_LIFETIME_MS)));
  return { ...found, touched };
}

export function readSessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function writeSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.publicUrl.protocol === 'https:',
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.publicUrl.protocol === 'https:' });
}

/**
 * Sign-in rotates: the session this browser had (if any) ends before a new one begins, and what it
 * opened with it (its push subscriptions, by cascade). The browser becomes, or stays, a known device
 * of the account (decision 024); answers that device's id.
 */
export async function rotateSession(c: Context, deps: AppDeps, db: Db, userId: string): Promise<{ deviceId: string }> {
  const previous = readSessionCookie(c);
  if (previous) await deleteSessionByTokenHash(db, sessionTokenHash(deps, previous));
  const token = await startSession(deps, db, userId, c.req.header('user-agent'));
  writeSessionCookie(c, deps, token);
  return { deviceId: await rememberDevice(c, deps, db, userId) };
}

/**
 * Who is asking: the live session behind the cookie, its account, and for a partner the person as
 * the access policy sees them. A therapist has no space, so no actor (decision 023).
 */
export async function signedInUser(c: Context, deps: AppDeps): Promise<Caller | null> {
  const token = readSessionCookie(c);
  if (!token) return null;
  const session = await resolveSession(deps, token);
  if (!session) return null;
  // The cookie's lifetime follows the session's, so daily use keeps a person signed in.
  if (session.touched) writeSessionCookie(c, deps, token);
  const account = { userId: session.userId, sessionId: session.sessionId, email: session.email, role: session.role };
  if (session.role === 'therapist') return { account, user: null };
  // The actor came with the session (one query); a partner in no space is answered as signed out.
  if (session.spaceId === null) return null;
  const actor = { userId: session.userId, spaceId: session.spaceId, partnerId: session.partnerId ?? null };
  return { account, user: { actor, sessionId: session.sessionId, email: session.email } };
}

/** Whether the session behind this request's cookie is still live: it may have ended in another process. */
export async function sessionAlive(deps: AppDeps, c: Context): Promise<boolean> {
  const token = readSessionCookie(c);
  if (!token) return false;
  return (await findLiveSession(deps.db, sessionTokenHash(deps, token), toDbTime(deps.clock.now()))) !== undefined;
}
