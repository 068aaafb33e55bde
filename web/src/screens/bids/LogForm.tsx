import { useState } from 'preact/hooks';
import { BID_LIMITS } from '../../../../src/domain/bids';
import { api } from '../../api/client';
import { Field, FormAlert, useForm } from '../../components/form';

/** The quick log: two buttons and a few optional words. Saved at once; nothing is sent to the partner. */
export function LogForm({ partnerName, onLogged }: { partnerName: string; onLogged: () => void }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const form = useForm();

  const submit = (e: Event) => {
    e.preventDefault();
    const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    const kind = submitter?.value === 'gesture' ? 'gesture' : 'bid';
    setStatus('');
    void form.run(async () => {
      await api('bids.create', { body: { kind, text: text.trim() === '' ? null : text } });
      setText('');
      setStatus(
        kind === 'gesture'
          ? 'Saved: you showed affection.'
          : 'Saved: you reached out. When you know how it was met, you can mark it below.',
      );
      onLogged();
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="log-heading" class="card bid-log">
      <h2 id="log-heading">Log a moment</h2>
      <p class="hint">
        A bid is any small way of reaching out to {partnerName}: a question, a comment, a touch, a joke, asking for help.
        Affection is something warm you gave.
      </p>
      <FormAlert message={form.message} />
      <Field
        name="words"
        label="A few words, if you like"
        hint={`Optional, up to ${BID_LIMITS.textLength} characters. For example: asked how their day went.`}
        value={text}
        onInput={setText}
        required={false}
        error={form.fields.text}
      />
      <div class="button-row">
        <button type="submit" name="kind" value="gesture" class="button primary" disabled={form.pending}>
          I showed affection
        </button>
        <button type="submit" name="kind" value="bid" class="button primary" disabled={form.pending}>
          I reached out
        </button>
      </div>
      <p role="status" class="hint bid-status">
        {status}
      </p>
    </form>
  );
}
