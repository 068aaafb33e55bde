import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { config } from '../lib/config';

export default function Forgot() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm();
  const emailEnabled = config.value.emailEnabled;
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('auth.passwordReset.request', { body: { email } });
      setSent(true);
    });
  };
  return (
    <section class="narrow">
      <PageTitle title="Reset your password">Reset your password</PageTitle>
      {emailEnabled ? null : (
        <p class="note">
          This Attune has no email set up, so it cannot send reset links by itself. Whoever runs it can create a reset link for
          you with a command, and pass it on to you.
        </p>
      )}
      <div role="status" aria-live="polite">
        {sent ? (
          <div class="card">
            {emailEnabled ? (
              <>
                <p>
                  Thank you. If there is an account for that address, a link to choose a new password is on its way. It works once
                  and expires soon.
                </p>
                <p>If nothing arrives in a few minutes, it is worth checking your spam folder.</p>
              </>
            ) : (
              <p>
                Thank you. This Attune cannot send email, so no link will arrive by mail. Whoever runs it can create a reset link
                for you.
              </p>
            )}
          </div>
        ) : null}
      </div>
      {sent ? null : (
        <form onSubmit={submit} noValidate>
          <p>Enter the email address you signed up with, and we will send a link to choose a new password.</p>
          <FormAlert message={form.message} />
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
          <SubmitButton pending={form.pending} pendingLabel="Sending…">
            Send reset link
          </SubmitButton>
        </form>
      )}
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </section>
  );
}
