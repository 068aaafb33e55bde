import { useId, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { isReauthRequired, PasswordAgain } from '../../components/PasswordAgain';
import { me } from '../../lib/session';

// The email the account signs in with (decision 024). A new one needs the password typed in the last
// five minutes: when the server asks for it (reauth_required), it is asked here, in place, and the
// change is sent again.

export function ChangeEmail() {
  const id = useId();
  const [email, setEmail] = useState(me.value?.email ?? '');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm();

  const save = () =>
    form.run(async () => {
      setDone(null);
      if (email.trim().toLowerCase() === me.value?.email) {
        setDone('That is already the email address of your account.');
        return;
      }
      try {
        me.value = await api('auth.updateMe', { body: { email } });
        setEmail(me.value.email);
        setDone(`Your email address is now ${me.value.email}. Use it to sign in from now on.`);
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setAsking(true);
      }
    });
  const submit = (e: Event) => {
    e.preventDefault();
    void save();
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Your email address</h2>
      <p>You sign in with this address, and a link to choose a new password is sent to it if you ever need one.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <Field
          label="Email address"
          name="email"
          type="email"
          inputMode="email"
          autocomplete="email"
          value={email}
          onInput={(value) => {
            setEmail(value);
            setAsking(false);
          }}
          error={form.fields.email}
        />
        {asking ? null : (
          <SubmitButton pending={form.pending} pendingLabel="Saving…">
            Change email address
          </SubmitButton>
        )}
      </form>
      {asking ? (
        <PasswordAgain
          intro="To change the email address of your account, please enter your password. This keeps anyone else holding this device from taking your account."
          submitLabel="Change email address"
          pendingLabel="Checking…"
          focus
          onOpened={() => {
            setAsking(false);
            void save();
          }}
        />
      ) : null}
      <p role="status" class="hint">
        {done}
      </p>
    </section>
  );
}
