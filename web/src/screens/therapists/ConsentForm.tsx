import { useState } from 'preact/hooks';
import { DEFAULT_THERAPIST_VIEWS } from '../../../../src/domain/therapist-access';
import type { TherapistAccess } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { isReauthRequired, PasswordAgain } from '../../components/PasswordAgain';
import { THERAPIST_VIEWS, type TherapistView, VIEW_LINES, VIEW_NAMES } from './words';

// A partner's consent: the kinds of shared things the therapist may see. The first time, what the
// couple agreed and did (and the figures and summary built from it) is ticked, and the words they
// wrote to each other are not. Afterwards, a partner can change it at any time: what they take away
// leaves the therapist's view at once; what they add shows only once the other partner included it too.

interface Props {
  access: TherapistAccess;
  partnerName: string;
  save: (include: TherapistView[]) => Promise<void>;
  onSaved: () => Promise<void>;
}

export function ConsentForm({ access, partnerName, save, onSaved }: Props) {
  const first = access.myInclude === null;
  const [chosen, setChosen] = useState<readonly TherapistView[]>(() => access.myInclude ?? DEFAULT_THERAPIST_VIEWS);
  const [status, setStatus] = useState('');
  // Granting asks for the password typed in the last five minutes (decision 024): asked here, in place.
  const [asking, setAsking] = useState(false);
  const form = useForm();
  const headingId = `consent-${access.id}`;

  const toggle = (view: TherapistView, on: boolean) =>
    setChosen((list) => (on ? THERAPIST_VIEWS.filter((v) => v === view || list.includes(v)) : list.filter((v) => v !== view)));

  const send = () =>
    form.run(async () => {
      try {
        await save([...chosen]);
      } catch (err) {
        if (!isReauthRequired(err)) throw err;
        setAsking(true);
        return;
      }
      setStatus(first ? 'Saved. Thank you.' : 'Saved. What you took away has left the therapist’s view.');
      await onSaved();
    });
  const submit = (e: Event) => {
    e.preventDefault();
    setStatus('');
    void send();
  };

  const body = (
    <form class="consent" onSubmit={submit} noValidate aria-labelledby={headingId}>
      {first ? <h4 id={headingId}>What may the therapist see?</h4> : null}
      <p class="hint">
        {first
          ? `The therapist sees a kind of thing only if you and ${partnerName} both tick it. Nothing is shown until you have both chosen.`
          : `Untick something and it leaves the therapist’s view at once. Something you add shows only if ${partnerName} included it too.`}
      </p>
      <FormAlert message={form.message} />
      <fieldset class="consent-choices">
        <legend class="visually-hidden">Kinds of shared things</legend>
        {THERAPIST_VIEWS.map((view) => {
          const id = `consent-${access.id}-${view}`;
          return (
            <div class="consent-choice" key={view}>
              <input
                type="checkbox"
                id={id}
                checked={chosen.includes(view)}
                aria-describedby={`${id}-line`}
                onChange={(e) => toggle(view, e.currentTarget.checked)}
              />
              <label for={id}>{VIEW_NAMES[view]}</label>
              <p class="hint" id={`${id}-line`}>
                {VIEW_LINES[view]}
              </p>
            </div>
          );
        })}
      </fieldset>
      {asking ? null : (
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          {first ? 'Agree, with these' : 'Save what I include'}
        </SubmitButton>
      )}
    </form>
  );
  const password = asking ? (
    <PasswordAgain
      intro={
        first
          ? 'Agreeing needs your password first, so that only you can let a therapist see what the two of you share.'
          : 'Letting the therapist see more needs your password first, so that only you can agree to it.'
      }
      submitLabel={first ? 'Agree, with these' : 'Save what I include'}
      pendingLabel="Checking…"
      focus
      onOpened={() => {
        setAsking(false);
        void send();
      }}
    />
  ) : null;
  // Once chosen, changing it is folded away: the card leads with where things stand.
  return (
    <>
      {first ? (
        <>
          {body}
          {password}
        </>
      ) : (
        <details class="consent-fold" open={form.message !== null || asking}>
          <summary id={headingId}>Change what you include</summary>
          {body}
          {password}
        </details>
      )}
      <p role="status" class="hint">
        {status}
      </p>
    </>
  );
}
