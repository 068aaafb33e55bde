import { useState } from 'preact/hooks';
import { api, type PulseOverview, type PulseView } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { scoreWords } from './format';

type Scale = PulseOverview['scale'];
type Item = PulseOverview['items'][number];

function Statement(p: {
  item: Item;
  scale: Scale;
  value: number | null;
  onChange: (n: number) => void;
  error?: string | undefined;
}) {
  const { item, scale } = p;
  const ratings = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const endsId = `pulse-${item.id}-ends`;
  const errorId = `pulse-${item.id}-error`;
  return (
    <fieldset
      class="pulse-item"
      aria-describedby={p.error ? `${endsId} ${errorId}` : endsId}
      aria-invalid={p.error ? 'true' : undefined}
    >
      <legend>{item.text}</legend>
      <div class="pulse-ratings">
        {ratings.map((n) => (
          <label key={n} class="pulse-rating">
            <input
              type="radio"
              name={`pulse-${item.id}`}
              value={n}
              checked={p.value === n}
              aria-label={n === scale.min ? `${n}, ${scale.minLabel}` : n === scale.max ? `${n}, ${scale.maxLabel}` : String(n)}
              onChange={() => p.onChange(n)}
            />
            <span aria-hidden="true">{n}</span>
          </label>
        ))}
      </div>
      <p class="pulse-ends" id={endsId}>
        <span>
          {scale.min}: {scale.minLabel}
        </span>
        <span>
          {scale.max}: {scale.maxLabel}
        </span>
      </p>
      {p.error ? (
        <p class="field-error" id={errorId}>
          {p.error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface Props {
  overview: PulseOverview;
  partnerName: string;
  onSaved: () => void;
}

/** This week's pulse: each statement on a 1-7 scale, and whether my score (never my answers) is shared. */
export function PulseForm({ overview, partnerName, onSaved }: Props) {
  const { items, scale, mine, hasPartner, week } = overview;
  const [answers, setAnswers] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(items.map((i) => [i.id, mine?.answers[i.id] ?? null])),
  );
  const [shared, setShared] = useState(hasPartner && (mine?.shared ?? false));
  const [status, setStatus] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const form = useForm();

  const submit = (e: Event) => {
    e.preventDefault();
    setStatus(null);
    const open = items.filter((i) => answers[i.id] === null).map((i) => i.id);
    setMissing(open);
    if (open.length > 0) {
      form.setMessage(
        open.length === 1
          ? 'One statement still needs an answer. Any number is fine; go with your first sense of it.'
          : `${open.length} statements still need an answer. Any number is fine; go with your first sense of it.`,
      );
      return;
    }
    void form.run(async () => {
      const saved: PulseView = await api('pulse.put', { params: { week }, body: { answers, shared } });
      setStatus(
        saved.shared
          ? `Saved. Your score this week is ${scoreWords(saved.score)}, shared with ${partnerName}. You can change it until the week ends.`
          : `Saved, just for you. Your score this week is ${scoreWords(saved.score)}. You can change it until the week ends.`,
      );
      onSaved();
    });
  };

  const choose = (id: string, n: number) => {
    setAnswers((a) => ({ ...a, [id]: n }));
    setMissing((m) => m.filter((x) => x !== id));
  };

  return (
    <form class="pulse-form" onSubmit={submit} noValidate>
      <p class="pulse-prompt">{overview.prompt}</p>
      {items.map((item) => (
        <Statement
          key={item.id}
          item={item}
          scale={scale}
          value={answers[item.id] ?? null}
          onChange={(n) => choose(item.id, n)}
          error={missing.includes(item.id) ? 'Please choose an answer for this one.' : form.fields[item.id]}
        />
      ))}
      <fieldset class="pulse-share">
        <legend>Who sees your score</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="pulse-shared" value="private" checked={!shared} onChange={() => setShared(false)} /> Just me
          </label>
          <label class="choice">
            <input
              type="radio"
              name="pulse-shared"
              value="couple"
              checked={shared}
              disabled={!hasPartner}
              onChange={() => setShared(true)}
            />{' '}
            {hasPartner ? `Me and ${partnerName}: the score only` : 'Me and my partner: the score only'}
          </label>
        </div>
        <p class="hint">
          {hasPartner
            ? `Your answers are never shown to ${partnerName}. If you share, ${partnerName} sees this week’s score and nothing else.`
            : 'Sharing your score opens once your partner has joined your space. Your answers are never shown to anyone.'}
        </p>
      </fieldset>
      <FormAlert message={form.message} />
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        {mine ? 'Save changes' : 'Save this week’s pulse'}
      </SubmitButton>
      <p role="status" class="pulse-status">
        {status}
      </p>
    </form>
  );
}
