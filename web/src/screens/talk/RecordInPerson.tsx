import { useState } from 'preact/hooks';
import { TALK_LIMITS } from '../../../../src/domain/conversation';
import { api } from '../../api/client';
import { Field, FormAlert, SubmitButton, useForm } from '../../components/form';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../lib/router';
import { CoachedStatement } from './coach';

const today = () => new Date().toISOString().slice(0, 10);

/** A conversation held in person, recorded afterwards, so the count stays true. Private to the recorder. */
export function RecordInPerson() {
  const form = useForm();
  const [heldOn, setHeldOn] = useState(today());
  const [said, setSaid] = useState('');
  const [wentHow, setWentHow] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('conversations.inPerson', { body: { heldOn, said, wentHow } });
      navigate('/talk?recorded=1');
    });
  };
  return (
    <section class="talk">
      <PageTitle title="Record a conversation held in person">Record a conversation held in person</PageTitle>
      <p class="lead">If you talked face to face, you can note it here. What you write stays yours: only you can see it.</p>
      <form onSubmit={submit} noValidate>
        <FormAlert message={form.message} />
        <Field
          label="When you talked (year-month-day)"
          name="heldOn"
          value={heldOn}
          onInput={setHeldOn}
          error={form.fields.heldOn}
        />
        <CoachedStatement
          label="What was said"
          name="said"
          value={said}
          onInput={setSaid}
          coachRole="speaker"
          maxLength={TALK_LIMITS.textLength}
          error={form.fields.said}
        />
        <div class="field">
          <label for="went-how">How it went</label>
          <textarea
            id="went-how"
            name="wentHow"
            rows={3}
            maxLength={TALK_LIMITS.textLength}
            value={wentHow}
            aria-invalid={form.fields.wentHow ? 'true' : undefined}
            onInput={(e) => setWentHow((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {form.fields.wentHow ? <p class="field-error">{form.fields.wentHow}</p> : null}
        </div>
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save this conversation
        </SubmitButton>
      </form>
      <p>
        <a href="/talk">Back to Talk</a>
      </p>
    </section>
  );
}
