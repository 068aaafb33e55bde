import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MOOD_LABELS, MOODS, type Mood } from '../../../../src/domain/checkins';
import { api } from '../../api/client';
import { FormAlert, SubmitButton, useForm } from '../../components/form';
import type { Entry, Guard, Prompt } from './words';

const TEXT_MAX = 10_000;

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

interface Props {
  /** The entry being changed; a new entry when left out. */
  entry?: Entry;
  /** The self-worth prompt a new entry answers, if one was chosen. */
  prompt?: Prompt | null;
  onClearPrompt?: () => void;
  guard: Guard;
  onSaved: (entry: Entry) => void;
  onCancel?: () => void;
}

/** Writing an entry, or changing one: the words, and a mood and tags if I like. */
export function EntryForm({ entry, prompt = null, onClearPrompt, guard, onSaved, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(entry?.text ?? '');
  const [mood, setMood] = useState<Mood | null>((entry?.mood as Mood | null | undefined) ?? null);
  const [tags, setTags] = useState(entry?.tags.join(', ') ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const form = useForm();
  const box = useRef<HTMLTextAreaElement>(null);

  // Choosing a prompt brings the person to the words.
  useEffect(() => {
    if (prompt) box.current?.focus();
  }, [prompt?.id]);

  const save = () =>
    void form.run(() =>
      guard(async () => {
        setStatus(null);
        const body = { text, mood, tags: tagsOf(tags) };
        const saved = entry
          ? await api('journal.update', { params: { id: entry.id }, body })
          : await api('journal.create', { body: { ...body, promptId: prompt?.id ?? null } });
        if (!entry) {
          setText('');
          setMood(null);
          setTags('');
          onClearPrompt?.();
          setStatus('Saved. Only you can see it.');
        }
        onSaved(saved);
      }, save),
    );

  const submit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      form.setMessage('Please write a few words first.');
      return;
    }
    save();
  };

  return (
    <form class="entry-form" onSubmit={submit} noValidate>
      <FormAlert message={form.message} />
      <div class="field">
        <label for={`${id}-text`}>{entry ? 'Your entry' : prompt ? prompt.text : 'What is on your mind'}</label>
        {prompt && !entry ? (
          <p class="hint" id={`${id}-prompt`}>
            {prompt.hint}{' '}
            <button type="button" class="link-button" onClick={onClearPrompt}>
              Write about something else
            </button>
          </p>
        ) : null}
        <textarea
          id={`${id}-text`}
          ref={box}
          rows={entry ? 6 : 5}
          maxLength={TEXT_MAX}
          value={text}
          aria-invalid={form.fields.text ? 'true' : undefined}
          aria-describedby={`${id}-count`}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="hint char-count" id={`${id}-count`}>
          {text.length.toLocaleString('en-GB')} of {TEXT_MAX.toLocaleString('en-GB')} characters
        </p>
        {form.fields.text ? <p class="field-error">{form.fields.text}</p> : null}
      </div>
      <fieldset class="mood-group">
        <legend>Mood (optional)</legend>
        <div class="mood-options">
          <label class="mood-option">
            <input type="radio" name={`${id}-mood`} checked={mood === null} onChange={() => setMood(null)} />
            <span>None</span>
          </label>
          {MOODS.map((m) => (
            <label key={m} class="mood-option">
              <input type="radio" name={`${id}-mood`} checked={mood === m} onChange={() => setMood(m)} />
              <span>{MOOD_LABELS[m]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`${id}-tags`}>Tags (optional)</label>
        <p class="hint" id={`${id}-tags-hint`}>
          Words to find this by later, separated by commas. Up to 10.
        </p>
        <input
          id={`${id}-tags`}
          type="text"
          value={tags}
          aria-describedby={`${id}-tags-hint`}
          aria-invalid={form.fields.tags ? 'true' : undefined}
          onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
        />
        {form.fields.tags ? <p class="field-error">{form.fields.tags}</p> : null}
      </div>
      <div class="button-row">
        <SubmitButton pending={form.pending} pendingLabel="Saving…">
          {entry ? 'Save changes' : 'Save entry'}
        </SubmitButton>
        {onCancel ? (
          <button type="button" class="button" onClick={onCancel}>
            Keep it as it was
          </button>
        ) : null}
      </div>
      <p role="status" class="for-me-status">
        {status}
      </p>
    </form>
  );
}
