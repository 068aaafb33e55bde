import { useId, useState } from 'preact/hooks';
import { CAUSE_LIMITS } from '../../../../src/domain/causes';
import { api, type CausesView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { labelOf, MarkedList, problemOf } from './shared';

function Group({ title, ids, empty }: { title: string; ids: string[]; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      {ids.length === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <ul>
          {ids.map((id) => (
            <li key={id}>{labelOf(id)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Understanding({ view, name, onView }: { view: CausesView; name: string; onView: (v: CausesView) => void }) {
  const id = useId();
  const [text, setText] = useState(view.understanding.mine ?? '');
  const form = useForm();
  const [status, setStatus] = useState<string | null>(null);
  const save = (e: Event) => {
    e.preventDefault();
    setStatus(null);
    void form.run(async () => {
      const next = await api('causes.understanding.put', { body: { text } });
      onView(next);
      setText(next.understanding.mine ?? '');
      setStatus(next.understanding.mine ? `Saved. ${name} can read your part.` : 'Your part is cleared.');
    });
  };
  return (
    <>
      <h2>Your shared understanding</h2>
      <p>
        Each of you writes your own part: what you understand now about how you got here. Both parts are shown together. Only you
        can change yours, and only {name} can change theirs.
      </p>
      <div class="side-by-side">
        <form class="card" onSubmit={save} noValidate>
          <h3>Your part</h3>
          <FormAlert message={problemOf(form)} />
          <div class="field">
            <label for={id}>What you understand now</label>
            <textarea
              id={id}
              rows={5}
              maxLength={CAUSE_LIMITS.understandingLength}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <button type="submit" class="button primary" disabled={form.pending}>
            {form.pending ? 'Saving…' : 'Save my part'}
          </button>
          <p role="status" class="hint">
            {status}
          </p>
        </form>
        <section class="card" aria-labelledby={`${id}-theirs`}>
          <h3 id={`${id}-theirs`}>{name}’s part</h3>
          {view.understanding.theirs ? (
            <p class="part-text">{view.understanding.theirs}</p>
          ) : (
            <p class="hint">{name} has not written their part yet. There is no hurry.</p>
          )}
        </section>
      </div>
    </>
  );
}

/** Once both have shared: where you agree and differ, side by side, and the shared understanding. */
export function Together({ view, name, onView }: { view: CausesView; name: string; onView: (v: CausesView) => void }) {
  const c = view.comparison;
  if (!c || !view.partner.marks) return null;
  return (
    <>
      <p>
        You have both shared. Seeing things differently is normal: each of you saw this from where you stood. The point is to
        understand, not to agree on everything.
      </p>
      <section class="card agreement" aria-labelledby="why-agree">
        <h2 id="why-agree">Where you agree and differ</h2>
        <Group title="You both marked" ids={c.shared} empty="None of the listed causes were marked by both of you." />
        <Group title="Only you marked" ids={c.onlyMine} empty="Nothing that only you marked." />
        <Group title={`Only ${name} marked`} ids={c.onlyTheirs} empty={`Nothing that only ${name} marked.`} />
      </section>
      <h2>Side by side</h2>
      <div class="side-by-side">
        <section class="card" aria-labelledby="why-mine">
          <h3 id="why-mine">What you marked</h3>
          <MarkedList marks={view.mine.marks} label="What you marked" />
        </section>
        <section class="card" aria-labelledby="why-theirs">
          <h3 id="why-theirs">What {name} marked</h3>
          <MarkedList marks={view.partner.marks} label={`What ${name} marked`} />
        </section>
      </div>
      <Understanding view={view} name={name} onView={onView} />
    </>
  );
}
