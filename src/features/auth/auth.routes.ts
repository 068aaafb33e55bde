import { decideOwned } from '../../domain/access-policy.js';
import { enforce } from '../../http/enforce.js';
import { defineRoute } from '../../http/route.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import {
  LoginBody,
  MeView,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ResetAccepted,
  SessionIdParams,
  SessionList,
  SignupBody,
  UpdateMeBody,
  UserView,
} from './auth.schema.js';
import { logIn, requireValidTimeZone, signUp } from './auth.service.js';
import { openName, sealName } from './names.js';
import { confirmReset, RESET_REQUESTED_MESSAGE, requestReset } from './password-reset.service.js';
import { clearSessionCookie, readSessionCookie, resolveSession, sessionTokenHash } from './session.service.js';
import { deleteAllSessions, deleteSession, deleteSessionByTokenHash, findSessionOwner, listSessions } from './sessions.repo.js';
import { findUserById, updateUser } from './users.repo.js';

const tag = 'auth';

export const signupRoute = defineRoute({
  id: 'auth.signup',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/signup',
  tag,
  summary: 'Create an account, its own space and a session',
  access: 'public',
  body: SignupBody,
  success: { status: 201, schema: UserView },
  errors: [400, 409, 413, 429],
  handle: ({ c, deps, body }) => signUp(c, deps, body),
});

export const loginRoute = defineRoute({
  id: 'auth.login',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/login',
  tag,
  summary: 'Sign in; rotates the session',
  access: 'public',
  body: LoginBody,
  success: { status: 200, schema: UserView },
  errors: [400, 401, 429],
  handle: ({ c, deps, body }) => logIn(c, deps, body),
});

export const logoutRoute = defineRoute({
  id: 'auth.logout',
  method: 'POST',
  path: '/api/v1/auth/logout',
  tag,
  summary: 'Sign out of this browser',
  access: 'public',
  success: { status: 204 },
  errors: [],
  handle: async ({ c, deps }) => {
    const token = readSessionCookie(c);
    if (token) {
      const session = await resolveSession(deps, token);
      await deleteSessionByTokenHash(deps.db, sessionTokenHash(deps, token));
      if (session) deps.events.endSessions({ userId: session.userId, sessionId: session.sessionId });
    }
    clearSessionCookie(c, deps);
    return undefined;
  },
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
  };
}

export const meRoute = defineRoute({
  id: 'auth.me',
  method: 'GET',
  path: '/api/v1/me',
  tag,
  summary: 'The signed-in person',
  access: 'signed-in',
  success: { status: 200, schema: MeView },
  errors: [401],
  handle: ({ deps, user }) => meView(deps, user.actor.userId),
});

export const updateMeRoute = defineRoute({
  id: 'auth.updateMe',
  method: 'PATCH',
  path: '/api/v1/me',
  tag,
  summary: 'Change my display name or time zone',
  access: 'signed-in',
  body: UpdateMeBody,
  success: { status: 200, schema: MeView },
  errors: [400, 401],
  handle: async ({ deps, user, body }) => {
    const userId = user.actor.userId;
    const now = toDbTime(deps.clock.now());
    const changes = {
      updated_at: now,
      ...(body.timeZone !== undefined ? { time_zone: requireValidTimeZone(body.timeZone) } : {}),
      ...(body.name !== undefined ? { name_sealed: await sealName(deps, userId, body.name) } : {}),
    };
    await updateUser(deps.db, userId, changes);
    return meView(deps, userId);
  },
});

export const listSessionsRoute = defineRoute({
  id: 'auth.sessions.list',
  method: 'GET',
  path: '/api/v1/auth/sessions',
  tag,
  summary: 'My signed-in devices',
  access: 'signed-in',
  success: { status: 200, schema: SessionList },
  errors: [401],
  handle: async ({ deps, user }) => {
    const rows = await listSessions(deps.db, user.actor.userId, toDbTime(deps.clock.now()));
    return {
      sessions: rows.map((row) => ({
        id: row.id,
        createdAt: fromDbTime(row.created_at).toISOString(),
        lastUsedAt: fromDbTime(row.last_used_at).toISOString(),
        device: row.device,
        current: row.id === user.sessionId,
      })),
    };
  },
});

export const deleteSessionRoute = defineRoute({
  id: 'auth.sessions.delete',
  method: 'DELETE',
  path: '/api/v1/auth/sessions/:id',
  tag,
  summary: 'Sign one of my devices out',
  access: 'signed-in',
  params: SessionIdParams,
  success: { status: 204 },
  errors: [401, 404],
  handle: async ({ c, deps, user, params }) => {
    const session = await findSessionOwner(deps.db, params.id);
    enforce(decideOwned(user.actor, session && { ownerId: session.user_id }));
    await deleteSession(deps.db, user.actor.userId, params.id);
    deps.events.endSessions({ userId: user.actor.userId, sessionId: params.id });
    if (params.id === user.sessionId) clearSessionCookie(c, deps);
    return undefined;
  },
});

export const signOutEverywhereRoute = defineRoute({
  id: 'auth.sessions.signOutEverywhere',
  method: 'POST',
  path: '/api/v1/auth/sessions/sign-out-everywhere',
  tag,
  summary: 'Sign out on every device, this one included',
  access: 'signed-in',
  success: { status: 204 },
  errors: [401],
  handle: async ({ c, deps, user }) => {
    await deleteAllSessions(deps.db, user.actor.userId);
    deps.events.endSessions({ userId: user.actor.userId, sessionId: null });
    clearSessionCookie(c, deps);
    return undefined;
  },
});

export const requestResetRoute = defineRoute({
  id: 'auth.passwordReset.request',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/password-reset',
  tag,
  summary: 'Email a one-time password reset link (when email is set up)',
  access: 'public',
  body: PasswordResetRequestBody,
  success: { status: 202, schema: ResetAccepted },
  errors: [400, 429],
  handle: async ({ deps, body }) => {
    await requestReset(deps, body.email);
    return { message: RESET_REQUESTED_MESSAGE };
  },
});

export const confirmResetRoute = defineRoute({
  id: 'auth.passwordReset.confirm',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/password-reset/confirm',
  tag,
  summary: 'Choose a new password with a reset link; ends every session',
  access: 'public',
  body: PasswordResetConfirmBody,
  success: { status: 200, schema: UserView },
  errors: [400, 429],
  handle: ({ c, deps, body }) => confirmReset(c, deps, body.token, body.password),
});

export const authRoutes = [
  signupRoute,
  loginRoute,
  logoutRoute,
  meRoute,
  updateMeRoute,
  listSessionsRoute,
  deleteSessionRoute,
  signOutEverywhereRoute,
  requestResetRoute,
  confirmResetRoute,
];
