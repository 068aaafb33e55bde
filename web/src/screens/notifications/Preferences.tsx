import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, api, type NotificationPreferences, type NotificationPreferencesBody } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { Loading, lazyScreen } from '../../components/lazy';
import { me, signedOut } from '../../lib/session';

// Reminder preferences: when to be reminded, quiet hours, and which channels. Times are local, in
// the person's own zone. Whatever leaves the app says only "You have a new update in Attune".

const CalendarSettings = lazyScreen<{ level?: 2 | 3 }>(() => import('../calendar/index'));
const PushSettings = lazyScreen<{ level?: 2 | 3; onTurnedOn?: () => void }>(() => import('../push/index'));

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUDGES: [string, string][] = [
  ['off', 'No nudges'],
  ['0', 'When it is due'],
  ['15', '15 minutes before'],
  ['30', '30 minutes before'],
  ['60', '1 hour before'],
  ['120', '2 hours before'],
  ['180', '3 hours before'],
  ['1440', 'A day before'],
];

interface Draft {
  checkinOn: boolean;
  checkinTime: string;
  nudge: string;
  reflectionOn: boolean;
  reflectionDay: string;
  reflectionTime: string;
  quietOn: boolean;
  quietFrom: string;
  quietUntil: string;
  email: boolean;
  push: boolean;
}

function draftOf(p: NotificationPreferences): Draft {
  return {
    checkinOn: p.checkinTime !== null,
    checkinTime: p.checkinTime ?? '20:00',
    nudge: p.commitmentNudgeMinutes === null ? 'off' : String(p.commitmentNudgeMinutes),
    reflectionOn: p.reflection !== null,
    reflectionDay: String(p.reflection?.weekday ?? 7),
    reflectionTime: p.reflection?.time ?? '18:00',
    quietOn: p.quiet !== null,
    quietFrom: p.quiet?.from ?? '22:00',
    quietUntil: p.quiet?.until ?? '07:00',
    email: p.email,
    push: p.push,
  };
}

function bodyOf(d: Draft, emailAvailable: boolean): NotificationPreferencesBody {
  return {
    checkinTime: d.checkinOn ? d.checkinTime.slice(0, 5) : null,
    commitmentNudgeMinutes: d.nudge === 'off' ? null : Number(d.nudge),
    reflection: d.reflectionOn ? { weekday: Number(d.reflectionDay), time: d.reflectionTime.slice(0, 5) } : null,
    quiet: d.quietOn ? { from: d.quietFrom.slice(0, 5), until: d.quietUntil.slice(0, 5) } : null,
    // Email can only be turned on where the server sends email; turning it off is always fine.
    ...(emailAvailable || !d.email ? { email: d.email } : {}),
    push: d.push,
  };
}

function TimeInput(p: { id: string; label: string; value: string; onInput: (v: string) => void; error?: string | undefined }) {
  return (
    <div>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="time"
        value={p.value}
        required
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${p.id}-error` : undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.error ? (
        <p class="field-error" id={`${p.id}-error`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

function Check(p: {
  checked: boolean;
  onChange: (v: boolean) => void;
  children: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <label class="choice">
      <input
        type="checkbox"
        checked={p.checked}
        disabled={p.disabled}
        aria-describedby={p.describedBy}
        onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{p.children}</span>
    </label>
  );
}

export function Preferences() {
  const id = useId();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm();

  useEffect(() => {
    api('notifications.preferences.get').then(
      (p) => {
        setPrefs(p);
        setDraft(draftOf(p));
      },
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) signedOut();
        setLoadError(err instanceof ApiError ? err.message : 'Your reminder settings could not load. Please try again.');
      },
    );
  }, []);

  if (!prefs || !draft) return loadError ? <p role="alert">{loadError}</p> : <Loading />;

  const set = (part: Partial<Draft>) => {
    setSaved(null);
    setDraft({ ...draft, ...part });
  };
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(null);
    void form.run(async () => {
      const next = await api('notifications.preferences.put', { body: bodyOf(draft, prefs.emailAvailable) });
      setPrefs(next);
      setDraft(draftOf(next));
      setSaved('Saved. Your reminders follow these settings from now on.');
    });
  };
  const f = form.fields;
  /** Turning push on for a device also turns the push channel on (leaving the rest of the draft as it is). */
  const pushTurnedOn = () => {
    if (prefs.push) return;
    api('notifications.preferences.put', { body: { push: true } }).then(
      (next) => {
        setPrefs(next);
        setDraft((d) => (d ? { ...d, push: true } : d));
      },
      () => undefined,
    );
  };

  return (
    <>
      <section aria-labelledby={`${id}-reminders`}>
        <h2 id={`${id}-reminders`}>Reminders</h2>
        <p>
          Gentle nudges at times you choose, in your time zone ({prefs.timeZone}). You can change the zone in{' '}
          <a href="/settings">Settings</a>. Missing a reminder is fine: nothing counts against you.
        </p>
        <form onSubmit={submit} noValidate>
          <FormAlert message={form.message} />

          <fieldset class="reminder-group">
            <legend>Daily check-in</legend>
            <Check checked={draft.checkinOn} onChange={(v) => set({ checkinOn: v })}>
              Remind me to check in each day
            </Check>
            {draft.checkinOn ? (
              <TimeInput
                id={`${id}-checkin`}
                label="At"
                value={draft.checkinTime}
                onInput={(v) => set({ checkinTime: v })}
                error={f.checkinTime}
              />
            ) : null}
          </fieldset>

          <fieldset class="reminder-group">
            <legend>Commitments</legend>
            <label for={`${id}-nudge`}>Nudge me before something I committed to is due</label>
            <select
              id={`${id}-nudge`}
              value={draft.nudge}
              aria-invalid={f.commitmentNudgeMinutes ? 'true' : undefined}
              onChange={(e) => set({ nudge: (e.currentTarget as HTMLSelectElement).value })}
            >
              {NUDGES.some(([value]) => value === draft.nudge) ? null : (
                <option value={draft.nudge}>{draft.nudge} minutes before</option>
              )}
              {NUDGES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {f.commitmentNudgeMinutes ? <p class="field-error">{f.commitmentNudgeMinutes}</p> : null}
          </fieldset>

          <fieldset class="reminder-group">
            <legend>Weekly reflection</legend>
            <Check checked={draft.reflectionOn} onChange={(v) => set({ reflectionOn: v })}>
              Remind me once a week to look back together
            </Check>
            {draft.reflectionOn ? (
              <div class="time-pair">
                <div>
                  <label for={`${id}-day`}>On</label>
                  <select
                    id={`${id}-day`}
                    value={draft.reflectionDay}
                    onChange={(e) => set({ reflectionDay: (e.currentTarget as HTMLSelectElement).value })}
                  >
                    {WEEKDAYS.map((name, i) => (
                      <option key={name} value={String(i + 1)}>
                        {name}
                      </option>
                    ))}
                  </select>
                  {f.weekday ? <p class="field-error">{f.weekday}</p> : null}
                </div>
                <TimeInput
                  id={`${id}-reflection`}
                  label="At"
                  value={draft.reflectionTime}
                  onInput={(v) => set({ reflectionTime: v })}
                  error={f.time}
                />
              </div>
            ) : null}
          </fieldset>

          <fieldset class="reminder-group">
            <legend>Quiet hours</legend>
            <Check checked={draft.quietOn} onChange={(v) => set({ quietOn: v })}>
              Hold reminders during quiet hours
            </Check>
            {draft.quietOn ? (
              <>
                <div class="time-pair">
                  <TimeInput
                    id={`${id}-quiet-from`}
                    label="From"
                    value={draft.quietFrom}
                    onInput={(v) => set({ quietFrom: v })}
                    error={f.from}
                  />
                  <TimeInput
                    id={`${id}-quiet-until`}
                    label="Until"
                    value={draft.quietUntil}
                    onInput={(v) => set({ quietUntil: v })}
                    error={f.until}
                  />
                </div>
                <p class="hint">
                  Quiet hours can run past midnight, such as 22:00 to 07:00. A reminder that falls inside them waits until they
                  end, or is left out if it would no longer help.
                </p>
              </>
            ) : null}
          </fieldset>

          <fieldset class="reminder-group">
            <legend>How reminders reach you</legend>
            <p>In the app: always on. Everything arrives in your notifications here first.</p>
            <Check
              checked={draft.email && prefs.emailAvailable}
              disabled={!prefs.emailAvailable}
              describedBy={`${id}-email-hint`}
              onChange={(v) => set({ email: v })}
            >
              Email me too
            </Check>
            <p class="hint" id={`${id}-email-hint`}>
              {prefs.emailAvailable
                ? `To ${me.value?.email ?? 'your email address'}.`
                : 'This Attune server is not set up to send email, so email reminders are not available here.'}
            </p>
            <Check checked={draft.push} describedBy={`${id}-push-hint`} onChange={(v) => set({ push: v })}>
              Send push notifications to my devices
            </Check>
            <p class="hint" id={`${id}-push-hint`}>
              Only on devices where you turn notifications on, below.
            </p>
            <p class="note">
              Outside the app, every email and push message says only "You have a new update in Attune", with a link. Never what
              anyone wrote, never what a commitment is called, and never a name: someone glancing at a lock screen or a shared
              inbox learns nothing.
            </p>
          </fieldset>

          <SubmitButton pending={form.pending} pendingLabel="Saving…">
            Save reminders
          </SubmitButton>
          <p role="status" class="hint">
            {saved}
          </p>
        </form>
      </section>
      <div class="channels-part">
        <PushSettings level={2} onTurnedOn={pushTurnedOn} />
      </div>
      <div class="channels-part">
        <CalendarSettings level={2} />
      </div>
    </>
  );
}
