import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FormAlert, useForm } from './form';

interface ConfirmDeleteProps {
  /** Read by screen readers after "Delete", e.g. "the check-in of Mon 7 Dec". */
  what: string;
  /** Said before the two buttons when a deletion reaches further than it looks (a partner, answers). */
  warning?: ComponentChildren;
  /** Does the deletion; an error it throws is shown beside the buttons. */
  onConfirm: () => Promise<void>;
  /** `link` for a quiet text button in a list, `button` for a full button in a card. */
  look?: 'link' | 'button';
}

/** A delete that asks once: "Delete" turns into "Yes, delete it" and "Keep it". */
export function ConfirmDelete({ what, warning, onConfirm, look = 'link' }: ConfirmDeleteProps) {
  const [confirming, setConfirming] = useState(false);
  const form = useForm();
  if (!confirming) {
    return (
      <button type="button" class={look === 'link' ? 'link-button' : 'button'} onClick={() => setConfirming(true)}>
        Delete<span class="visually-hidden"> {what}</span>
      </button>
    );
  }
  return (
    <div class="confirm-delete">
      {warning ? <p>{warning}</p> : null}
      <FormAlert message={form.message} />
      <div class="button-row">
        <button type="button" class="button danger" disabled={form.pending} onClick={() => void form.run(onConfirm)}>
          Yes, delete it<span class="visually-hidden"> ({what})</span>
        </button>
        <button type="button" class="button" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
