import { useState } from 'preact/hooks';
import { THERAPIST_ACCESS_DEFAULT_DAYS } from '../../../../src/domain/therapist-access';
import { type Answer, api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { config } from '../../lib/config';

// Proposing a therapist: by email when Attune can send mail, always with a link to hand over, shown
// here once. Nothing is shown to the therapist until both partners have chosen what they may see.

type TherapistInvited = Answer<'therapists.invite'>;

const DAY_CHOICES = [30, 60, 90, 180, 365] as const;

function daysText(days: number): string {
  if (days === 365) return 'A year';
  if (days % 30 === 0) return `${days / 30} months (${days} days)`;
  return `${days} days`;
}

function NewLink({ invited, emailed, partnerName }: { invited: TherapistInvited; emailed: boolean; partnerName: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invited.url);
      setCopied('The link is copied.');
    } catch {
      const input = document.getElementById('therapist-link') as HTMLInputElement | null;
      input?.select();
      setCopied('Copying did not work here. The link is selected, so you can copy it yourself.');
    }
  };
  return (
    <div class="card new-link">
      <h3>The link for your therapist</h3>
      {emailed ? <p>We sent the invitation by email. You can also hand the link over yourself.</p> : null}
      <label for="therapist-link">Link for your therapist</label>
      <div class="copy-row">
        <input id="therapist-link" type="text" readOnly value={invited.url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p role="status" class="hint">
        {copied}
      </p>
      <p>
        It is shown only this once. Give it to your therapist in a way only they will see. They make an account through it, or
        sign in to theirs.
      </p>
      <p>They see nothing until you and {partnerName} have both chosen what they may see, below.</p>
    </div>
  );
}

export function Propose({
  partnerName,
  another,
  folded,
  onCreated,
}: {
  partnerName: string;
  /** True when an invitation is already open. */
  another: boolean;
  /** Offered without a push, folded away: when the page must not suggest therapy, or one is already open. */
  folded: boolean;
  onCreated: () => Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [days, setDays] = useState<number>(THERAPIST_ACCESS_DEFAULT_DAYS);
  const [invited, setInvited] = useState<{ link: TherapistInvited; emailed: boolean } | null>(null);
  const form = useForm();
  const withEmail = config.value.emailEnabled;

  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      const address = email.trim();
      const link = await api('therapists.invite', { body: { email: withEmail && address ? address : null, accessDays: days } });
      setInvited({ link, emailed: withEmail && address !== '' });
      setEmail('');
      await onCreated();
    });
  };

  const body = (
    <form onSubmit={submit} noValidate class="propose">
      <p>
        Either of you can propose a therapist. {partnerName} is asked too, and nothing is shared until you have both said yes.
      </p>
      <FormAlert message={form.message} />
      {withEmail ? (
        <Field
          label="Your therapist’s email (optional)"
          name="email"
          type="email"
          inputMode="email"
          autocomplete="off"
          required={false}
          value={email}
          onInput={setEmail}
          error={form.fields.email}
          hint="Leave it empty to hand them the link yourself."
        />
      ) : null}
      <div class="field">
        <label for="access-days">How long they may read, once you both agree</label>
        <p class="hint" id="access-days-hint">
          It ends by itself after this. Either of you can end it sooner.
        </p>
        <select
          id="access-days"
          aria-describedby="access-days-hint"
          value={String(days)}
          onChange={(e) => setDays(Number(e.currentTarget.value))}
        >
          {DAY_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {daysText(n)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={form.pending} pendingLabel="Making the invitation…">
        Make an invitation
      </SubmitButton>
    </form>
  );

  return (
    <section aria-labelledby="propose-heading">
      {invited ? <NewLink invited={invited.link} emailed={invited.emailed} partnerName={partnerName} /> : null}
      <h2 id="propose-heading">{another ? 'Invite another therapist' : 'Invite a therapist'}</h2>
      {folded ? (
        <details class="propose-fold">
          <summary>{another ? 'Make another invitation' : 'If you both decide to, invite one here'}</summary>
          {body}
        </details>
      ) : (
        body
      )}
    </section>
  );
}
