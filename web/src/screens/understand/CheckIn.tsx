import { useId, useState } from 'preact/hooks';
import {
  NEGLECT_EFFECTS,
  NEGLECT_SIGNS,
  RATING_SCALE,
  type Rating,
  SELF_CHECK_NOTE_MAX,
  type SelfCheckItemId,
  type SelfCheckRatings,
  type UnderstandItem,
} from '../../../../src/domain/understand';
import { api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../lib/router';
import { OnlyYou } from './OnlyYou';

function RatingQuestion({
  item,
  value,
  onChange,
  error,
}: {
  item: UnderstandItem;
  value: Rating | undefined;
  onChange: (r: Rating | undefined) => void;
  error?: string | undefined;
}) {
  const name = `rating-${item.id}`;
  return (
    <fieldset class="rating" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>
        <span class="rating-title">{item.title}</span>
        <span class="rating-prompt">{item.prompt}</span>
      </legend>
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <div class="rating-options">
        {RATING_SCALE.map((r) => (
          <label key={r.value} class="rating-option">
            <input
              type="radio"
              name={name}
              value={String(r.value)}
              checked={value === r.value}
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(r.value)}
            />
            <span>{r.label}</span>
          </label>
        ))}
      </div>
      {value !== undefined ? (
        <button type="button" class="link-button" onClick={() => onChange(undefined)}>
          Clear my answer<span class="visually-hidden"> for {item.title}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

export function CheckIn() {
  const [ratings, setRatings] = useState<SelfCheckRatings>({});
  const [note, setNote] = useState('');
  const form = useForm();
  const noteId = useId();
  const rate = (id: SelfCheckItemId) => (r: Rating | undefined) => {
    const nextRatings = { ...ratings };
    if (r === undefined) delete nextRatings[id];
    else nextRatings[id] = r;
    setRatings(nextRatings);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (Object.keys(ratings).length === 0) {
      // Said at the first question, where focus goes, not only at the top of a long form.
      const first = [...NEGLECT_SIGNS, ...NEGLECT_EFFECTS][0];
      if (first)
        form.fail({
          [`rating-${first.id}`]: 'Please answer at least one statement. You can leave out any you would rather not answer.',
        });
      return;
    }
    void form.run(async () => {
      await api('understand.selfChecks.create', { body: { ratings, note: note.trim() ? note : null } });
      navigate('/understand/history?saved=1');
    });
  };
  const question = (item: UnderstandItem) => (
    <RatingQuestion
      key={item.id}
      item={item}
      value={ratings[item.id as SelfCheckItemId]}
      onChange={rate(item.id as SelfCheckItemId)}
      error={form.fields[`rating-${item.id}`]}
    />
  );
  return (
    <section class="narrow-text">
      <p class="crumb">
        <a href="/understand">Understand</a>
      </p>
      <PageTitle title="Check in with yourself">Check in with yourself</PageTitle>
      <OnlyYou />
      <p>
        How true is each of these for you right now? There are no right or wrong answers, and you can leave out any you would
        rather not answer. You can check in again whenever you like, and see how things change.
      </p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <h2>What you may have noticed</h2>
        {NEGLECT_SIGNS.map(question)}
        <h2>How it may have affected you</h2>
        {NEGLECT_EFFECTS.map(question)}
        <div class="field">
          <label for={noteId}>A note for yourself (optional)</label>
          <p class="hint" id={`${noteId}-hint`}>
            Anything you want to remember about this moment. Only you can see it.
          </p>
          <textarea
            id={noteId}
            name="note"
            rows={4}
            maxLength={SELF_CHECK_NOTE_MAX}
            value={note}
            aria-describedby={`${noteId}-hint`}
            aria-invalid={form.fields.note ? 'true' : undefined}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {form.fields.note ? <p class="field-error">{form.fields.note}</p> : null}
        </div>
        <div class="button-row">
          <SubmitButton pending={form.pending} pendingLabel="Saving…">
            Save my check-in
          </SubmitButton>
          <a class="button" href="/understand">
            Not now
          </a>
        </div>
      </form>
    </section>
  );
}
