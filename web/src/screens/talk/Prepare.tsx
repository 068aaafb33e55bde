import { useEffect, useRef, useState } from 'preact/hooks';
import { TALK_LIMITS } from '../../../../src/domain/conversation';
import { insertWords } from '../../../../src/domain/text-insert';
import { ApiError, api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { me, signedOut } from '../../lib/session';
import { clearUnsent, keepUnsent, readUnsent } from '../../lib/unsent';
import { CoachedStatement } from './coach';
import { FEELINGS, STATEMENT_FORM } from './feelings';

const SAVE_AFTER_MS = 700;

/**
 * Preparing to talk: a private draft, saved as it is written, with the coach and a feelings vocabulary.
 * Every change is kept in this tab at once (lib/unsent.ts) until the server has it, so a reload never
 * loses words; a chosen word or form is saved at once, typing 700 ms after it pauses, and whatever is
 * still waiting is sent when the page is hidden or left.
 */
export function Prepare() {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const draftId = useRef<string | null>(null);
  const creating = useRef<Promise<string> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const box = useRef<HTMLTextAreaElement>(null);
  const latest = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const unsentKey = `prepare:${me.value?.id ?? 'anyone'}`;

  const saveNow = (value: string, keepalive = false): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    // One save after another, so an older text never lands after a newer one.
    chain.current = chain.current.then(async () => {
      setStatus('saving');
      try {
        if (draftId.current) await api('drafts.save', { params: { id: draftId.current }, body: { text: value } }, { keepalive });
        else {
          creating.current ??= api('drafts.create', { body: { text: value } }, { keepalive }).then((d) => d.id);
          draftId.current = await creating.current;
        }
        if (latest.current === value) {
          clearUnsent(unsentKey);
          setStatus('saved');
        }
      } catch {
        setStatus('failed');
      }
    });
    return chain.current;
  };

  useEffect(() => {
    api('drafts.list')
      .then((list) => {
        const saved = list.drafts[0];
        draftId.current = saved?.id ?? null;
        const waiting = readUnsent(unsentKey);
        const start = waiting ?? saved?.text ?? '';
        latest.current = start;
        setText(start);
        // Words kept from before a reload that the server never received: save them now.
        if (waiting !== null && waiting !== (saved?.text ?? '')) void saveNow(waiting);
      })
      .catch((err) => {
        if (err instanceof ApiError && err.status === 401) signedOut();
        setText(readUnsent(unsentKey) ?? '');
      });
    // Leaving or hiding the page sends what is still waiting (keepalive lets it finish after unload).
    const flush = () => {
      if (timer.current !== undefined && latest.current !== null) void saveNow(latest.current, true);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  const change = (value: string, at: 'now' | 'soon') => {
    setText(value);
    latest.current = value;
    keepUnsent(unsentKey, value);
    if (at === 'now') void saveNow(value);
    else {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void saveNow(value), SAVE_AFTER_MS);
    }
  };

  /** Puts words where the cursor is (or at the end), as words of their own, keeping the rest as it was. */
  const insert = (words: string) => {
    const current = text ?? '';
    const el = box.current;
    const r = insertWords(current, el ? el.selectionStart : current.length, el ? el.selectionEnd : current.length, words);
    change(r.text, 'now');
    if (el) {
      el.focus();
      // After Preact has put the new text in the box, the cursor goes just after the inserted words.
      requestAnimationFrame(() => el.setSelectionRange(r.cursor, r.cursor));
    }
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
        onInput={(v) => change(v, 'soon')}
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
