import { useId, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { isReauthRequired, PasswordAgain, useIdleClose } from '../../components/PasswordAgain';
import { useResource } from '../../lib/use-resource';
import { EntryForm } from './EntryForm';
import { EntryItem } from './EntryItem';
import type { Entry, Guard, Prompt } from './words';
import './for-me.css';

// "For me": the private journal. Nothing here publishes an event or a notification, and nothing is
// fetched on anyone else's behalf. Its routes ask for the password again after 15 idle minutes; the
// screen then asks in place and, once it is given, finishes what the person was doing.

type Journal =
  | { kind: 'open'; entries: Entry[]; more: boolean; before: string | null; q: string }
  | { kind: 'locked' }
  | { kind: 'failed' };

/** Why the password is asked: on arrival, or in the middle of something (which is kept). */
type Lock = null | 'arrival' | 'lapsed';

export default function ForMe() {
  const id = useId();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [lock, setLock] = useState<Lock>(null);
  const retry = useRef<(() => void) | null>(null);
  const more = useForm();

  const loadJournal = async (): Promise<Journal> => {
    try {
      const page = await api('journal.list', q ? { query: { q } } : undefined);
      return { kind: 'open', entries: page.entries, more: page.more, before: page.before, q };
    } catch (err) {
      if (isReauthRequired(err)) return { kind: 'locked' };
      if (err instanceof ApiError && err.status === 401) throw err;
      return { kind: 'failed' };
    }
  };
  const journal = useResource(loadJournal, { key: [q] });
  const prompts = useResource(() => api('journal.prompts')).data?.prompts ?? [];

  const locked = lock !== null || journal.data?.kind === 'locked';
  const open = journal.data?.kind === 'open' ? journal.data : null;

  const guard: Guard = async (work, again) => {
    try {
      await work();
    } catch (err) {
      if (!isReauthRequired(err)) throw err;
      retry.current = again;
      setLock('lapsed');
    }
  };
  const opened = () => {
    const again = retry.current;
    retry.current = null;
    setLock(null);
    if (again) again();
    else void journal.reload();
  };

  // A quiet spell closes the journal on screen too, so it does not sit open on an unattended device.
  useIdleClose(!locked && open !== null, () => setLock('lapsed'));

  const put = (change: (entries: Entry[]) => Entry[], next?: { more: boolean; before: string | null }) => {
    if (open) journal.set({ ...open, ...next, entries: change(open.entries) });
  };
  const showOlder = () =>
    void more.run(() =>
      guard(async () => {
        // A search says where it stopped looking, which may be past the last entry it found.
        const before = open?.before ?? open?.entries[open.entries.length - 1]?.id;
        if (!open || !before) return;
        const page = await api('journal.list', { query: { ...(open.q ? { q: open.q } : {}), before } });
        put((entries) => [...entries, ...page.entries.filter((e) => !entries.some((x) => x.id === e.id))], page);
      }, showOlder),
    );
  const promptOf = (promptId: string | null) => prompts.find((p) => p.id === promptId);

  return (
    <article class="for-me">
      <PageTitle title="For me">For me</PageTitle>
      <p class="private-note">Only you can see this. Nothing here is ever shown or signalled to your partner.</p>
      {journal.data === null ? <Loading /> : null}
      {journal.data?.kind === 'failed' ? (
        <p role="alert">Your journal could not load. Please check your connection and try again.</p>
      ) : null}
      {locked ? (
        <PasswordAgain
          intro={
            lock === 'lapsed'
              ? 'For me closed itself after a quiet spell, in case someone else picked up this device. What you were doing is kept, and finishes once you enter your password.'
              : 'For me is yours alone, so it asks for your password again, in case someone else has this device. It stays open while you use it, and closes after 15 minutes without a visit.'
          }
          submitLabel={lock === 'lapsed' ? 'Continue' : 'Open For me'}
          pendingLabel="Opening…"
          focus={lock === 'lapsed'}
          onOpened={opened}
        />
      ) : null}
      <div hidden={locked || !open}>
        <p class="lead">
          A private place to write about yourself: what you feel, what you need, what you did for yourself. There is nothing to
          keep up with. Write when it helps.
        </p>

        <section aria-labelledby={`${id}-write`}>
          <h2 id={`${id}-write`}>Write</h2>
          <EntryForm
            prompt={prompt}
            onClearPrompt={() => setPrompt(null)}
            guard={guard}
            onSaved={(entry) => put((entries) => [entry, ...entries.filter((e) => e.id !== entry.id)])}
          />
        </section>

        {prompts.length ? (
          <section aria-labelledby={`${id}-prompts`}>
            <h2 id={`${id}-prompts`}>Something to write about</h2>
            <p>If a blank page feels like a lot, a prompt may help. Choosing one starts an entry answering it.</p>
            <details class="prompts">
              <summary>See the prompts</summary>
              <ul class="prompt-list">
                {prompts.map((p) => (
                  <li key={p.id}>
                    <button type="button" class="prompt-button" aria-pressed={prompt?.id === p.id} onClick={() => setPrompt(p)}>
                      {p.text}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          </section>
        ) : null}

        <section aria-labelledby={`${id}-entries`}>
          <h2 id={`${id}-entries`}>Your entries</h2>
          <form
            class="journal-search"
            onSubmit={(e) => {
              e.preventDefault();
              setQ(search.trim());
            }}
          >
            <label for={`${id}-q`}>Search your entries</label>
            <div class="search-row">
              <input
                id={`${id}-q`}
                type="search"
                maxLength={100}
                value={search}
                onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
              />
              <button type="submit" class="button">
                Search
              </button>
            </div>
          </form>
          {open?.q ? (
            <p role="status">
              {open.entries.length > 0
                ? `Entries with “${open.q}”, newest first.`
                : open.more
                  ? `No entries with “${open.q}” among your most recent ones.`
                  : `No entries with “${open.q}”.`}{' '}
              <button
                type="button"
                class="link-button"
                onClick={() => {
                  setSearch('');
                  setQ('');
                }}
              >
                Show all entries
              </button>
            </p>
          ) : null}
          {open && !open.q && open.entries.length === 0 ? (
            <p class="hint">Nothing here yet. What you write stays here, for you alone.</p>
          ) : null}
          {open?.entries.length ? (
            <ul class="entry-list">
              {open.entries.map((entry) => (
                <EntryItem
                  key={entry.id}
                  entry={entry}
                  prompt={promptOf(entry.promptId)}
                  guard={guard}
                  onChanged={(saved) => put((entries) => entries.map((e) => (e.id === saved.id ? saved : e)))}
                  onDeleted={(gone) => put((entries) => entries.filter((e) => e.id !== gone))}
                />
              ))}
            </ul>
          ) : null}
          <FormAlert message={more.message} />
          {open?.more ? (
            <button type="button" class="button" disabled={more.pending} onClick={showOlder}>
              {open.q ? 'Search older entries' : 'Show older'}
            </button>
          ) : null}
        </section>
      </div>
      <p class="for-me-leave">
        <a class="button" href="/">
          Leave this page
        </a>
      </p>
    </article>
  );
}
