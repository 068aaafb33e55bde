import { defineContract } from '../../http/contract.js';
import {
  LoginBody,
  MeView,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  ReauthBody,
  ResetAccepted,
  SessionIdParams,
  SessionList,
  SessionProbe,
  SignupBody,
  UpdateMeBody,
  UserView,
} from './auth.schema.js';

const tag = 'auth';

export const signup = defineContract({
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
});

export const login = defineContract({
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
});

export const logout = defineContract({
  id: 'auth.logout',
  method: 'POST',
  path: '/api/v1/auth/logout',
  tag,
  summary: 'Sign out of this browser',
  access: 'public',
  success: { status: 204 },
  errors: [],
});

export const me = defineContract({
  id: 'auth.me',
  method: 'GET',
  path: '/api/v1/me',
  tag,
  summary: 'The signed-in person',
  access: 'account',
  success: { status: 200, schema: MeView },
  errors: [401],
});

export const session = defineContract({
  id: 'auth.session',
  method: 'GET',
  path: '/api/v1/auth/session',
  tag,
  summary: 'Whether this browser is signed in (always 200; the first screen asks this, not /me, so a visitor sees no 401)',
  access: 'public',
  success: { status: 200, schema: SessionProbe },
  errors: [],
});

export const updateMe = defineContract({
  id: 'auth.updateMe',
  method: 'PATCH',
  path: '/api/v1/me',
  tag,
  summary:
    'Change my display name, time zone or email. A new email needs a fresh re-authentication (403 reauth_required) and one no other account uses (409 email_taken)',
  access: 'account',
  body: UpdateMeBody,
  success: { status: 200, schema: MeView },
  errors: [400, 401, 403, 409],
});

export const listSessions = defineContract({
  id: 'auth.sessions.list',
  method: 'GET',
  path: '/api/v1/auth/sessions',
  tag,
  summary: 'My signed-in devices',
  access: 'account',
  success: { status: 200, schema: SessionList },
  errors: [401],
});

export const deleteSession = defineContract({
  id: 'auth.sessions.delete',
  method: 'DELETE',
  path: '/api/v1/auth/sessions/:id',
  tag,
  summary: 'Sign one of my devices out',
  access: 'account',
  params: SessionIdParams,
  success: { status: 204 },
  errors: [401, 404],
});

export const signOutEverywhere = defineContract({
  id: 'auth.sessions.signOutEverywhere',
  method: 'POST',
  path: '/api/v1/auth/sessions/sign-out-everywhere',
  tag,
  summary: 'Sign out on every device, this one included',
  access: 'account',
  success: { status: 204 },
  errors: [401],
});

export const requestReset = defineContract({
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
});

export const confirmReset = defineContract({
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
});

export const reauth = defineContract({
  id: 'auth.reauth',
  method: 'POST',
  path: '/api/v1/auth/reauth',
  tag: 'account',
  summary:
    'Enter my password again on this session, or answer with one of my passkeys (`passkey`, after auth.reauthPasskeyOptions): opens the private places for 15 idle minutes, and counts as a fresh re-authentication for 5 minutes',
  access: 'account',
  body: ReauthBody,
  success: { status: 204 },
  errors: [400, 401, 429],
});

export const authContracts = [
  signup,
  login,
  logout,
  me,
  session,
  updateMe,
  listSessions,
  deleteSession,
  signOutEverywhere,
  requestReset,
  confirmReset,
  reauth,
] as const;
