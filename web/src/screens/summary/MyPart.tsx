import { useState } from 'preact/hooks';
import { api, type MySummary } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { NOTE_KIND_NAMES } from './Document';
import { longDay } from './format';

// "My part" of the summary: which of my own shared words to include (only words my partner can
// already see), and a note for the session. Nothing of mine is on the summary unless I put it there.

const NOTE_MAX = 2000;
const FIRST_SHOWN = 12;

export function MyPart({
  mine,
  partnerName,
  onSaved,
}: {
  mine: MySummary;
  partnerName: string;
  onSaved: (m: MySummary) => void;
}) {
  const [chosen, setChosen] = useState<readonly string[]>(mine.notes);
  const [note, setNote] = useState(mine.note ?? '');
  const [showAll, setShowAll] = useState(false);
  const [status, setStatus] = useState('');
  const form = useForm();
  const candidates = showAll ? mine.candidates : mine.candidates.slice(0, FIRST_SHOWN);
  // Anything already included stays in view, however far down the list it is.
  const hidden = showAll ? [] : mine.candidates.slice(FIRST_SHOWN).filter((c) => chosen.includes(c.id));

  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const submit = (e: Event) => {
    e.preventDefault();
    setStatus('');
    void form.run(async () => {
      const saved = await api('summary.mine.put', { body: { notes: [...chosen], note: note.trim() === '' ? null : note } });
      setStatus('Saved. The summary below shows your part as it is now.');
      onSaved(saved);
    });
  };

  return (
    <section class="card my-part" aria-labelledby="my-part-heading">
      <h2 id="my-part-heading">Your part</h2>
      <p>
        Only you choose what of yours goes in. {partnerName} chooses their own part. Both of you see the whole summary, and so
        does a therapist you have both let see it.
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <fieldset class="note-choices">
          <legend>Words of yours to include</legend>
          {mine.candidates.length === 0 ? (
            <p class="hint">
              Nothing yet. Words you have shared with {partnerName}, such as a check-in line or a takeaway from a conversation,
              appear here for you to choose from.
            </p>
          ) : (
            <p class="hint">Only words {partnerName} can already see. Newest first.</p>
          )}
          {[...candidates, ...hidden].map((c) => {
            const id = `note-${c.id.replace(/[^a-z0-9-]/gi, '-')}`;
            return (
              <div class="note-choice" key={c.id}>
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen.includes(c.id)}
                  aria-describedby={`${id}-about`}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                />
                <label for={id}>{c.text}</label>
                <p class="hint" id={`${id}-about`}>
                  {NOTE_KIND_NAMES[c.kind]}, {longDay(c.date)}
                  {c.about ? `: ${c.about}` : ''}
                </p>
              </div>
            );
          })}
          {!showAll && mine.candidates.length > FIRST_SHOWN ? (
            <button type="button" class="link-button more" onClick={() => setShowAll(true)}>
              Show all {mine.candidates.length}
            </button>
          ) : null}
        </fieldset>
        <div class="field">
          <label for="session-note">A note for the session (optional)</label>
          <p class="hint" id="session-note-hint">
            Something you would like to talk about, or would like the therapist to know. {partnerName} sees it on the summary too.
          </p>
          <textarea
            id="session-note"
            rows={5}
            maxLength={NOTE_MAX}
            aria-describedby="session-note-hint session-note-count"
            aria-invalid={form.fields.note ? 'true' : undefined}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <p class="hint" id="session-note-count">
            {note.length} of {NOTE_MAX.toLocaleString('en-GB')} characters
          </p>
          {form.fields.note ? <p class="field-error">{form.fields.note}</p> : null}
        </div>
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save my part
        </SubmitButton>
        <p role="status" class="hint">
          {status}
        </p>
      </form>
    </section>
  );
}
