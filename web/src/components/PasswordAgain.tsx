import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import { passkeysSupported, reauthWithPasskey } from '../lib/passkeys';
import { Field, FormAlert, SubmitButton, useForm } from './form';

// The private places ("Is it working?", For me) ask for the password again after 15 idle minutes
// (decision 022): their routes answer 403 reauth_required, and the screen asks in place, here.

/** How long a private place stays open on screen without a touch, a key or a scroll. */
export const IDLE_MS = 15 * 60_000;

/** True when the server asks for the password again before a private place can be used. */
export function isReauthRequired(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'reauth_required';
}

interface PasswordAgainProps {
  /** Why the password is asked, in the place's own words. */
  intro: string;
  submitLabel: string;
  pendingLabel: string;
  /** Called once the password was right: the place is open again on this session. */
  onOpened: () => void;
  /** Puts the cursor in the password field: for a request that interrupted what the person was doing. */
  focus?: boolean;
}

/** The password asked again, so that no one else holding this device can open a private place. */
export function PasswordAgain({ intro, submitLabel, pendingLabel, onOpened, focus = false }: PasswordAgainProps) {
  const [password, setPassword] = useState('');
  const form = useForm();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  }, [focus]);
  const hasPasskey = useHasPasskey();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('auth.reauth', { body: { password } });
      setPassword('');
      onOpened();
    });
  };
  const withPasskey = () =>
    void form.run(async () => {
      await reauthWithPasskey();
      setPassword('');
      onOpened();
    });
  return (
    <div class="card" ref={box}>
      <h2>Your password, once more</h2>
      <p>{intro}</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <Field
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={setPassword}
          error={form.fields.password}
        />
        <SubmitButton pending={form.pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </form>
      {hasPasskey ? (
        <p>
          <button type="button" class="button" disabled={form.pending} onClick={withPasskey}>
            Use a passkey instead
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Whether the person has a passkey this browser could use: then PasswordAgain offers it too. */
function useHasPasskey(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    if (!passkeysSupported()) return;
    let live = true;
    api('passkeys.list').then(
      (list) => {
        if (live) setHas(list.passkeys.length > 0);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return has;
}

/**
 * Calls onIdle after IDLE_MS without a touch, a key or a scroll while `active`: a private place
 * closes itself on an unattended screen (the server would ask for the password by then anyway).
 */
export function useIdleClose(active: boolean, onIdle: () => void): void {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => idle.current(), IDLE_MS);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.current(), IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [active]);
}
