import { useId, useState } from 'preact/hooks';
import { CHECKIN_LIMITS, MOOD_LABELS, MOODS, type Mood } from '../../../../src/domain/checkins';
import type { CheckinView } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { queuedWrite } from '../../lib/outbox';

type Visibility = 'private' | 'couple';

/**
 * A 0–10 scale that starts unanswered for a new check-in: nothing is recorded until the person
 * chooses (a slider cannot show "no value", so the unanswered one is dimmed and says so).
 */
function Scale(p: {
  label: string;
  low: string;
  high: string;
  value: number | null;
  onChange: (n: number) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const answered = p.value !== null;
  const pick = (e: Event) => p.onChange(Number((e.currentTarget as HTMLInputElement).value));
  return (
    <div class={answered ? 'field scale' : 'field scale scale-unanswered'}>
      <label for={id}>{p.label}</label>
      <div class="scale-row">
        <input
          id={id}
          type="range"
          min={CHECKIN_LIMITS.scaleMin}
          max={CHECKIN_LIMITS.scaleMax}
          step={1}
          value={p.value ?? Math.round((CHECKIN_LIMITS.scaleMin + CHECKIN_LIMITS.scaleMax) / 2)}
          aria-valuetext={answered ? `${p.value} out of 10` : 'Not answered yet'}
          aria-describedby={`${id}-ends${p.error ? ` ${id}-error` : ''}`}
          aria-invalid={p.error ? 'true' : undefined}
          onInput={pick}
          // A tap on the thumb where it already sits chooses that number too.
          onClick={pick}
        />
        <output for={id} class="scale-value">
          {answered ? p.value : 'Not answered yet'}
        </output>
      </div>
      <p class="scale-ends" id={`${id}-ends`}>
        <span>0: {p.low}</span>
        <span>10: {p.high}</span>
      </p>
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

interface Props {
  date: string;
  existing: CheckinView | null;
  defaultVisibility: Visibility;
  hasPartner: boolean;
  partnerName: string;
  onSaved: () => void;
}

/** Today's check-in: two numbers, a mood, an optional line, and who sees it. About thirty seconds. */
export function CheckinForm({ date, existing, defaultVisibility, hasPartner, partnerName, onSaved }: Props) {
  const [connected, setConnected] = useState<number | null>(existing?.connected ?? null);
  const [heard, setHeard] = useState<number | null>(existing?.heard ?? null);
  const [mood, setMood] = useState<Mood | null>(existing?.mood ?? null);
  const [line, setLine] = useState(existing?.line ?? '');
  const [visibility, setVisibility] = useState<Visibility>(hasPartner ? (existing?.visibility ?? defaultVisibility) : 'private');
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const lineId = useId();

  const submit = (e: Event) => {
    e.preventDefault();
    setStatus(null);
    // Nothing untouched is saved as an answer: each unanswered question is named at its place.
    const missing: Record<string, string> = {};
    if (connected === null) missing.connected = 'Please choose how connected you felt today, from 0 to 10.';
    if (heard === null) missing.heard = 'Please choose how heard you felt today, from 0 to 10.';
    if (mood === null) missing.mood = 'Please choose the mood that fits best. Any of them is fine.';
    if (connected === null || heard === null || mood === null) {
      form.fail(missing);
      return;
    }
    void form.run(async () => {
      const body = { connected, heard, mood, line: line.trim() ? line : null, visibility };
      const result = await queuedWrite('checkins.put', { params: { date }, body });
      if (result.sent) {
        setStatus(
          visibility === 'couple'
            ? `Saved and shared with ${partnerName}. You can change it any time today.`
            : 'Saved, just for you. You can change it any time today.',
        );
        onSaved();
      } else setStatus('Saved on this device; it will be sent when you are back online.');
    });
  };

  return (
    <form class="checkin-form" onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <Scale
        label="How connected did you feel today?"
        low="not at all"
        high="very connected"
        value={connected}
        onChange={setConnected}
        error={form.fields.connected}
      />
      <Scale
        label="Did you feel heard today?"
        low="not heard"
        high="fully heard"
        value={heard}
        onChange={setHeard}
        error={form.fields.heard}
      />
      <fieldset class="checkin-group">
        <legend>Your mood</legend>
        <div class="mood-options">
          {MOODS.map((m) => (
            <label key={m} class="mood-option">
              <input
                type="radio"
                name="mood"
                value={m}
                checked={mood === m}
                aria-invalid={form.fields.mood ? 'true' : undefined}
                onChange={() => setMood(m)}
              />
              <span>{MOOD_LABELS[m]}</span>
            </label>
          ))}
        </div>
        {form.fields.mood ? <p class="field-error">{form.fields.mood}</p> : null}
      </fieldset>
      <div class="field">
        <label for={lineId}>A line about today (optional)</label>
        <textarea
          id={lineId}
          rows={2}
          maxLength={CHECKIN_LIMITS.lineLength}
          value={line}
          aria-invalid={form.fields.line ? 'true' : undefined}
          aria-describedby={`${lineId}-hint`}
          onInput={(e) => setLine((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="hint" id={`${lineId}-hint`}>
          Up to {CHECKIN_LIMITS.lineLength} characters. {CHECKIN_LIMITS.lineLength - line.length} left.
        </p>
        {form.fields.line ? <p class="field-error">{form.fields.line}</p> : null}
      </div>
      <fieldset class="checkin-group">
        <legend>Who sees this check-in</legend>
        <div class="choices">
          <label class="choice">
            <input
              type="radio"
              name="visibility"
              value="private"
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />{' '}
            Just me
          </label>
          <label class="choice">
            <input
              type="radio"
              name="visibility"
              value="couple"
              checked={visibility === 'couple'}
              disabled={!hasPartner}
              onChange={() => setVisibility('couple')}
            />{' '}
            {hasPartner ? `Me and ${partnerName}` : 'Me and my partner'}
          </label>
        </div>
        <p class="hint">
          {hasPartner
            ? 'Your choice is remembered for next time. A check-in kept just for you is never shown to your partner.'
            : 'Sharing opens once your partner has joined your space. Until then, check-ins are just for you.'}
        </p>
      </fieldset>
      <SubmitButton pending={form.pending} pendingLabel="Saving…">
        {existing ? 'Save changes' : 'Save check-in'}
      </SubmitButton>
      <p role="status" class="checkin-status">
        {status}
      </p>
    </form>
  );
}
