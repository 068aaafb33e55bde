import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { passkeysSupported, signInWithPasskey } from '../lib/passkeys';
import { navigate, queryParam } from '../lib/router';
import { loadMe } from '../lib/session';

/** Only same-site paths are allowed as a place to return to after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('auth.login', { body: { email, password } });
      await loadMe();
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autocomplete="username"
        value={email}
        onInput={setEmail}
        error={form.fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={setPassword}
        error={form.fields.password}
      />
      <SubmitButton pending={form.pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

/**
 * Signing in with a passkey, the recommended way (decision 024): no email to type, nothing anyone
 * could guess. Offered only where the browser can use passkeys; the password form follows it.
 */
export function PasskeySignIn({ onDone }: { onDone: () => void | Promise<void> }) {
  const form = useForm();
  if (!passkeysSupported()) return null;
  const start = () =>
    void form.run(async () => {
      await signInWithPasskey();
      await loadMe();
      await onDone();
    });
  return (
    <div class="card">
      <h2>With a passkey</h2>
      <p>The safest way in: your phone or computer confirms it is you, with your fingerprint, face or screen lock.</p>
      <FormAlert message={form.message} />
      <button type="button" class="button primary" disabled={form.pending} onClick={start}>
        {form.pending ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
    </div>
  );
}

export function SignIn() {
  const done = () => navigate(safeNext(queryParam('next')));
  return (
    <section class="narrow">
      <PageTitle title="Sign in">Sign in to Attune</PageTitle>
      <p>A private space to work on trust, at your own pace.</p>
      <PasskeySignIn onDone={done} />
      {passkeysSupported() ? <h2>Or with your email and password</h2> : null}
      <SignInForm onDone={done} />
      <p>
        <a href="/forgot">Forgot your password?</a>
      </p>
      <p>
        New here? <a href="/sign-up">Create an account</a>
      </p>
    </section>
  );
}
