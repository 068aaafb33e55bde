import type { Ref } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { Finding, StatementRole } from '../../../../src/domain/coach/statement-coach';

// The conversation coach runs here, in the browser, as the person writes. It is loaded only when a
// Talk screen first needs it (a dynamic import), and its words are suggestions: the person decides.

type Review = (text: string, role: StatementRole) => Finding[];
let loading: Promise<Review> | null = null;

function loadCoach(): Promise<Review> {
  loading ??= import('../../../../src/domain/coach/statement-coach').then((m) => m.reviewStatement);
  return loading;
}

function useReview(text: string, role: StatementRole): Finding[] {
  const [review, setReview] = useState<Review | null>(null);
  useEffect(() => {
    let live = true;
    void loadCoach().then((r) => {
      if (live) setReview(() => r);
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => (review && text.trim() ? review(text, role) : []), [review, text, role]);
}

const CALM: Record<StatementRole, string> = {
  speaker: 'Nothing here reads as blame. It sounds like you, speaking about yourself.',
  listener: 'This reads as listening. Your partner can hear that you heard them.',
  apology: 'This reads as owning what happened, without excuses.',
};

interface CoachedStatementProps {
  label: string;
  hint?: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  coachRole: StatementRole;
  rows?: number;
  maxLength: number;
  error?: string | undefined;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled text box with the conversation coach beneath it, read out politely as it changes. */
export function CoachedStatement(p: CoachedStatementProps) {
  const id = useId();
  const findings = useReview(p.value, p.coachRole);
  const described = [p.hint ? `${id}-hint` : null, `${id}-coach`, p.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class="field coached">
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        maxLength={p.maxLength}
        value={p.value}
        ref={p.textareaRef}
        aria-describedby={described}
        aria-invalid={p.error ? 'true' : undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
      <div class="coach" id={`${id}-coach`} aria-live="polite">
        {findings.length ? (
          <ul class="coach-findings">
            {findings.map((f) => (
              <li key={`${f.kind}-${f.start}-${f.end}`}>
                <q class="coach-words">{p.value.slice(f.start, f.end)}</q> {f.message}
                {f.suggestion !== undefined ? (
                  <span class="coach-suggestion">
                    {' '}
                    You could try: <q>{f.suggestion}</q>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : p.value.trim() ? (
          <p class="coach-calm">{CALM[p.coachRole]}</p>
        ) : null}
        <p class="hint coach-language">
          The coach understands English only. In other languages it may miss things, so trust your own sense too.
        </p>
      </div>
    </div>
  );
}
