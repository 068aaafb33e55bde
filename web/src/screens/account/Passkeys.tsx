import { useId, useState } from 'preact/hooks';
import { type Answer, ApiError, api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { isReauthRequired, PasswordAgain } from '../../components/PasswordAgain';
import { formatDateTime } from '../../lib/dates';
import { makePasskey, passkeysSupported } from '../../lib/passkeys';
import { useResource } from '../../lib/use-resource';

// Passkeys (decision 024): the recommended way to sign in, with the password as fallback. Adding
// and removing one asks for the password in place when it was last typed more than five minutes ago
// (the server answers reauth_required), then carries on with what was asked.

type Passkey = Answer<'passkeys.list'>['passkeys'][number];
type Options = Answer<'passkeys.registerOptions'>;

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

/** Options older than this are asked for again before the device makes the passkey (they last 5 minutes). */
const OPTIONS_FRESH_MS = 4 * 60_000;

function AddPasskey({ onAdded }: { onAdded: (p: Passkey) => void }) {
  const form = useForm();
  const [step, setStep] = useState<'idle' | 'password' | 'name'>('idle');
  const [options, setOptions] = useState<{ at: number; value: Options } | null>(null);
  const [name, setName] = useState('');

  const begin = () =>
    void form.run(async () => {
      try {
        setOptions({ at: Date.now(), value: await api('passkeys.registerOptions') });
        setStep('name');
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setStep('password');
      }
    });

  const create = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) {
      form.fail({ name: 'Please give this passkey a name, for example "My phone".' });
      return;
    }
    void form.run(async () => {
      try {
        const current =
          options && Date.now() - options.at < OPTIONS_FRESH_MS ? options.value : await api('passkeys.registerOptions');
        setOptions(null);
        const response = await makePasskey(current);
        const added = await api('passkeys.register', { body: { name, response } });
        setName('');
        setStep('idle');
        onAdded(added);
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setStep('password');
      }
    });
  };

  if (step === 'password') {
    return (
      <PasswordAgain
        intro="A passkey can open your account, so we ask for your password before adding one."
        submitLabel="Continue"
        pendingLabel="Checking…"
        focus
        onOpened={begin}
      />
    );
  }
  if (step === 'name') {
    return (
      <form class="card" onSubmit={create} noValidate>
        <h3>Name your passkey</h3>
        <p>A name helps you tell your passkeys apart later. Only you see it.</p>
        <FormAlert message={form.message} />
        <Field
          label="Name"
          name="name"
          autocomplete="off"
          value={name}
          onInput={setName}
          error={form.fields.name}
          hint='For example "My phone" or "Work laptop".'
        />
        <div class="button-row">
          <SubmitButton pending={form.pending} pendingLabel="Waiting for your device…">
            Create the passkey
          </SubmitButton>
          <button type="button" class="button" disabled={form.pending} onClick={() => setStep('idle')}>
            Not now
          </button>
        </div>
      </form>
    );
  }
  return (
    <div>
      <FormAlert message={form.message} />
      <p>
        <button type="button" class="button primary" disabled={form.pending} onClick={begin}>
          Add a passkey
        </button>
      </p>
    </div>
  );
}

function PasskeyRow({ passkey, onChanged }: { passkey: Passkey; onChanged: () => Promise<void> }) {
  const id = useId();
  const form = useForm();
  const [mode, setMode] = useState<'show' | 'rename' | 'remove' | 'password'>('show');
  const [name, setName] = useState(passkey.name);

  const rename = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('passkeys.rename', { params: { id: passkey.id }, body: { name } });
      setMode('show');
      await onChanged();
    });
  };
  const remove = () =>
    void form.run(async () => {
      try {
        await api('passkeys.remove', { params: { id: passkey.id } });
        await onChanged();
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setMode('password');
      }
    });

  return (
    <li class="row passkey">
      <div>
        <p id={`${id}-name`} class="passkey-name">
          {passkey.name}
        </p>
        <p class="hint">
          Added {formatDateTime(passkey.createdAt)}.{' '}
          {passkey.lastUsedAt ? `Last used ${formatDateTime(passkey.lastUsedAt)}.` : 'Not used yet.'}
        </p>
        <FormAlert message={form.message} />
        {mode === 'rename' ? (
          <form onSubmit={rename} noValidate>
            <Field label="New name" name="name" autocomplete="off" value={name} onInput={setName} error={form.fields.name} />
            <div class="button-row">
              <SubmitButton pending={form.pending} pendingLabel="Saving…">
                Save the name
              </SubmitButton>
              <button type="button" class="button" onClick={() => setMode('show')}>
                Cancel
              </button>
            </div>
          </form>
        ) : null}
        {mode === 'remove' ? (
          <div class="confirm-delete">
            <p>You will no longer be able to sign in with this passkey. Your password and your other passkeys keep working.</p>
            <div class="button-row">
              <button type="button" class="button danger" disabled={form.pending} onClick={remove}>
                Yes, remove it<span class="visually-hidden"> ({passkey.name})</span>
              </button>
              <button type="button" class="button" onClick={() => setMode('show')}>
                Keep it
              </button>
            </div>
          </div>
        ) : null}
        {mode === 'password' ? (
          <PasswordAgain
            intro="To remove a passkey, please enter your password once more."
            submitLabel="Remove the passkey"
            pendingLabel="Checking…"
            focus
            onOpened={() => {
              setMode('show');
              remove();
            }}
          />
        ) : null}
      </div>
      {mode === 'show' ? (
        <div class="button-row">
          <button type="button" class="button" aria-describedby={`${id}-name`} onClick={() => setMode('rename')}>
            Rename
          </button>
          <button type="button" class="button" aria-describedby={`${id}-name`} onClick={() => setMode('remove')}>
            Remove
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Settings: my passkeys, with a warm word for why they are worth having. */
export function PasskeysSetting() {
  const resource = useResource(() => api('passkeys.list'));
  const passkeys = resource.data?.passkeys ?? null;
  const [added, setAdded] = useState<string | null>(null);
  const supported = passkeysSupported();
  return (
    <section aria-labelledby="passkeys">
      <h2 id="passkeys">Passkeys</h2>
      <p>
        A passkey lets you sign in with your fingerprint, your face or your screen lock instead of typing your password. Nobody
        can guess it or trick you into giving it away, and it only works for Attune. We recommend one on each phone or computer
        you use. Your password keeps working too.
      </p>
      <FormAlert message={resource.failed ? errorText(resource.error) : null} />
      {passkeys && passkeys.length > 0 ? (
        <ul class="plain-list">
          {passkeys.map((p) => (
            <PasskeyRow key={p.id} passkey={p} onChanged={() => resource.reload()} />
          ))}
        </ul>
      ) : passkeys ? (
        <p class="hint">You have no passkeys yet.</p>
      ) : null}
      {supported ? (
        <AddPasskey
          onAdded={(p) => {
            setAdded(`Your passkey "${p.name}" is ready. Next time, choose "Sign in with a passkey".`);
            void resource.reload();
          }}
        />
      ) : (
        <p class="hint">This browser cannot make passkeys. You can add one from another phone or computer.</p>
      )}
      <p role="status" class="hint">
        {added}
      </p>
    </section>
  );
}
