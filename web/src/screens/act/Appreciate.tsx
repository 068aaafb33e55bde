import { useId, useState } from 'preact/hooks';
import { APPRECIATION_ADDED } from '../../../../src/domain/commitments';
import { api } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { queuedWrite } from '../../lib/outbox';
import { useResource } from '../../lib/use-resource';
import { QUEUED_MESSAGE } from './LogItems';
import { dayLabel } from './shared';

const loadRecent = () => api('appreciations.list').then((r) => r.appreciations.slice(0, 10));

/** Something good my partner did that no commitment named: written down, and shown to them. */
export function Appreciate({ partnerName, today }: { partnerName: string; today: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [on, setOn] = useState(today);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm();
  const recent = useResource(loadRecent, { liveKinds: [APPRECIATION_ADDED], afterOutbox: true });
  const list = recent.data ?? [];

  const submit = (e: Event) => {
    e.preventDefault();
    setSaved(null);
    void form.run(async () => {
      const result = await queuedWrite('appreciations.create', { body: { text, on } });
      setSaved(result.sent ? `Saved. ${partnerName} can see it.` : QUEUED_MESSAGE);
      setText('');
      setOpen(false);
      void recent.reload();
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Something good, unasked</h2>
      <p class="hint">
        Not everything that helps was promised. When {partnerName} does something that made a difference, you can note it here.
      </p>
      {open ? (
        <form onSubmit={submit} noValidate>
          <FormAlert message={form.message} />
          <div class="field">
            <label for={`${id}-text`}>What did {partnerName} do?</label>
            <textarea
              id={`${id}-text`}
              rows={3}
              maxLength={500}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </div>
          <div class="field">
            <label for={`${id}-on`}>When</label>
            <input
              id={`${id}-on`}
              type="date"
              max={today}
              value={on}
              onInput={(e) => setOn((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="button-row">
            <button type="submit" class="button primary" disabled={form.pending}>
              {form.pending ? 'Saving…' : 'Save it'}
            </button>
            <button type="button" class="button" onClick={() => setOpen(false)}>
              Not now
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setOpen(true)}>
            Note something good {partnerName} did
          </button>
        </p>
      )}
      <div role="status">{saved}</div>
      {list.length ? (
        <ul class="plain-list appreciations">
          {list.map((a) => (
            <li key={a.id} class="row">
              <p>
                <span class="need-meta">
                  {dayLabel(a.on)} · {a.byMe ? `you noticed ${partnerName}` : `${partnerName} noticed you`}
                </span>
                <br />
                {a.text}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
