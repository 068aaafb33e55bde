import { signal } from '@preact/signals';
import { ApiError, api, type MeView } from '../api/client';
import { forgetUnsentText } from './unsent';

/** undefined while loading; null when signed out. */
export const me = signal<MeView | null | undefined>(undefined);

/** A one-time message for the next screen, such as "your password is changed". */
export const flash = signal<string | null>(null);

export async function loadMe(): Promise<MeView | null> {
  try {
    // The public probe first: /me rightly answers a visitor 401, which a browser logs as an error.
    if (!(await api('auth.session')).signedIn) {
      me.value = null;
      return null;
    }
    me.value = await api('auth.me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) me.value = null;
    else if (me.value === undefined) me.value = null;
  }
  return me.value ?? null;
}

export function signedOut(): void {
  // Words typed but not sent stay with the person who typed them, never with the device.
  forgetUnsentText();
  me.value = null;
}
