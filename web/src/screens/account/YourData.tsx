import { useId, useState } from 'preact/hooks';
import { exportFileName } from '../../../../src/domain/account-data';
import { api } from '../../api/client';
import { Field, FormAlert, useForm } from '../../components/form';
import { isReauthRequired, PasswordAgain } from '../../components/PasswordAgain';
import { navigate } from '../../lib/router';
import { me, signedOut } from '../../lib/session';
import { useResource } from '../../lib/use-resource';

// Your data (decision 025): download everything you wrote or chose, or delete your account. Both ask
// for the password in place when the last time it was typed is more than five minutes ago (the server
// answers reauth_required), then carry on with what was asked.

/** What the person types to confirm that the account should go. */
export const DELETE_PHRASE = 'delete my account';

/** Saves the export as a file, named for its date, through the browser's own download. */
function saveAsFile(document_: { exportedAt: string }): void {
  const blob = new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(new Date(document_.exportedAt));
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Download() {
  const form = useForm();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const download = () =>
    form.run(async () => {
      setDone(null);
      try {
        saveAsFile(await api('account.export'));
        setDone('Your data is downloaded. Keep the file somewhere only you can open: it holds everything you wrote.');
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setAsking(true);
      }
    });
  return (
    <div>
      <h3>Download my data</h3>
      <p>
        One file with everything you have written or chosen in Attune, private and shared. It holds none of your partner’s words:
        where something of yours answers them, it only says which of their things it was, and when.
      </p>
      <FormAlert message={form.message} />
      {asking ? (
        <>
          <PasswordAgain
            intro="This file holds everything you have written, so we ask for your password before making it."
            submitLabel="Download my data"
            pendingLabel="Checking…"
            focus
            onOpened={() => {
              setAsking(false);
              void download();
            }}
          />
          <p>
            <button type="button" class="link-button" onClick={() => setAsking(false)}>
              Not now
            </button>
          </p>
        </>
      ) : (
        <p>
          <button type="button" class="button" disabled={form.pending} onClick={() => void download()}>
            {form.pending ? 'Preparing your file…' : 'Download my data'}
          </button>
        </p>
      )}
      <p role="status" class="hint">
        {done}
      </p>
    </div>
  );
}

function DeleteAccount() {
  const id = useId();
  const form = useForm();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
  const therapist = me.value?.role === 'therapist';
  // Whom the explanation names: the partner shown in Settings already (a therapist has no space).
  const space = useResource(async () => (therapist ? null : api('spaces.get')), { liveKinds: ['space.changed'] });
  const partner = space.data?.partner?.name ?? null;
  const confirmed = typed.trim().toLowerCase() === DELETE_PHRASE;

  const erase = () =>
    form.run(async () => {
      try {
        await api('account.erase');
      } catch (err) {
        if (isReauthRequired(err)) {
          setAsking(true);
          return;
        }
        throw err;
      }
      signedOut();
      navigate('/account-deleted', { replace: true });
    });
  const submit = (e: Event) => {
    e.preventDefault();
    if (!confirmed) {
      form.fail({ confirm: `To delete your account, please type “${DELETE_PHRASE}”.` });
      return;
    }
    void erase();
  };

  if (!open) {
    return (
      <div>
        <h3>Delete my account</h3>
        <p>Your account and everything you wrote in Attune can be deleted for good, whenever you choose.</p>
        <p>
          <button type="button" class="button" onClick={() => setOpen(true)}>
            Delete my account…
          </button>
        </p>
      </div>
    );
  }
  return (
    <div class="card confirm">
      <h3 id={`${id}-title`}>Delete my account?</h3>
      <ul>
        <li>Everything you wrote or chose in Attune is deleted at once, private and shared, and your account with it.</li>
        {therapist ? (
          <li>The couples who invited you keep their record of what you opened; your name leaves it.</li>
        ) : partner ? (
          <>
            <li>
              You leave the space you share with {partner} first. {partner} sees only that the shared space closed: not why, and
              not by whom.
            </li>
            <li>
              {partner} keeps everything they wrote themselves, including the commitments they made for you. What you wrote leaves
              their view.
            </li>
          </>
        ) : null}
        <li>This cannot be undone. If you want a copy, download your data first.</li>
        <li>
          Copies kept for emergencies by whoever runs this Attune may hold your data until they expire. If one is ever used, your
          account is deleted again straight away.
        </li>
        <li>You can make a new account with the same email address later, if you want to.</li>
      </ul>
      {asking ? (
        <>
          <PasswordAgain
            intro="For your safety, please enter your password once more to delete your account."
            submitLabel="Delete my account"
            pendingLabel="Deleting…"
            focus
            onOpened={() => {
              setAsking(false);
              void erase();
            }}
          />
          <p>
            <button
              type="button"
              class="button"
              onClick={() => {
                setAsking(false);
                setOpen(false);
                setTyped('');
              }}
            >
              Keep my account
            </button>
          </p>
        </>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          <FormAlert message={form.message} />
          <Field
            label={`To confirm, type “${DELETE_PHRASE}”`}
            name="confirm"
            autocomplete="off"
            value={typed}
            onInput={setTyped}
            error={form.fields.confirm}
          />
          <div class="button-row">
            <button type="submit" class="button danger" disabled={form.pending}>
              {form.pending ? 'Deleting…' : 'Delete my account'}
            </button>
            <button
              type="button"
              class="button"
              disabled={form.pending}
              onClick={() => {
                setOpen(false);
                setTyped('');
              }}
            >
              Keep my account
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Settings › Your data: download everything, or delete the account. */
export function YourData() {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Your data</h2>
      <Download />
      <DeleteAccount />
    </section>
  );
}
