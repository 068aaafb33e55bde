import { useId, useMemo } from 'preact/hooks';
import { assessNeed, type NeedAssessment } from '../../../../src/domain/coach/need-coach';
import { NEED_LIMITS } from '../../../../src/domain/needs';

// The specificity coach runs here, in the browser, as the person types. It ships with this screen
// only. Its words are suggestions: the person decides.

const LEVEL_TEXT: Record<NeedAssessment['level'], { title: string; body: string }> = {
  specific: {
    title: 'Clear and doable',
    body: 'It names something your partner could do, and when. On any given day, you could both tell whether it happened.',
  },
  partial: {
    title: 'Nearly there',
    body: 'It names something to do. Saying when (a moment, a day, or how often) would make it easier to act on, and easier to notice.',
  },
  vague: {
    title: 'A feeling worth naming',
    body: 'This says what you long for, and that matters. Naming something your partner could do, on a given day, would help them know where to start.',
  },
};

/** Characters left at which the counter appears. */
const COUNT_FROM = 120;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface CoachedTextProps {
  label: string;
  hint: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  name: string;
}

/** A labelled text box with the specificity coach beside it, read out politely as it changes. */
export function CoachedText(p: CoachedTextProps) {
  const id = useId();
  const text = p.value.trim();
  const assessment = useMemo(() => (text ? assessNeed(text) : null), [text]);
  const left = NEED_LIMITS.textLength - p.value.length;
  // The limit is said once the words come near it, not from the first letter.
  const nearLimit = left <= COUNT_FROM;
  const described = [`${id}-hint`, nearLimit ? `${id}-count` : null, `${id}-coach`, p.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field coached">
      <label for={id}>{p.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {p.hint}
      </p>
      <textarea
        id={id}
        name={p.name}
        rows={3}
        maxLength={NEED_LIMITS.textLength}
        value={p.value}
        aria-describedby={described}
        aria-invalid={p.error ? 'true' : undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {nearLimit ? (
        <p class={left === 0 ? 'hint char-count char-count-full' : 'hint char-count'} id={`${id}-count`}>
          {left === 0
            ? `That is the most a need can hold: ${NEED_LIMITS.textLength} characters.`
            : `${left} ${left === 1 ? 'character' : 'characters'} left, of ${NEED_LIMITS.textLength}.`}
        </p>
      ) : null}
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <div class="coach" id={`${id}-coach`} aria-live="polite">
        {assessment ? (
          <>
            <p class={`coach-level coach-${assessment.level}`}>
              <strong>{LEVEL_TEXT[assessment.level].title}.</strong> {LEVEL_TEXT[assessment.level].body}
            </p>
            {assessment.suggestion ? (
              <p class="coach-suggestion">
                One sharper way to say it: <q>{capitalise(assessment.suggestion)}</q>{' '}
                <button type="button" class="link-button" onClick={() => p.onInput(capitalise(assessment.suggestion ?? ''))}>
                  Use this wording
                </button>
              </p>
            ) : null}
          </>
        ) : null}
        <p class="hint coach-language">
          The coach reads English only. In other languages it may miss things, so trust your own sense too.
        </p>
      </div>
    </div>
  );
}
