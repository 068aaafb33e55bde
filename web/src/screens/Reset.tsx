import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { navigate, queryParam } from '../lib/router';
import { flash, loadMe } from '../lib/session';

export default function Reset() {
  // Read once, then taken out of the address bar so the link does not linger in history.
  const [token] = useState(() => queryParam('token'));
  useEffect(() => {
    if (token) history.replaceState(history.state, '', '/reset');
  }, [token]);
  const [password, setPassword] = useState('');
  const [linkInvalid, setLinkInvalid] = useState(false);
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    if (!token) return;
    void form.run(async () => {
      try {
        await api('auth.passwordReset.confirm', { body: { token, password } });
      } catch (err) {
        if ((err as { code?: string }).code === 'reset_link_invalid') setLinkInvalid(true);
        throw err;
      }
      await loadMe();
      flash.value = 'Your new password is set. You are signed in here, and signed out everywhere else.';
      navigate('/');
    });
  };
  return (
    <section class="narrow">
      <PageTitle title="Choose a new password">Choose a new password</PageTitle>
      {!token || linkInvalid ? (
        <div class="card" role={linkInvalid ? 'alert' : undefined}>
          <p>This reset link does not work. It may have been used already, or it may have expired. You can ask for a new one.</p>
          <p>
            <a href="/forgot">Ask for a new reset link</a>
          </p>
        </div>
      ) : null}
      {token && !linkInvalid ? (
        <form onSubmit={submit} noValidate>
          <p>After this, any other devices signed in to your account will be signed out.</p>
          <FormAlert message={form.message} />
          <Field
            label="New password"
            name="password"
            type="password"
            autocomplete="new-password"
            value={password}
            onInput={setPassword}
            error={form.fields.password}
            hint="At least 10 characters. A few unrelated words work well."
          />
          <SubmitButton pending={form.pending} pendingLabel="Saving…">
            Save new password
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
