import * as v from 'valibot';

// Passkeys (decision 024): what crosses the wire. The browser's WebAuthn answers are the JSON form
// @simplewebauthn/browser makes (base64url strings); the options are what the browser hands to
// navigator.credentials. Each field the server does not read is dropped by the object schemas.

/** base64url (padding tolerated), bounded: a credential id is at most 1,023 bytes. */
const B64 = (max: number) =>
  v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]*={0,2}$/, 'That is not a passkey answer we can read.'));

export const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
export type Transport = (typeof TRANSPORTS)[number];

// What extensions reported: nothing here is read, so every key is dropped.
const ExtensionResults = v.optional(v.object({}), {});
const Attachment = v.optional(v.picklist(['platform', 'cross-platform']));

/** What navigator.credentials.create() gave, as JSON. */
export const RegistrationResponse = v.object({
  id: B64(1400),
  rawId: B64(1400),
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: B64(8000),
    attestationObject: B64(32000),
    authenticatorData: v.optional(B64(32000)),
    transports: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(32))), v.maxLength(10))),
    publicKeyAlgorithm: v.optional(v.number()),
    publicKey: v.optional(B64(8000)),
  }),
  authenticatorAttachment: Attachment,
  clientExtensionResults: ExtensionResults,
});

/** What navigator.credentials.get() gave, as JSON. */
export const AuthenticationResponse = v.object({
  id: B64(1400),
  rawId: B64(1400),
  type: v.literal('public-key'),
  response: v.object({
    clientDataJSON: B64(8000),
    authenticatorData: B64(8000),
    signature: B64(2000),
    userHandle: v.nullish(B64(200)),
  }),
  authenticatorAttachment: Attachment,
  clientExtensionResults: ExtensionResults,
});

export const PasskeyName = v.pipe(
  v.string('Please give this passkey a name.'),
  v.trim(),
  v.nonEmpty('Please give this passkey a name, for example "My phone".'),
  v.maxLength(60, 'Please keep the name to 60 characters.'),
);

export const RegisterPasskeyBody = v.strictObject({ name: PasskeyName, response: RegistrationResponse });
export const RenamePasskeyBody = v.strictObject({ name: PasskeyName });
export const PasskeySignInBody = v.strictObject({ response: AuthenticationResponse });
export const PasskeyIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a passkey id.')) });

export const PasskeyView = v.object({
  id: v.string(),
  name: v.string(),
  createdAt: v.string(),
  /** Null until it is first used to sign in or confirm it is you. */
  lastUsedAt: v.nullable(v.string()),
});
export const PasskeyList = v.object({ passkeys: v.array(PasskeyView) });

const CredentialDescriptor = v.object({
  id: v.string(),
  type: v.literal('public-key'),
  transports: v.optional(v.array(v.picklist(TRANSPORTS))),
});

/** For navigator.credentials.create(): a discoverable credential, user verification preferred. */
export const CreationOptions = v.object({
  challenge: v.string(),
  rp: v.object({ name: v.string(), id: v.string() }),
  user: v.object({ id: v.string(), name: v.string(), displayName: v.string() }),
  pubKeyCredParams: v.array(v.object({ alg: v.number(), type: v.literal('public-key') })),
  timeout: v.number(),
  attestation: v.literal('none'),
  excludeCredentials: v.array(CredentialDescriptor),
  authenticatorSelection: v.object({
    residentKey: v.literal('required'),
    requireResidentKey: v.literal(true),
    userVerification: v.literal('preferred'),
  }),
});

/** For navigator.credentials.get(): any of this site's passkeys (sign-in), or only mine (re-authentication). */
export const RequestOptions = v.object({
  challenge: v.string(),
  rpId: v.string(),
  timeout: v.number(),
  userVerification: v.literal('preferred'),
  allowCredentials: v.array(CredentialDescriptor),
});

export type RegistrationResponse = v.InferOutput<typeof RegistrationResponse>;
export type AuthenticationResponse = v.InferOutput<typeof AuthenticationResponse>;
export type PasskeyView = v.InferOutput<typeof PasskeyView>;
export type CreationOptions = v.InferOutput<typeof CreationOptions>;
export type RequestOptions = v.InferOutput<typeof RequestOptions>;
