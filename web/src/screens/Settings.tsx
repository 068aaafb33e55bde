import { useMemo, useState } from 'preact/hooks';
import { ApiError, api, type SessionView } from '../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../components/form';
import { PageTitle } from '../components/PageTitle';
import { isReauthRequired, PasswordAgain } from '../components/PasswordAgain';
import { formatDateTime } from '../lib/dates';
import { flushOutbox } from '../lib/outbox';
import { navigate } from '../lib/router';
import { me, signedOut } from '../lib/session';
import { useResource } from '../lib/use-resource';
import { CalendarApart } from './account/CalendarApart';
import { ChangeEmail } from './account/ChangeEmail';
import { ChangePassword } from './account/ChangePassword';
import { PasskeysSetting } from './account/Passkeys';
import { QuickExitSetting } from './account/QuickExitSetting';
import { YourData } from './account/YourData';

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

function AboutYou() {
  const [name, setName] = useState(me.value?.name ?? '');
  const [timeZone, setTimeZone] = useState(me.value?.timeZone ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const zones = useMemo(timeZones, []);
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(null);
    void form.run(async () => {
      me.value = await api('auth.updateMe', { body: { name, timeZone } });
      setSaved('Saved.');
    });
  };
  return (
    <section aria-labelledby="about-you">
      <h2 id="about-you">About you</h2>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <Field
          label="Your name"
          name="name"
          autocomplete="nickname"
          value={name}
          onInput={setName}
          error={form.fields.name}
          hint={
            me.value?.role === 'therapist'
              ? 'The couples who invite you see this name.'
              : 'If you share a space, your partner sees this name.'
          }
        />
        <Field
          label="Time zone"
          name="timeZone"
          autocomplete="off"
          value={timeZone}
          onInput={setTimeZone}
          error={form.fields.timeZone}
          list="time-zones"
          hint="Used for reminders and dates, for example Europe/London."
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <p role="status" class="hint">
          {saved}
        </p>
      </form>
    </section>
  );
}

function Sessions() {
  const resource = useResource(() => api('auth.sessions.list'));
  const sessions = resource.data?.sessions ?? null;
  const form = useForm();
  const { pending } = form;
  const message = form.message ?? (resource.failed ? errorText(resource.error) : null);

  const end = (s: SessionView) =>
    form.run(async () => {
      // Writes still waiting on this device are sent first; what cannot be sent stays sealed (lib/outbox.ts).
      if (s.current) await flushOutbox();
      await api('auth.sessions.delete', { params: { id: s.id } });
      if (s.current) {
        signedOut();
        navigate('/sign-in', { replace: true });
      } else await resource.reload();
    });
  const everywhere = () =>
    form.run(async () => {
      await flushOutbox();
      await api('auth.sessions.signOutEverywhere');
      signedOut();
      navigate('/sign-in', { replace: true });
    });
  const signOut = () =>
    form.run(async () => {
      // Writes still waiting on this device go first; what cannot be sent stays sealed for the next
      // sign-in here, and the person is told (lib/outbox.ts).
      await flushOutbox();
      await api('auth.logout');
      signedOut();
      navigate('/sign-in', { replace: true });
    });

  return (
    <section aria-labelledby="devices">
      <h2 id="devices">Where you are signed in</h2>
      <FormAlert message={message} />
      {sessions ? (
        <ul class="plain-list">
          {sessions.map((s) => (
            <li key={s.id} class="row">
              <div>
                <p>
                  {s.device || 'Unknown device'}
                  {s.current ? <strong class="tag">This device</strong> : null}
                </p>
                <p class="hint">
                  Signed in {formatDateTime(s.createdAt)}. Last used {formatDateTime(s.lastUsedAt)}.
                </p>
              </div>
              <button type="button" class="button" disabled={pending} onClick={() => end(s)}>
                {s.current ? 'Sign out here' : 'Sign out'}
                <span class="visually-hidden">
                  {' '}
                  {s.device}, signed in {formatDateTime(s.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="button-row">
        <button type="button" class="button" disabled={pending} onClick={signOut}>
          Sign out
        </button>
        <button type="button" class="button" disabled={pending} onClick={everywhere}>
          Sign out everywhere
        </button>
      </div>
      <p class="hint">Signing out everywhere includes this device.</p>
    </section>
  );
}

function SharedSpace() {
  const resource = useResource(() => api('spaces.get'));
  const space = resource.data;
  const [confirming, setConfirming] = useState(false);
  const [left, setLeft] = useState(false);
  // Leaving closes the space for both, so it asks for the password first (decision 024).
  const [asking, setAsking] = useState(false);
  const form = useForm();
  const { pending } = form;
  const message = form.message ?? (resource.failed ? errorText(resource.error) : null);

  const leave = () =>
    form.run(async () => {
      try {
        resource.set(await api('spaces.leave'));
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setAsking(true);
        return;
      }
      setConfirming(false);
      setLeft(true);
    });

  return (
    <section aria-labelledby="shared-space">
      <h2 id="shared-space">Shared space</h2>
      <FormAlert message={message} />
      <div role="status">
        {left ? <p>You have left the shared space. Everything you wrote is still here and still yours.</p> : null}
      </div>
      {space?.partner ? (
        <>
          <p>You share this space with {space.partner.name}.</p>
          {confirming ? (
            <div class="card confirm">
              <h3>Leave the shared space?</h3>
              <ul>
                <li>You keep everything you wrote.</li>
                <li>What {space.partner.name} wrote leaves your view.</li>
                <li>{space.partner.name} will see only that the shared space was closed: not why, and not by whom.</li>
                <li>You can invite someone again later, if you want to.</li>
              </ul>
              {asking ? (
                <PasswordAgain
                  intro="Leaving closes the shared space for both of you, so we ask for your password first."
                  submitLabel="Leave the shared space"
                  pendingLabel="Checking…"
                  focus
                  onOpened={() => {
                    setAsking(false);
                    void leave();
                  }}
                />
              ) : null}
              <div class="button-row">
                {asking ? null : (
                  <button type="button" class="button danger" onClick={leave} disabled={pending}>
                    {pending ? 'Leaving…' : 'Yes, leave the shared space'}
                  </button>
                )}
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setConfirming(false);
                    setAsking(false);
                  }}
                  disabled={pending}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <p>
              <button type="button" class="button" onClick={() => setConfirming(true)}>
                Leave the shared space
              </button>
            </p>
          )}
        </>
      ) : space ? (
        <p>
          You do not share a space with anyone right now. <a href="/invite">Invite someone</a> if and when you want to.
        </p>
      ) : null}
    </section>
  );
}

/** What only a partner has: the shared space, reminders and the private safety check. */
function PartnerSettings() {
  return (
    <>
      <SharedSpace />
      <section aria-labelledby="reminders">
        <h2 id="reminders">Reminders</h2>
        <p>
          Choose when Attune nudges you, quiet hours, and whether reminders also come by email, push or your calendar. Nothing
          that leaves the app says anything private.
        </p>
        <p>
          <a class="button" href="/notifications/settings">
            Choose your reminders
          </a>
        </p>
      </section>
      <section aria-labelledby="safety">
        <h2 id="safety">Private safety check</h2>
        <p>
          A few questions about feeling safe with your partner. Only you can see your answers, and you can change them at any
          time.
        </p>
        <p>
          <a class="button" href="/safety">
            Open your safety check
          </a>
        </p>
      </section>
    </>
  );
}

export default function Settings() {
  return (
    <section>
      <PageTitle title="Settings">Settings</PageTitle>
      <AboutYou />
      <Sessions />
      {me.value?.role === 'therapist' ? null : <CalendarApart />}
      <PasskeysSetting />
      <QuickExitSetting />
      {me.value?.role === 'therapist' ? null : <PartnerSettings />}
      <ChangeEmail />
      <ChangePassword />
      <YourData />
    </section>
  );
}
