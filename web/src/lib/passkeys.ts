import { type Answer, ApiError, api } from '../api/client';

// Passkeys in the browser (decision 024). @simplewebauthn/browser is loaded only when a passkey is
// about to be made or used, so the first screen's bundle does not carry it. Every failure of the
// browser's own passkey step (cancelled, timed out, not possible here) becomes one plain ApiError
// that forms show like any other.

type CreationOptions = Answer<'passkeys.registerOptions'>;
type RequestOptions = Answer<'auth.passkeyOptions'>;

/** Whether this browser can make and use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

const notUsed = () =>
  new ApiError(0, 'passkey_not_used', 'The passkey was not used. You can try again, or use your password instead.');

function isCancel(err: unknown): boolean {
  const e = err as { name?: string; code?: string } | null;
  return e?.name === 'NotAllowedError' || e?.name === 'AbortError' || e?.code === 'ERROR_CEREMONY_ABORTED';
}

/** Asks this device to make a passkey for these options; answers what the API's passkeys.register takes. */
export async function makePasskey(options: CreationOptions) {
  const { startRegistration } = await import('@simplewebauthn/browser');
  try {
    return await startRegistration({ optionsJSON: options });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      throw new ApiError(0, 'passkey_exists', 'This device already holds a passkey for your account. You can see it below.');
    }
    if (isCancel(err)) throw notUsed();
    throw new ApiError(0, 'passkey_failed', 'This device could not make a passkey. Your password still works as before.');
  }
}

/** Asks this device to use one of its passkeys for these options. */
export async function usePasskey(options: RequestOptions) {
  const { startAuthentication } = await import('@simplewebauthn/browser');
  try {
    return await startAuthentication({ optionsJSON: options });
  } catch (err) {
    if (isCancel(err)) throw notUsed();
    throw new ApiError(0, 'passkey_failed', 'This device could not use a passkey. Please use your password instead.');
  }
}

/** Signs in with a passkey: options, the device's answer, then the same sign-in as with the password. */
export async function signInWithPasskey(): Promise<void> {
  const options = await api('auth.passkeyOptions');
  const response = await usePasskey(options);
  await api('auth.passkeySignIn', { body: { response } });
}

/** Confirms it is me with one of my passkeys: the same re-authentication as the password. */
export async function reauthWithPasskey(): Promise<void> {
  const options = await api('auth.reauthPasskeyOptions');
  const passkey = await usePasskey(options);
  await api('auth.reauth', { body: { passkey } });
}
