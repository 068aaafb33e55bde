import { useState } from 'preact/hooks';
import { FormAlert, useForm } from '../../components/form';

// "End access now", asked once, like ConfirmDelete: either partner can end a therapist's access at
// any moment, without the other's agreement and without giving a reason.

interface Props {
  /** Read by screen readers after the button's words: whose access this is. */
  what: string;
  /** Whether the therapist has opened the link (otherwise this withdraws an invitation). */
  accepted: boolean;
  /** Whether I proposed it: then I withdraw an invitation; otherwise I decline it. */
  mine: boolean;
  partnerName: string;
  onConfirm: () => Promise<void>;
}

export function EndAccess({ what, accepted, mine, partnerName, onConfirm }: Props) {
  const [confirming, setConfirming] = useState(false);
  const form = useForm();
  const label = accepted ? 'End access now' : mine ? 'Withdraw the invitation' : 'Decline the invitation';
  if (!confirming) {
    return (
      <p class="end-access">
        <button type="button" class="button" onClick={() => setConfirming(true)}>
          {label}
          <span class="visually-hidden"> ({what})</span>
        </button>
      </p>
    );
  }
  return (
    <div class="confirm-delete end-access">
      <p>
        {accepted
          ? `The therapist will not be able to open anything from the moment you confirm. ${partnerName} will see that it ended. Either of you can invite them again later.`
          : `The link will stop working at once. ${partnerName} will see that it ended. You do not need to give a reason.`}
      </p>
      <FormAlert message={form.message} />
      <div class="button-row">
        <button type="button" class="button danger" disabled={form.pending} onClick={() => void form.run(onConfirm)}>
          {accepted ? 'Yes, end access now' : mine ? 'Yes, withdraw it' : 'Yes, decline it'}
          <span class="visually-hidden"> ({what})</span>
        </button>
        <button type="button" class="button" onClick={() => setConfirming(false)}>
          {accepted ? 'Keep access' : 'Keep it'}
        </button>
      </div>
    </div>
  );
}
