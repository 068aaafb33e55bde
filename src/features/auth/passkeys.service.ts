import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { sessionNoticeDue } from '../../domain/known-devices.js';
import type { SignedInAccount } from '../../http/route.js';
import { checkLimit, clearBucket, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { addMs, fromDbTime, toDbTime } from '../../shared/time.js';
import { noticeNewPasskey, noticeNewSession } from '../notifications/account-notices.js';
import type { UserView } from './auth.schema.js';
import { isUniqueViolation } from './auth.service.js';
import { describeDevice } from './device.js';
import { openName } from './names.js';
import {
  type ChallengePurpose,
  deletePasskey,
  findPasskey,
  findPasskeyByCredential,
  insertChallenge,
  insertPasskey,
  listPasskeysOf,
  recordPasskeyUse,
  renamePasskey,
  takeChallenge,
} from './passkeys.repo.js';
import {
  type AuthenticationResponse,
  type CreationOptions,
  type PasskeyView,
  type RegistrationResponse,
  type RequestOptions,
  TRANSPORTS,
  type Transport,
} from './passkeys.schema.js';
import { reentryBucket, requireFreshReauth } from './reauth.service.js';
import { rotateSession } from './session.service.js';
import { stampReauth } from './sessions.repo.js';
import { findUserById } from './users.repo.js';

// Passkeys (decision 024), verified with @simplewebauthn/server. The relying party is this server's
// public address (PUBLIC_URL): its hostname is the RP ID and its origin the only origin accepted.
// Every challenge is made here, kept in webauthn_challenges for 5 minutes and taken (deleted) by the
// first answer that names it, whether that answer then verifies or not: an answer can be used once.

const RP_NAME = 'Attune';
/** How long a challenge may be answered, and how long the browser is told to wait. */
export const CHALLENGE_MS = 5 * 60_000;

function relyingParty(deps: AppDeps): { rpID: string; origin: string } {
  return { rpID: deps.config.publicUrl.hostname, origin: deps.config.publicUrl.origin };
}

/**
 * The WebAuthn user handle of a person: a keyed hash of their id, so the authenticator holds
 * nothing that names them or says when the account was made, and it needs no storing.
 */
function userHandleOf(deps: AppDeps, userId: string): string {
  return hashToken(deps.secrets.sessionSecret, 'webauthn-user', userId);
}

const passkeyContext = (id: string) => ({ table: 'passkeys', column: 'name', rowId: id });

function transportsOf(json: string): Transport[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((t): t is Transport => (TRANSPORTS as readonly unknown[]).includes(t)) : [];
  } catch {
    return [];
  }
}

/** The challenge an answer signed, read from its clientDataJSON (null when it cannot be read). */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown }).challenge;
    return typeof challenge === 'string' && challenge.length <= 200 ? challenge : null;
  } catch {
    return null;
  }
}

async function newChallenge(deps: AppDeps, purpose: ChallengePurpose, userId: string | null, challenge: string) {
  const now = deps.clock.now();
  await insertChallenge(
    deps.db,
    { id: newId(now), purpose, user_id: userId, challenge, expires_at: toDbTime(addMs(now, CHALLENGE_MS)) },
    toDbTime(now),
  );
}

/** Takes the challenge an answer names, for this purpose and person: null when it is not live. */
async function takeChallengeOf(deps: AppDeps, clientDataJSON: string, purpose: ChallengePurpose, userId: string | null) {
  const challenge = challengeOf(clientDataJSON);
  if (!challenge) return null;
  return (await takeChallenge(deps.db, challenge, purpose, userId, toDbTime(deps.clock.now()))) ?? null;
}

async function viewOf(
  deps: AppDeps,
  userId: string,
  row: { id: string; name_sealed: string; created_at: string; last_used_at: string | null },
): Promise<PasskeyView> {
  return {
    id: row.id,
    name: await deps.sealer.open(userId, passkeyContext(row.id), row.name_sealed),
    createdAt: fromDbTime(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? fromDbTime(row.last_used_at).toISOString() : null,
  };
}

export async function listPasskeys(deps: AppDeps, account: SignedInAccount): Promise<PasskeyView[]> {
  const rows = await listPasskeysOf(deps.db, account.userId);
  return Promise.all(rows.map((row) => viewOf(deps, account.userId, row)));
}

/** The person's passkeys as WebAuthn names them, for excluding (adding) or allowing (re-authentication). */
async function descriptorsOf(deps: AppDeps, userId: string) {
  const rows = await listPasskeysOf(deps.db, userId);
  return rows.map((row) => ({ id: row.credential_id, type: 'public-key' as const, transports: transportsOf(row.transports) }));
}

// ---- Adding a passkey --------------------------------------------------------------------------

export async function registrationOptions(deps: AppDeps, account: SignedInAccount): Promise<CreationOptions> {
  await requireFreshReauth(deps, account);
  const { rpID } = relyingParty(deps);
  const exclude = await descriptorsOf(deps, account.userId);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: account.email,
    userDisplayName: account.email,
    userID: Buffer.from(userHandleOf(deps, account.userId), 'base64url'),
    timeout: CHALLENGE_MS,
    attestationType: 'none',
    excludeCredentials: exclude,
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await newChallenge(deps, 'register', account.userId, options.challenge);
  return {
    challenge: options.challenge,
    rp: { name: RP_NAME, id: rpID },
    user: { id: options.user.id, name: options.user.name, displayName: options.user.displayName },
    pubKeyCredParams: options.pubKeyCredParams.map((p) => ({ alg: p.alg, type: 'public-key' as const })),
    timeout: CHALLENGE_MS,
    attestation: 'none',
    excludeCredentials: exclude,
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' },
  };
}

const notAdded = () =>
  new AppError(
    400,
    'passkey_not_verified',
    'That passkey could not be added. Please try again; if it keeps happening, your password still works as before.',
  );

export async function registerPasskey(
  deps: AppDeps,
  account: SignedInAccount,
  body: { name: string; response: RegistrationResponse },
): Promise<PasskeyView> {
  await requireFreshReauth(deps, account);
  const taken = await takeChallengeOf(deps, body.response.response.clientDataJSON, 'register', account.userId);
  if (!taken) throw notAdded();
  const { rpID, origin } = relyingParty(deps);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: body.response as RegistrationResponseJSON,
      expectedChallenge: taken.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    throw notAdded();
  }
  if (!verified.verified) throw notAdded();
  const { credential } = verified.registrationInfo;
  const now = deps.clock.now();
  const id = newId(now);
  const row = {
    id,
    user_id: account.userId,
    credential_id: credential.id,
    public_key: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: JSON.stringify((credential.transports ?? []).filter((t) => (TRANSPORTS as readonly string[]).includes(t))),
    name_sealed: await deps.sealer.seal(account.userId, passkeyContext(id), body.name),
    created_at: toDbTime(now),
    last_used_at: null,
  };
  try {
    await insertPasskey(deps.db, row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'passkey_exists', 'This passkey is already added. You can see your passkeys in Settings.');
    }
    throw error;
  }
  await noticeNewPasskey(deps, account.userId, id);
  return viewOf(deps, account.userId, row);
}

// ---- Naming and removing -----------------------------------------------------------------------

/** One of my passkeys; anyone else's answers exactly like a missing one. */
async function ownPasskey(deps: AppDeps, account: SignedInAccount, id: string) {
  const row = await findPasskey(deps.db, id);
  if (!row || row.user_id !== account.userId) throw notFound();
  return row;
}

export async function renameOwnPasskey(deps: AppDeps, account: SignedInAccount, id: string, name: string): Promise<PasskeyView> {
  const row = await ownPasskey(deps, account, id);
  const nameSealed = await deps.sealer.seal(account.userId, passkeyContext(id), name);
  await renamePasskey(deps.db, account.userId, id, nameSealed);
  return viewOf(deps, account.userId, { ...row, name_sealed: nameSealed });
}

export async function removeOwnPasskey(deps: AppDeps, account: SignedInAccount, id: string): Promise<void> {
  await requireFreshReauth(deps, account);
  await ownPasskey(deps, account, id);
  await deletePasskey(deps.db, account.userId, id);
}

// ---- Using a passkey: sign-in and re-authentication ---------------------------------------------

async function requestOptions(deps: AppDeps, purpose: 'sign-in' | 'reauth', userId: string | null): Promise<RequestOptions> {
  const { rpID } = relyingParty(deps);
  const allow = userId ? await descriptorsOf(deps, userId) : [];
  const options = await generateAuthenticationOptions({ rpID, timeout: CHALLENGE_MS, userVerification: 'preferred' });
  await newChallenge(deps, purpose, userId, options.challenge);
  return {
    challenge: options.challenge,
    rpId: rpID,
    timeout: CHALLENGE_MS,
    userVerification: 'preferred',
    allowCredentials: allow,
  };
}

/** For signing in: any passkey of this site (the browser offers the person's own; no email asked). */
export function signInOptions(deps: AppDeps): Promise<RequestOptions> {
  return requestOptions(deps, 'sign-in', null);
}

/** For confirming it is me: only my own passkeys. */
export function reauthOptions(deps: AppDeps, account: SignedInAccount): Promise<RequestOptions> {
  return requestOptions(deps, 'reauth', account.userId);
}

/**
 * Checks an answer against a challenge this server handed out for `purpose` (and person), and the
 * stored passkey it names (of `ownerId`, when given). On success the counter and the time of use are
 * recorded and the passkey's owner is answered; on any failure, null. The challenge is spent either way.
 */
async function verifyUse(
  deps: AppDeps,
  response: AuthenticationResponse,
  purpose: 'sign-in' | 'reauth',
  ownerId: string | null,
): Promise<string | null> {
  const taken = await takeChallengeOf(deps, response.response.clientDataJSON, purpose, ownerId);
  if (!taken) return null;
  const passkey = await findPasskeyByCredential(deps.db, response.id);
  if (!passkey || (ownerId !== null && passkey.user_id !== ownerId)) return null;
  // A discoverable passkey says whose it is; it must be the person the stored passkey belongs to.
  const handle = response.response.userHandle;
  if (handle && handle.replace(/=+$/, '') !== userHandleOf(deps, passkey.user_id)) return null;
  const { rpID, origin } = relyingParty(deps);
  const counter = Number(passkey.counter);
  let newCounter: number;
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: taken.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter,
        transports: transportsOf(passkey.transports) as AuthenticatorTransport[],
      },
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    return null;
  }
  const recorded = await recordPasskeyUse(deps.db, passkey.id, counter, newCounter, toDbTime(deps.clock.now()));
  return recorded ? passkey.user_id : null;
}

const signInRefused = () =>
  new AppError(
    401,
    'passkey_not_recognised',
    'That passkey did not sign you in. Please try again, or sign in with your email and password.',
  );

/** Signs in with a passkey exactly as with the password: the session rotates, the browser becomes known. */
export async function signInWithPasskey(c: Context, deps: AppDeps, response: AuthenticationResponse): Promise<UserView> {
  const userId = await verifyUse(deps, response, 'sign-in', null);
  const user = userId ? await findUserById(deps.db, userId) : undefined;
  if (!user) throw signInRefused();
  await deps.db.transaction().execute((trx) => rotateSession(c, deps, trx, user.id));
  if (sessionNoticeDue('sign-in', user.role)) {
    await noticeNewSession(deps, user.id, describeDevice(c.req.header('user-agent')));
  }
  return { id: user.id, email: user.email, name: await openName(deps, user.id, user.name_sealed) };
}

/**
 * Re-authentication with one of my passkeys (decision 022's two stamps, like the password). A
 * failure counts with wrong passwords typed again, and the same limit applies (429).
 */
export async function reauthenticateWithPasskey(
  deps: AppDeps,
  account: SignedInAccount,
  response: AuthenticationResponse,
): Promise<void> {
  const now = deps.clock.now();
  const { windowMs, signInFailuresPerAccount } = deps.config.rateLimit;
  const bucket = reentryBucket(deps, account.userId);
  await recordHit(deps.db, bucket, windowMs, now);
  const verdict = await checkLimit(deps.db, bucket, signInFailuresPerAccount + 1, windowMs, now);
  if (verdict.limited) {
    throw new AppError(429, 'rate_limited', 'There have been too many tries. Please wait a little and try again.', undefined, {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  }
  const owner = await verifyUse(deps, response, 'reauth', account.userId);
  if (owner !== account.userId) {
    throw new AppError(
      401,
      'passkey_not_recognised',
      'That passkey did not confirm it is you. Please try again, or use your password instead.',
    );
  }
  await clearBucket(deps.db, bucket);
  await stampReauth(deps.db, account.userId, account.sessionId, toDbTime(now), true);
}
