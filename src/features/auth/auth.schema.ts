import * as v from 'valibot';
import { MIN_PASSWORD_LENGTH } from '../../domain/password-rules.js';
import { AuthenticationResponse } from './passkeys.schema.js';

// Request and response schemas for accounts and sessions. Defined once: they validate requests,
// type the browser client (type-only imports) and generate the OpenAPI document.

const Email = v.pipe(
  v.string('Please enter your email address.'),
  v.trim(),
  v.nonEmpty('Please enter your email address.'),
  v.maxLength(254, 'That email address is too long.'),
  v.email('That does not look like an email address.'),
);

// The length is checked here so it is reported with the other fields; the common-password rule
// lives in the domain (password-rules.ts) and runs in the service.
const NewPassword = v.pipe(
  v.string('Please choose a password.'),
  v.minLength(
    MIN_PASSWORD_LENGTH,
    `Please use at least ${MIN_PASSWORD_LENGTH} characters. A few ordinary words strung together work well.`,
  ),
  v.maxLength(256, 'Please use at most 256 characters.'),
);

export const DisplayName = v.pipe(
  v.string('Please tell us what to call you.'),
  v.trim(),
  v.nonEmpty('Please tell us what to call you.'),
  v.maxLength(60, 'Please keep your name to 60 characters.'),
);

export const TimeZoneName = v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_+\-/]+$/, 'That is not a time zone name.'));

export const SignupBody = v.strictObject({
  email: Email,
  password: NewPassword,
  name: DisplayName,
  timeZone: v.optional(TimeZoneName),
});

export const LoginBody = v.strictObject({
  email: v.pipe(v.string('Please enter your email address.'), v.trim(), v.maxLength(254)),
  password: v.pipe(v.string('Please enter your password.'), v.maxLength(256)),
});

export const UserView = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
});

export const MeView = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  timeZone: v.string(),
  createdAt: v.string(),
  /** 'therapist' for an account made through a therapist invitation: it has no space of its own. */
  role: v.picklist(['partner', 'therapist']),
});

/** Whether this browser is signed in: what the first screen asks, so a signed-out visit logs no 401. */
export const SessionProbe = v.object({ signedIn: v.boolean() });

export const UpdateMeBody = v.strictObject({
  name: v.optional(DisplayName),
  timeZone: v.optional(TimeZoneName),
  /** A new email needs a fresh re-authentication (decision 024); the same one again changes nothing. */
  email: v.optional(Email),
});

export const SessionView = v.object({
  id: v.string(),
  createdAt: v.string(),
  lastUsedAt: v.string(),
  device: v.string(),
  current: v.boolean(),
});

export const SessionList = v.object({ sessions: v.array(SessionView) });

export const SessionIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a session id.')) });

export const PasswordResetRequestBody = v.strictObject({ email: Email });

export const PasswordResetConfirmBody = v.strictObject({
  token: v.pipe(v.string('The reset link is missing its code.'), v.minLength(20), v.maxLength(100)),
  password: NewPassword,
});

export const ResetAccepted = v.object({ message: v.string() });

export type SignupBody = v.InferInput<typeof SignupBody>;
export type LoginBody = v.InferInput<typeof LoginBody>;
export type UserView = v.InferOutput<typeof UserView>;
export type MeView = v.InferOutput<typeof MeView>;
export type SessionProbe = v.InferOutput<typeof SessionProbe>;
export type UpdateMeBody = v.InferInput<typeof UpdateMeBody>;
export type SessionView = v.InferOutput<typeof SessionView>;
export type SessionList = v.InferOutput<typeof SessionList>;

/**
 * Re-entering my password on this session, or answering with one of my passkeys instead (the
 * answer to auth.reauthPasskeyOptions); never stored with an Idempotency-Key.
 */
export const ReauthBody = v.union([
  v.strictObject({
    password: v.pipe(v.string('Please enter your password.'), v.nonEmpty('Please enter your password.'), v.maxLength(256)),
  }),
  v.strictObject({ passkey: AuthenticationResponse }),
]);

/**
 * Changing my password while signed in: the current one typed again is the re-authentication (never
 * stored with an Idempotency-Key), the new one follows the rules of every new password.
 */
export const ChangePasswordBody = v.strictObject({
  currentPassword: v.pipe(
    v.string('Please enter your current password.'),
    v.nonEmpty('Please enter your current password.'),
    v.maxLength(256),
  ),
  newPassword: NewPassword,
});
export type ChangePasswordBody = v.InferInput<typeof ChangePasswordBody>;
