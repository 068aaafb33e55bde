import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { navigate } from '../lib/router';
import { loadMe } from '../lib/session';

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export function SignUpForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('auth.signup', { body: { email, password, name, timeZone: browserTimeZone() } });
      await loadMe();
      await onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <Field
        label="What should we call you?"
        name="name"
        autocomplete="nickname"
        value={name}
        onInput={setName}
        error={form.fields.name}
        hint="Your partner will see this name if you share a space."
      />
      <Field
        label="Email"
        name="email"
        type="email"
        inputMode="email"
        autocomplete="email"
        value={email}
        onInput={setEmail}
        error={form.fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={setPassword}
        error={form.fields.password}
        hint="At least 10 characters. A few unrelated words work well."
      />
      <SubmitButton pending={form.pending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}

export default function SignUp() {
  return (
    <section class="narrow">
      <PageTitle title="Create an account">Create an account</PageTitle>
      <p>Your account is yours alone. You can use Attune on your own, and invite a partner later if and when you want to.</p>
      <SignUpForm onDone={() => navigate('/')} />
      <p>
        Already have an account? <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}
