import { decideOwned } from '../../domain/access-policy.js';
import { bind } from '../../http/route.js';
import { enforce } from '../../shared/enforce.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { endAllPushOf } from '../push/session-ends.js';
import { newEmailOf, saveProfile } from './account.service.js';
import * as contract from './auth.contract.js';
import { logIn, requireValidTimeZone, signUp } from './auth.service.js';
import { openName, sealName } from './names.js';
import { reauthenticateWithPasskey } from './passkeys.service.js';
import { confirmReset, RESET_REQUESTED_MESSAGE, requestReset } from './password-reset.service.js';
import { reauthenticate } from './reauth.service.js';
import { clearSessionCookie, readSessionCookie, resolveSession, sessionTokenHash } from './session.service.js';
import { deleteAllSessions, deleteSession, deleteSessionByTokenHash, findSessionOwner, listSessions } from './sessions.repo.js';
import { findUserById } from './users.repo.js';

export const signupRoute = bind(contract.signup, ({ c, deps, body }) => signUp(c, deps, body));

export const loginRoute = bind(contract.login, ({ c, deps, body }) => logIn(c, deps, body));

// Ending a session ends the push subscriptions saved from it too (push_subscriptions.session_id
// cascades, decision 024): signing this browser or one device out stops its reminders.
export const logoutRoute = bind(contract.logout, async ({ c, deps }) => {
  const token = readSessionCookie(c);
  if (token) {
    const session = await resolveSession(deps, token);
    await deleteSessionByTokenHash(deps.db, sessionTokenHash(deps, token));
    if (session) deps.events.endSessions({ userId: session.userId, sessionId: session.sessionId });
  }
  clearSessionCookie(c, deps);
  return undefined;
});

async function meView(deps: Parameters<typeof openName>[0], userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new Error('Signed-in user has no record');
  return {
    id: user.id,
    email: user.email,
    name: await openName(deps, user.id, user.name_sealed),
    timeZone: user.time_zone,
    createdAt: fromDbTime(user.created_at).toISOString(),
    role: user.role,
  };
}

export const meRoute = bind(contract.me, ({ deps, account }) => meView(deps, account.userId));

export const sessionRoute = bind(contract.session, async ({ account }) => ({ signedIn: account !== null }));

export const updateMeRoute = bind(contract.updateMe, async ({ deps, account, body }) => {
  const { userId } = account;
  const now = toDbTime(deps.clock.now());
  // A new email is checked first (fresh re-authentication, not taken): on a refusal nothing changes.
  const newEmail = await newEmailOf(deps, account, body.email);
  const changes = {
    updated_at: now,
    ...(body.timeZone !== undefined ? { time_zone: requireValidTimeZone(body.timeZone) } : {}),
    ...(body.name !== undefined ? { name_sealed: await sealName(deps, userId, body.name) } : {}),
  };
  await saveProfile(deps, userId, changes, newEmail);
  return meView(deps, userId);
});

export const listSessionsRoute = bind(contract.listSessions, async ({ deps, account }) => {
  const rows = await listSessions(deps.db, account.userId, toDbTime(deps.clock.now()));
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      createdAt: fromDbTime(row.created_at).toISOString(),
      lastUsedAt: fromDbTime(row.last_used_at).toISOString(),
      device: row.device,
      current: row.id === account.sessionId,
    })),
  };
});

export const deleteSessionRoute = bind(contract.deleteSession, async ({ c, deps, account, params }) => {
  const session = await findSessionOwner(deps.db, params.id);
  enforce(decideOwned(account, session && { ownerId: session.user_id }));
  await deleteSession(deps.db, account.userId, params.id);
  deps.events.endSessions({ userId: account.userId, sessionId: params.id });
  if (params.id === account.sessionId) clearSessionCookie(c, deps);
  return undefined;
});

export const signOutEverywhereRoute = bind(contract.signOutEverywhere, async ({ c, deps, account }) => {
  // Every push subscription of the person goes too, older ones saved before sessions were recorded.
  await deps.db.transaction().execute(async (trx) => {
    await deleteAllSessions(trx, account.userId);
    await endAllPushOf(trx, account.userId);
  });
  deps.events.endSessions({ userId: account.userId, sessionId: null });
  clearSessionCookie(c, deps);
  return undefined;
});

export const requestResetRoute = bind(contract.requestReset, async ({ deps, body }) => {
  await requestReset(deps, body.email);
  return { message: RESET_REQUESTED_MESSAGE };
});

export const confirmResetRoute = bind(contract.confirmReset, ({ c, deps, body }) =>
  confirmReset(c, deps, body.token, body.password),
);

// Acts on the caller's own session only. Not idempotent on purpose: a stored answer would keep a row
// about a password being typed (decision 022).
export const reauthRoute = bind(contract.reauth, async ({ deps, account, body }) => {
  if ('passkey' in body) await reauthenticateWithPasskey(deps, account, body.passkey);
  else await reauthenticate(deps, account, body.password);
  return undefined;
});

export const authRoutes = [
  signupRoute,
  loginRoute,
  logoutRoute,
  meRoute,
  sessionRoute,
  updateMeRoute,
  listSessionsRoute,
  deleteSessionRoute,
  signOutEverywhereRoute,
  requestResetRoute,
  confirmResetRoute,
  reauthRoute,
];
