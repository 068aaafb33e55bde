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
      {emailEnabled ? (
        <>
          <div role="status" aria-live="polite">
            {sent ? (
              <div class="card">
                <p>
                  Thank you. If there is an account for that address, a link to choose a new password is on its way. It works once
                  and expires soon.
                </p>
                <p>If nothing arrives in a few minutes, it is worth checking your spam folder.</p>
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
        </>
      ) : (
        // No email here: asking for a link by mail would promise something that cannot happen.
        <div class="card">
          <p>This Attune has no email set up, so it cannot send you a reset link.</p>
          <p>
            Whoever runs it can create a reset link for you with a command and pass it on to you. The link works once and expires
            soon.
          </p>
        </div>
      )}
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </section>
  );
}
