import { useId, useState } from 'preact/hooks';
import { CAUSE_LIMITS, CAUSES, type CauseId } from '../../../../src/domain/causes';
import { api, type CausesView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { isEmpty, type MarkSet, problemOf } from './shared';

interface OwnWords {
  key: number;
  text: string;
  note: string;
}

function NoteField({ label, value, onInput }: { label: string; value: string; onInput: (v: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={CAUSE_LIMITS.noteLength}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

function OwnWordsField({
  item,
  n,
  onChange,
  onRemove,
}: {
  item: OwnWords;
  n: number;
  onChange: (o: OwnWords) => void;
  onRemove: () => void;
}) {
  const id = useId();
  return (
    <div class="own-words">
      <div class="field">
        <label for={id}>In your own words ({n})</label>
        <textarea
          id={id}
          rows={2}
          maxLength={CAUSE_LIMITS.ownWordsLength}
          value={item.text}
          onInput={(e) => onChange({ ...item, text: (e.currentTarget as HTMLTextAreaElement).value })}
        />
      </div>
      <NoteField label={`A note about this (${n}, optional)`} value={item.note} onInput={(note) => onChange({ ...item, note })} />
      <button type="button" class="link-button" onClick={onRemove}>
        Remove this one ({n})
      </button>
    </div>
  );
}

/** Marking privately, then choosing to share. */
export function MarkForm({
  view,
  partnerName,
  onView,
}: {
  view: CausesView;
  partnerName: string | null;
  onView: (v: CausesView) => void;
}) {
  const initial = view.mine.marks;
  const [chosen, setChosen] = useState<Map<CauseId, string>>(
    () => new Map(initial.causes.map((m) => [m.id as CauseId, m.note ?? ''])),
  );
  const [own, setOwn] = useState<OwnWords[]>(() =>
    initial.ownWords.map((w, i) => ({ key: i, text: w.text, note: w.note ?? '' })),
  );
  const [nextKey, setNextKey] = useState(initial.ownWords.length);
  const form = useForm();
  const pending = form.pending;
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'share' | 'clear' | null>(null);

  const body = (): MarkSet => ({
    causes: CAUSES.filter((c) => chosen.has(c.id)).map((c) => ({ id: c.id, note: chosen.get(c.id) || null })),
    ownWords: own.filter((o) => o.text.trim() !== '').map((o) => ({ text: o.text, note: o.note || null })),
  });

  const run = (work: () => Promise<void>) => {
    setStatus(null);
    return form.run(work);
  };

  const save = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      onView(await api('causes.put', { body: body() }));
      setStatus('Saved. Only you can see this.');
    });
  };

  const share = () =>
    run(async () => {
      await api('causes.put', { body: body() });
      setConfirming(null);
      onView(await api('causes.reveal'));
    });

  const clear = () =>
    run(async () => {
      await api('causes.delete');
      setChosen(new Map());
      setOwn([]);
      setConfirming(null);
      onView(await api('causes.get'));
      setStatus('Cleared. Nothing you marked is kept.');
    });

  const toggle = (id: CauseId, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(id, next.get(id) ?? '');
    else next.delete(id);
    setChosen(next);
  };

  const nothing = isEmpty(body());
  const name = partnerName ?? 'your partner';

  return (
    <form onSubmit={save} noValidate>
      <FormAlert message={problemOf(form)} />
      <fieldset class="cause-list">
        <legend>What do you think contributed?</legend>
        <p class="hint">Mark as many or as few as feel true. You can add a note to any of them.</p>
        {CAUSES.map((c) => (
          <div class="cause" key={c.id}>
            <label class="cause-choice">
              <input
                type="checkbox"
                checked={chosen.has(c.id)}
                onChange={(e) => toggle(c.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span>
                {c.label}
                <span class="hint">{c.hint}</span>
              </span>
            </label>
            {chosen.has(c.id) ? (
              <NoteField
                label={`A note about “${c.label}” (optional)`}
                value={chosen.get(c.id) ?? ''}
                onInput={(note) => setChosen(new Map(chosen).set(c.id, note))}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <h2>In your own words</h2>
      <p class="hint">If something is not on the list, or the list does not say it the way you would, write it here.</p>
      {own.map((o, i) => (
        <OwnWordsField
          key={o.key}
          item={o}
          n={i + 1}
          onChange={(next) => setOwn(own.map((x) => (x.key === o.key ? next : x)))}
          onRemove={() => setOwn(own.filter((x) => x.key !== o.key))}
        />
      ))}
      {own.length < CAUSE_LIMITS.ownWords ? (
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              setOwn([...own, { key: nextKey, text: '', note: '' }]);
              setNextKey(nextKey + 1);
            }}
          >
            Add something in your own words
          </button>
        </p>
      ) : null}
      <div class="button-row">
        <button type="submit" class="button primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save privately'}
        </button>
        {isEmpty(initial) ? null : (
          <button type="button" class="button" disabled={pending} onClick={() => setConfirming('clear')}>
            Clear what I marked
          </button>
        )}
      </div>
      <p role="status" class="hint">
        {status}
      </p>
      {confirming === 'clear' ? (
        <div class="card confirm">
          <p>This removes everything you marked here, and your notes. It cannot be undone.</p>
          <div class="button-row">
            <button type="button" class="button danger" disabled={pending} onClick={clear}>
              Yes, clear it
            </button>
            <button type="button" class="button" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}

      <h2>Sharing</h2>
      {!view.hasPartner ? (
        <p>
          Sharing waits until your partner has joined your space. Until then, what you mark stays here, just for you.{' '}
          <a href="/invite">Invite your partner</a>
        </p>
      ) : (
        <>
          <p>
            {view.partner.revealed
              ? `${name} has shared what they marked. You will see it, and they will see yours, once you share.`
              : `When you share, ${name} will see that you have. They see what you marked only once they have shared theirs too, and you see theirs then.`}
          </p>
          <p class="hint">
            Once shared, your marks stay as they are, so what you both saw stays true. You can add later thoughts to your shared
            understanding.
          </p>
          {confirming === 'share' ? (
            <div class="card confirm">
              <p>Share what you marked with {name}? What is on this page now is what will be shared.</p>
              <div class="button-row">
                <button type="button" class="button primary" disabled={pending} onClick={share}>
                  Yes, share with {name}
                </button>
                <button type="button" class="button" onClick={() => setConfirming(null)}>
                  Not yet
                </button>
              </div>
            </div>
          ) : (
            <p>
              <button type="button" class="button" disabled={pending || nothing} onClick={() => setConfirming('share')}>
                Share with {name}
              </button>
              {nothing ? <span class="hint"> Mark at least one thing first.</span> : null}
            </p>
          )}
        </>
      )}
    </form>
  );
}
