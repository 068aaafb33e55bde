import { useId, useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../../src/domain/password-rules';
import { api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { me } from '../../lib/session';

// Changing the password while signed in (decision 024). The current password is asked in the same
// form: it is what proves it is you. Every other device is signed out at once, and the words say so.

export function ChangePassword() {
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    setDone(null);
    void form.run(async () => {
      await api('auth.password', { body: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setDone(
        me.value?.role === 'therapist'
          ? 'Your password is changed. Every other device you were signed in on has been signed out; this one stays signed in.'
          : 'Your password is changed. Every other device you were signed in on has been signed out; this one stays signed in. Push reminders are off on every device now: you can turn them on again in your reminders.',
      );
    });
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Change your password</h2>
      <p>
        If you think someone else knows your password, or has used one of your devices, choose a new one here. Every other device
        is signed out at once.
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          value={current}
          onInput={setCurrent}
          error={form.fields.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autocomplete="new-password"
          value={next}
          onInput={setNext}
          error={form.fields.newPassword}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few ordinary words strung together work well.`}
        />
        <SubmitButton pending={form.pending} pendingLabel="Changing your password…">
          Change password
        </SubmitButton>
        <p role="status" class="hint">
          {done}
        </p>
      </form>
    </section>
  );
}
