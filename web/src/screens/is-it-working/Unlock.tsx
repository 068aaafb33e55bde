import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';

/** The password asked again, so that no one else holding this device can open the page. */
export function Unlock({ onOpened, lapsed }: { onOpened: () => void; lapsed: boolean }) {
  const [password, setPassword] = useState('');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('reflection.unlock', { body: { password } });
      setPassword('');
      onOpened();
    });
  };
  return (
    <div class="card">
      <h2>Your password, once more</h2>
      <p>
        {lapsed
          ? 'This page closed itself after a quiet spell, in case someone else picked up this device. '
          : 'This page is for you alone, so it asks for your password again, in case someone else has this device. '}
        It stays open while you use it, and closes after 15 minutes without a visit.
      </p>
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
        <SubmitButton pending={form.pending} pendingLabel="Opening…">
          Open this page
        </SubmitButton>
      </form>
    </div>
  );
}
