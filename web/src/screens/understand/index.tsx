import { api } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/use-resource';
import NotFound from '../NotFound';
import { CheckIn } from './CheckIn';
import { History } from './History';
import { LEARN_PAGES, LearnPage, type LearnSlug } from './learn';
import { OnlyYou } from './OnlyYou';
import './understand.css';

async function loadLast(): Promise<{ count: number; at: string | null }> {
  const list = await api('understand.selfChecks.list');
  return { count: list.selfChecks.length, at: list.selfChecks[0]?.createdAt ?? null };
}

function Overview() {
  // null while loading, and when the history could not load (the page still works without it).
  const { data: last } = useResource(loadLast);
  return (
    <section class="narrow-text">
      <PageTitle title="Understand">Understand</PageTitle>
      <p class="lead">
        This step is just for you. It is a quiet place to learn what emotional neglect can look like and what it can do, and to
        check in with yourself.
      </p>
      <h2>Learn</h2>
      <ul class="plain-list learn-items">
        {LEARN_PAGES.map((p) => (
          <li key={p.slug} class="card">
            <h3>
              <a href={`/understand/${p.slug}`}>{p.title}</a>
            </h3>
            <p>{p.blurb}</p>
          </li>
        ))}
      </ul>
      <section class="card next" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">Check in with yourself</h2>
        <OnlyYou />
        <p>
          Nine short statements about what you may have noticed and how it has affected you, each rated from "not at all" to "very
          much". It takes a few minutes. Check in again later to see how things change.
        </p>
        {last && last.count > 0 && last.at ? (
          <p>
            Your last check-in was on {formatDate(last.at)}.{' '}
            <a href="/understand/history">
              See your check-ins <span class="visually-hidden">({last.count})</span>
            </a>
          </p>
        ) : null}
        <p>
          <a class="button primary" href="/understand/check-in">
            {last && last.count > 0 ? 'Check in again' : 'Start a check-in'}
          </a>
        </p>
      </section>
    </section>
  );
}

const LEARN_SLUGS = new Set<string>(LEARN_PAGES.map((p) => p.slug));

/** Step 0, Understand: the learning pages, the private self-check and its history. */
export default function Understand({ page }: { page: string }) {
  if (page === '') return <Overview />;
  if (page === 'check-in') return <CheckIn />;
  if (page === 'history') return <History />;
  if (LEARN_SLUGS.has(page)) return <LearnPage slug={page as LearnSlug} />;
  return <NotFound />;
}
