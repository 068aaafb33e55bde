import { useId, useState } from 'preact/hooks';
import { CLOSENESS_LIMITS } from '../../../../src/domain/closeness/limits';
import { api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';

const MAX = CLOSENESS_LIMITS.answerLength;

interface Props {
  questionId: string;
  /** My answer so far, when I am changing it. */
  existing: string | null;
  /** Said under the field: who will see this, and when. */
  privacy: string;
  onSaved: (status: string) => void;
  onCancel?: () => void;
}

/** My answer to a question day: written privately, saved, and changed as often as I like. */
export function AnswerForm({ questionId, existing, privacy, onSaved, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(existing ?? '');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      form.setMessage('Please write a few words first. If today is not the day for this one, that is fine too.');
      return;
    }
    void form.run(async () => {
      await api('closeness.answer', { params: { questionId }, body: { text } });
      onSaved(existing === null ? 'Your answer is saved.' : 'Your change is saved.');
    });
  };
  return (
    <form class="answer-form" onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <div class="field">
        <label for={`${id}-text`}>{existing === null ? 'Your answer' : 'Change your answer'}</label>
        <p class="hint" id={`${id}-privacy`}>
          {privacy}
        </p>
        <textarea
          id={`${id}-text`}
          rows={5}
          maxLength={MAX}
          value={text}
          aria-invalid={form.fields.text ? 'true' : undefined}
          aria-describedby={`${id}-privacy ${id}-count`}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="hint char-count" id={`${id}-count`}>
          {text.length.toLocaleString('en-GB')} of {MAX.toLocaleString('en-GB')} characters
        </p>
        {form.fields.text ? <p class="field-error">{form.fields.text}</p> : null}
      </div>
      <div class="button-row">
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          {existing === null ? 'Save my answer' : 'Save the change'}
        </SubmitButton>
        {onCancel ? (
          <button type="button" class="button" onClick={onCancel}>
            Keep it as it was
          </button>
        ) : null}
      </div>
    </form>
  );
}
