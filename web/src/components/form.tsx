import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { signedOut } from '../lib/session';

export type FieldErrors = Record<string, string>;

export interface FormState {
  pending: boolean;
  message: string | null;
  fields: FieldErrors;
  /**
   * Runs one submission: clears old errors, disables the form, and turns API errors into messages.
   * A session that has ended sends the person to sign in, as a screen's load does.
   */
  run: (work: () => Promise<void>) => Promise<void>;
  setMessage: (m: string | null) => void;
  /**
   * Shows errors found before sending (an empty answer): each at its field, the first one's words in
   * the form's alert too, and focus moved to the first field marked invalid.
   */
  fail: (fields: FieldErrors) => void;
}

/** The first field marked invalid on the page, focused and scrolled into view after errors appear. */
function focusFirstInvalid(): void {
  const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
}

export function useForm(): FormState {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  // Bumped each time errors are shown, so focus moves to the field even when the same error repeats.
  const [shown, setShown] = useState(0);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (Object.keys(fields).length > 0) focusFirstInvalid();
  }, [shown]);
  const fail = (next: FieldErrors) => {
    setFields(next);
    setMessage(Object.values(next)[0] ?? null);
    setShown((n) => n + 1);
  };
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setMessage(null);
    setFields({});
    try {
      await work();
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
      // Only an ended session: a wrong password (sign-in, unlocking a private page) is a 401 too.
      if (e.status === 401 && e.code === 'signed_out') signedOut();
      const byField: FieldErrors = {};
      for (const f of e.fields) byField[f.path.split('.').pop() ?? f.path] ??= f.message;
      setFields(byField);
      // One field wrong: its own words say more than "Some details need another look."
      const messages = Object.values(byField);
      setMessage(messages.length === 1 ? (messages[0] ?? e.message) : e.message);
      setShown((n) => n + 1);
    } finally {
      setPending(false);
    }
  };
  return { pending, message, fields, run, setMessage, fail };
}

/** An always-present live region, so a message that appears is read out. */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" class={message ? 'alert' : 'alert alert-empty'}>
      {message}
    </div>
  );
}

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  required?: boolean;
  inputMode?: 'email' | 'text';
  list?: string;
  readOnly?: boolean;
}

export function Field(p: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [p.hint ? hintId : null, p.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={hintId}>
          {p.hint}
        </p>
      ) : null}
      <input
        id={id}
        name={p.name}
        type={(p.type ?? 'text') as 'text'}
        value={p.value}
        autocomplete={p.autocomplete}
        required={p.required ?? true}
        inputMode={p.inputMode}
        list={p.list}
        readOnly={p.readOnly}
        spellcheck={false}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.error ? (
        <p class="field-error" id={errorId}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({
  pending,
  children,
  pendingLabel,
}: {
  pending: boolean;
  children: ComponentChildren;
  pendingLabel: string;
}) {
  return (
    <button type="submit" class="button primary" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
