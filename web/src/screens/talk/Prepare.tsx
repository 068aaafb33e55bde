import { useEffect, useRef, useState } from 'preact/hooks';
import { TALK_LIMITS } from '../../../../src/domain/conversation';
import { ApiError, api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { signedOut } from '../../lib/session';
import { CoachedStatement } from './coach';
import { FEELINGS, STATEMENT_FORM } from './feelings';

const SAVE_AFTER_MS = 700;

/** Preparing to talk: a private draft, saved as it is written, with the coach and a feelings vocabulary. */
export function Prepare() {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const draftId = useRef<string | null>(null);
  const creating = useRef<Promise<string> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    api('drafts.list')
      .then((list) => {
        const latest = list.drafts[0];
        draftId.current = latest?.id ?? null;
        setText(latest?.text ?? '');
      })
      .catch((err) => {
        if (err instanceof ApiError && err.status === 401) signedOut();
        setText('');
      });
    return () => window.clearTimeout(timer.current);
  }, []);

  const save = async (value: string) => {
    setStatus('saving');
    try {
      if (draftId.current) await api('drafts.save', { params: { id: draftId.current }, body: { text: value } });
      else {
        creating.current ??= api('drafts.create', { body: { text: value } }).then((d) => d.id);
        draftId.current = await creating.current;
      }
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  };

  const onInput = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(value), SAVE_AFTER_MS);
  };

  /** Puts words where the cursor is (or at the end), keeping the rest as it was. */
  const insert = (words: string) => {
    const current = text ?? '';
    const el = box.current;
    const at = el ? el.selectionStart : current.length;
    const end = el ? el.selectionEnd : current.length;
    onInput(current.slice(0, at) + words + current.slice(end));
    el?.focus();
  };

  if (text === null) return <Loading />;
  return (
    <section class="talk">
      <PageTitle title="Prepare what you want to say">Prepare what you want to say</PageTitle>
      <p class="private-mark">Only you can see this.</p>
      <p class="lead">
        Take your time. Write what you want your partner to understand. It is saved as you write, and nothing is shared unless you
        choose to say it.
      </p>
      <div class="note">
        <p>One way to say it that is easier to hear:</p>
        <p>
          <q>{STATEMENT_FORM}</q>
        </p>
        <button type="button" class="button" onClick={() => insert(STATEMENT_FORM)}>
          Start from this form
        </button>
      </div>
      <CoachedStatement
        label="What I want to say"
        hint="Speak about what happened and how you felt. The coach below points out words that may be hard to hear."
        name="draft"
        value={text}
        onInput={onInput}
        coachRole="speaker"
        rows={8}
        maxLength={TALK_LIMITS.draftLength}
        textareaRef={box}
      />
      <p class="hint" aria-live="polite">
        {status === 'saving'
          ? 'Saving…'
          : status === 'saved'
            ? 'Saved. Only you can see this.'
            : status === 'failed'
              ? 'Not saved yet. Please check your connection; we will try again as you write.'
              : ''}
      </p>
      <section aria-labelledby="feelings-heading">
        <h2 id="feelings-heading">Words for feelings</h2>
        <p class="hint">If a word fits, choose it to add it where you are writing.</p>
        {FEELINGS.map((g) => (
          <div class="feeling-group" key={g.group}>
            <h3>{g.group}</h3>
            <ul class="feeling-words">
              {g.words.map((w) => (
                <li key={w}>
                  <button type="button" class="chip" onClick={() => insert(w)}>
                    {w}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <p>
        <a href="/talk">Back to Talk</a>
      </p>
    </section>
  );
}
