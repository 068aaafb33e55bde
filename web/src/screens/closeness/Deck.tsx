import { useId, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { DEPTH_LABELS, type Depth } from './words';

async function loadDeck() {
  const [deck, overview] = await Promise.all([api('closeness.deck'), api('closeness.overview')]);
  return { questions: deck.questions, themes: overview.themes };
}

const DEPTHS = Object.keys(DEPTH_LABELS) as Depth[];

/** /closeness/deck: every question, by theme and depth, to read. Nothing here is answered. */
export function Deck() {
  const id = useId();
  const { data, failed } = useResource(loadDeck);
  const [theme, setTheme] = useState('');
  const [depth, setDepth] = useState<Depth | ''>('');

  const title = <PageTitle title="All the questions">All the questions</PageTitle>;
  if (!data)
    return (
      <section class="closeness">
        {title}
        {failed ? <p role="alert">The questions could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const shown = data.questions.filter((q) => (!theme || q.theme === theme) && (!depth || q.depth === depth));
  const themes = data.themes.filter((t) => !theme || t.id === theme);
  return (
    <section class="closeness">
      {title}
      <p class="lead">
        Every question Attune may ask, to read at your own pace. The question of the day comes from these; you answer it on the
        Closeness page.
      </p>
      <div class="deck-filters">
        <div class="field">
          <label for={`${id}-theme`}>Theme</label>
          <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">All themes</option>
            {data.themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-depth`}>Depth</label>
          <select
            id={`${id}-depth`}
            value={depth}
            onChange={(e) => setDepth((e.currentTarget as HTMLSelectElement).value as Depth | '')}
          >
            <option value="">Every depth</option>
            {DEPTHS.map((d) => (
              <option key={d} value={d}>
                {DEPTH_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" class="hint">
        {shown.length === 1 ? '1 question' : `${shown.length} questions`}
      </p>
      {themes.map((t) => {
        const questions = shown.filter((q) => q.theme === t.id);
        if (questions.length === 0) return null;
        return (
          <section key={t.id} aria-labelledby={`${id}-${t.id}`} class="deck-theme">
            <h2 id={`${id}-${t.id}`}>{t.name}</h2>
            <p class="hint">{t.about}</p>
            <ul class="deck-list">
              {questions.map((q) => (
                <li key={q.id}>
                  <span class="deck-question">{q.text}</span> <span class="tag">{DEPTH_LABELS[q.depth]}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p>
        <a href="/closeness">Back to Closeness</a>
      </p>
    </section>
  );
}
