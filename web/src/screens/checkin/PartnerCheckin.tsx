import { useId, useState } from 'preact/hooks';
import { CHECKIN_LIMITS, REACTION_LABELS, REACTIONS } from '../../../../src/domain/checkins';
import { api, type CheckinReplyBody, type CheckinView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { CheckinSummary, Replies } from './CheckinSummary';

/** My partner's shared check-in for today, and the ways to answer it. */
export function PartnerCheckin({
  checkin,
  partnerName,
  onReplied,
}: {
  checkin: CheckinView;
  partnerName: string;
  onReplied: () => void;
}) {
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm();
  const noteId = useId();

  const send = async (body: CheckinReplyBody, done: string): Promise<boolean> => {
    let ok = false;
    setSent(null);
    await form.run(async () => {
      await api('checkins.replies.create', { params: { id: checkin.id }, body });
      ok = true;
      setSent(done);
      onReplied();
    });
    return ok;
  };

  const sendNote = (e: Event) => {
    e.preventDefault();
    if (!note.trim()) {
      form.setMessage('Please write a few words, or send a reaction instead.');
      return;
    }
    void send({ kind: 'note', text: note }, 'Your note is on its way.').then((ok) => {
      if (ok) setNote('');
    });
  };

  return (
    <div class="card partner-checkin">
      <CheckinSummary checkin={checkin} />
      <Replies replies={checkin.replies} partnerName={partnerName} />
      <h3>Answer {partnerName}</h3>
      <FormAlert message={form.message} />
      <fieldset class="reply-buttons">
        <legend class="visually-hidden">A quick answer for {partnerName}</legend>
        {REACTIONS.map((r) => (
          <button
            key={r}
            type="button"
            class="button"
            disabled={form.pending}
            onClick={() => void send({ kind: 'reaction', reaction: r }, 'Sent.')}
          >
            {REACTION_LABELS[r]}
          </button>
        ))}
        <button
          type="button"
          class="button"
          disabled={form.pending}
          onClick={() => void send({ kind: 'talk-tonight' }, `${partnerName} will see that you would like to talk tonight.`)}
        >
          Let’s talk tonight
        </button>
      </fieldset>
      <form class="reply-note" onSubmit={sendNote} noValidate>
        <label for={noteId}>A short note</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={CHECKIN_LIMITS.noteLength}
          value={note}
          aria-invalid={form.fields.text ? 'true' : undefined}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {form.fields.text ? <p class="field-error">{form.fields.text}</p> : null}
        <button type="submit" class="button primary" disabled={form.pending}>
          Send note
        </button>
      </form>
      <p role="status" class="checkin-status">
        {sent}
      </p>
    </div>
  );
}
