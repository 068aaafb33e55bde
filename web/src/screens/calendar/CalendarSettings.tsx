import { useId, useState } from 'preact/hooks';
import { ApiError, api, type CalendarCreated } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useResource } from '../../lib/use-resource';
import './calendar.css';

// The private calendar feed, as a part of the settings: make an address for a calendar app, copy it
// (it is shown only once), choose neutral titles or the commitments' own words, make a new address
// (the old one stops working) or turn it off. The words here say plainly who could see what.

const NEUTRAL_TITLE = 'Attune: one thing for us';

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : 'Something went wrong. Please try again.');

function NewAddress({ created, onDone }: { created: CalendarCreated; onDone: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied('The address is copied.');
    } catch {
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
      setCopied('Copying did not work here. The address is selected, so you can copy it yourself.');
    }
  };
  return (
    <div class="card">
      <label for={`${id}-url`}>Your calendar address</label>
      <div class="copy-row">
        <input id={`${id}-url`} type="text" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy}>
          Copy address
        </button>
      </div>
      <p role="status" class="hint">
        {copied}
      </p>
      <p>
        In your calendar app, choose to add or subscribe to a calendar "from the web" or "by URL", and paste this address. It is
        shown only this once. Anyone who has it can read this calendar, so keep it to yourself; if it gets out, make a new one.
      </p>
      <p>
        <button type="button" class="button" onClick={onDone}>
          Done
        </button>
      </p>
    </div>
  );
}

/** Settings for the private calendar feed; `level` is the heading level where it is placed. */
export function CalendarSettings({ level = 2 }: { level?: 2 | 3 }) {
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const resource = useResource(() => api('calendar.get'));
  const view = resource.data;
  const [created, setCreated] = useState<CalendarCreated | null>(null);
  const [confirming, setConfirming] = useState<'replace' | 'revoke' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const { pending } = form;
  const message = form.message ?? (resource.failed ? messageOf(resource.error) : null);

  const act = (work: () => Promise<void>) => {
    setStatus(null);
    return form.run(work);
  };

  const make = () =>
    act(async () => {
      const made = await api('calendar.create');
      setCreated(made);
      setConfirming(null);
      resource.set(await api('calendar.get'));
    });
  const revoke = () =>
    act(async () => {
      await api('calendar.revoke');
      setCreated(null);
      setConfirming(null);
      resource.set(await api('calendar.get'));
      setStatus('Your calendar address is turned off. Calendar apps that used it will stop getting updates.');
    });
  const setTitles = (showTitles: boolean) => {
    // The box shows the choice at once; if saving fails, it goes back and says why.
    const before = view;
    if (before) resource.set({ ...before, showTitles });
    return act(async () => {
      try {
        resource.set(await api('calendar.update', { body: { showTitles } }));
      } catch (err) {
        if (before) resource.set(before);
        throw err;
      }
      setStatus(showTitles ? 'Your calendar will show your own words.' : `Your calendar will show "${NEUTRAL_TITLE}".`);
    });
  };

  return (
    <section class="calendar-settings" aria-labelledby={headingId}>
      <Heading id={headingId}>Calendar</Heading>
      <p>
        Your calendar app can show the commitments you are keeping, each time one is due, from a week ago to two months ahead.
        Only yours: never your partner's.
      </p>
      <FormAlert message={message} />
      <p role="status" class="hint">
        {status}
      </p>
      {!view ? (
        message ? null : (
          <Loading />
        )
      ) : (
        <>
          {created ? <NewAddress created={created} onDone={() => setCreated(null)} /> : null}
          {view.active ? (
            <>
              <p>
                Your calendar address is on. It was made on {view.createdAt ? formatDate(view.createdAt) : 'an earlier day'}.{' '}
                {view.lastFetchedAt
                  ? `A calendar app last read it on ${formatDateTime(view.lastFetchedAt)}.`
                  : 'No calendar app has read it yet.'}
              </p>
              <div class="field">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={view.showTitles}
                    disabled={pending}
                    aria-describedby={`${headingId}-titles-hint`}
                    onChange={(e) => setTitles((e.currentTarget as HTMLInputElement).checked)}
                  />
                  Show the words of my commitments
                </label>
                <p class="hint" id={`${headingId}-titles-hint`}>
                  Otherwise each one is called "{NEUTRAL_TITLE}". Anyone who can see your calendar, on a shared screen or a work
                  account, would see the words.
                </p>
              </div>
              {confirming ? (
                <div class="card confirm">
                  <p>
                    {confirming === 'replace'
                      ? 'Make a new address? The one you have now stops working at once, so you will need to add the new one to your calendar app.'
                      : 'Turn off your calendar address? It stops working at once, and your calendar app will stop getting updates.'}
                  </p>
                  <div class="button-row">
                    <button
                      type="button"
                      class={confirming === 'revoke' ? 'button danger' : 'button primary'}
                      disabled={pending}
                      onClick={confirming === 'replace' ? make : revoke}
                    >
                      {confirming === 'replace' ? 'Yes, make a new address' : 'Yes, turn it off'}
                    </button>
                    <button type="button" class="button" disabled={pending} onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <div class="button-row">
                  <button type="button" class="button" disabled={pending} onClick={() => setConfirming('replace')}>
                    Make a new address
                  </button>
                  <button type="button" class="button" disabled={pending} onClick={() => setConfirming('revoke')}>
                    Turn off the calendar address
                  </button>
                </div>
              )}
            </>
          ) : (
            <p>
              <button type="button" class="button primary" disabled={pending} onClick={make}>
                {pending ? 'Making an address…' : 'Make a calendar address'}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
