import { defineContract } from '../../http/contract.js';
import { UserView } from './auth.schema.js';
import {
  CreationOptions,
  PasskeyIdParams,
  PasskeyList,
  PasskeySignInBody,
  PasskeyView,
  RegisterPasskeyBody,
  RenamePasskeyBody,
  RequestOptions,
} from './passkeys.schema.js';

// Passkeys (decision 024): the recommended sign-in, with the password as fallback. Managing them is
// the person's own business (tag `passkeys`); signing in with one works like signing in with the
// password (tag `auth`); confirming it is you with one is a re-authentication (tag `account`).

const tag = 'passkeys';

export const listPasskeys = defineContract({
  id: 'passkeys.list',
  method: 'GET',
  path: '/api/v1/passkeys',
  tag,
  summary: 'My passkeys, oldest first',
  access: 'account',
  success: { status: 200, schema: PasskeyList },
  errors: [401],
});

export const registerOptions = defineContract({
  id: 'passkeys.registerOptions',
  method: 'POST',
  path: '/api/v1/passkeys/options',
  tag,
  summary:
    'Options for adding a passkey (a single-use challenge valid for 5 minutes; my passkeys excluded). Needs a fresh re-authentication (403 reauth_required)',
  access: 'account',
  success: { status: 200, schema: CreationOptions },
  errors: [401, 403],
});

export const register = defineContract({
  id: 'passkeys.register',
  method: 'POST',
  path: '/api/v1/passkeys',
  tag,
  summary:
    'Add a passkey with the answer of my authenticator and a name of my choosing. Needs a fresh re-authentication (403 reauth_required); an answer that does not verify is 400',
  access: 'account',
  body: RegisterPasskeyBody,
  success: { status: 201, schema: PasskeyView },
  errors: [400, 401, 403, 409],
});

export const rename = defineContract({
  id: 'passkeys.rename',
  method: 'PATCH',
  path: '/api/v1/passkeys/:id',
  tag,
  summary: 'Rename one of my passkeys',
  access: 'account',
  params: PasskeyIdParams,
  body: RenamePasskeyBody,
  success: { status: 200, schema: PasskeyView },
  errors: [400, 401, 404],
});

export const remove = defineContract({
  id: 'passkeys.remove',
  method: 'DELETE',
  path: '/api/v1/passkeys/:id',
  tag,
  summary: 'Remove one of my passkeys. Needs a fresh re-authentication (403 reauth_required)',
  access: 'account',
  params: PasskeyIdParams,
  success: { status: 204 },
  errors: [401, 403, 404],
});

export const signInOptions = defineContract({
  id: 'auth.passkeyOptions',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/passkey/options',
  tag: 'auth',
  summary: 'Options for signing in with a passkey (no email needed: the passkey names the account)',
  access: 'public',
  success: { status: 200, schema: RequestOptions },
  errors: [429],
});

export const signIn = defineContract({
  id: 'auth.passkeySignIn',
  limitPerAddress: true,
  method: 'POST',
  path: '/api/v1/auth/passkey',
  tag: 'auth',
  summary: 'Sign in with a passkey; rotates the session, like signing in with the password',
  access: 'public',
  body: PasskeySignInBody,
  success: { status: 200, schema: UserView },
  errors: [400, 401, 429],
});

export const reauthOptions = defineContract({
  id: 'auth.reauthPasskeyOptions',
  method: 'POST',
  path: '/api/v1/auth/reauth/passkey/options',
  tag: 'account',
  summary: 'Options for confirming it is me with one of my passkeys; the answer goes to POST /api/v1/auth/reauth as `passkey`',
  access: 'account',
  success: { status: 200, schema: RequestOptions },
  errors: [401],
});

export const passkeyContracts = [
  listPasskeys,
  registerOptions,
  register,
  rename,
  remove,
  signInOptions,
  signIn,
  reauthOptions,
] as const;
