import { useState } from 'preact/hooks';
import { MOOD_LABELS, type Mood } from '../../../../src/domain/checkins';
import { api } from '../../api/client';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { FormAlert, useForm } from '../../components/form';
import { formatDateTime } from '../../lib/dates';
import { EntryForm } from './EntryForm';
import type { Entry, Guard, Prompt } from './words';

interface Props {
  entry: Entry;
  prompt: Prompt | undefined;
  guard: Guard;
  onChanged: (entry: Entry) => void;
  onDeleted: (id: string) => void;
}

/** One journal entry, with its prompt, mood and tags; changed or deleted in place. */
export function EntryItem({ entry, prompt, guard, onChanged, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const form = useForm();
  const when = formatDateTime(entry.createdAt);
  const work = async () => {
    await api('journal.delete', { params: { id: entry.id } });
    onDeleted(entry.id);
  };
  const deleteAgain = () => void form.run(() => guard(work, deleteAgain));

  return (
    <li class="card entry">
      <h3 class="entry-when">{when}</h3>
      {prompt ? <p class="entry-prompt">{prompt.text}</p> : null}
      {editing ? (
        <EntryForm
          entry={entry}
          guard={guard}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p class="entry-text">{entry.text}</p>
          {entry.mood || entry.tags.length ? (
            <dl class="entry-meta">
              {entry.mood ? (
                <div>
                  <dt>Mood</dt>
                  <dd>{MOOD_LABELS[entry.mood as Mood] ?? entry.mood}</dd>
                </div>
              ) : null}
              {entry.tags.length ? (
                <div>
                  <dt>Tags</dt>
                  <dd>
                    <ul class="entry-tags">
                      {entry.tags.map((t) => (
                        <li key={t} class="tag">
                          {t}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}
          {entry.updatedAt !== entry.createdAt ? <p class="hint">Changed {formatDateTime(entry.updatedAt)}</p> : null}
          <FormAlert message={form.message} />
          <div class="entry-actions">
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              Edit<span class="visually-hidden"> the entry of {when}</span>
            </button>
            <ConfirmDelete what={`the entry of ${when}`} onConfirm={() => guard(work, deleteAgain)} />
          </div>
        </>
      )}
    </li>
  );
}
