import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
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

export function SignIn() {
  return (
    <section class="narrow">
      <PageTitle title="Sign in">Sign in to Attune</PageTitle>
      <p>A private space to work on trust, at your own pace.</p>
      <SignInForm onDone={() => navigate(safeNext(queryParam('next')))} />
      <p>
        <a href="/forgot">Forgot your password?</a>
      </p>
      <p>
        New here? <a href="/sign-up">Create an account</a>
      </p>
    </section>
  );
}
