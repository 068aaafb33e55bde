import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import { CoachedText } from './Coach';

/** Writing a need: saved as a private draft, shared only when the author chooses. */
export function WriteNeed({ onSaved }: { onSaved: () => void }) {
  const [text, setText] = useState('');
  const form = useForm();
  const submit = (e: Event) => {
    e.preventDefault();
    void form.run(async () => {
      await api('needs.create', { body: { text } });
      setText('');
      form.setMessage(null);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="write-need-heading">
      <h2 id="write-need-heading">Write a need</h2>
      <p class="private-note">Only you can see this. It stays a draft until you choose to share it.</p>
      <FormAlert message={form.message} />
      <CoachedText
        name="need"
        label="What would help you feel supported?"
        hint="Try to name something your partner could do, and when. For example: ask about my day at dinner and listen without your phone, most evenings."
        value={text}
        onInput={setText}
        error={form.fields.text}
      />
      <div class="button-row">
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          Save as a draft
        </SubmitButton>
      </div>
    </form>
  );
}
