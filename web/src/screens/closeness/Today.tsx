import { api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { formatDay } from '../checkin/format';
import { Earlier, Held } from './Earlier';
import { PairBody } from './PairBody';
import { ThemePicker } from './ThemePicker';
import { CLOSENESS_LIVE, DEPTH_LABELS, type Overview } from './words';

interface Loaded {
  overview: Overview;
  partnerName: string | null;
  concern: boolean;
}

async function loadCloseness(): Promise<Loaded> {
  const [overview, space, safety] = await Promise.all([
    api('closeness.overview'),
    api('spaces.get'),
    api('safety.get').catch(() => null),
  ]);
  return { overview, partnerName: space.partner?.name ?? null, concern: safety?.concern ?? false };
}

/** /closeness: today's question, answered privately and shown to both once both have answered. */
export function Today() {
  // A reveal, a reaction or reply, a theme, a partner joining: live. My own answer from another tab
  // publishes nothing to me, so the screen also fetches again when the tab comes back.
  const { data, failed, reload, set } = useResource(loadCloseness, { liveKinds: CLOSENESS_LIVE, refetchOnVisible: true });

  const title = <PageTitle title="Closeness">Closeness</PageTitle>;
  if (!data)
    return (
      <section class="closeness">
        {title}
        {failed ? <p role="alert">Today’s question could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { overview, partnerName, concern } = data;
  const today = overview.today;
  const refresh = () => void reload();
  return (
    <section class="closeness">
      {title}
      {concern ? (
        <div class="note">
          <p>
            Your safety comes first. If you feel afraid or controlled, talking to someone outside the relationship can help.{' '}
            <a href="/help">Get help now</a>
          </p>
          <p>Nothing here has to be answered. You can leave these questions for another time.</p>
        </div>
      ) : null}
      <p class="lead">
        A question a day, to know each other as you are now. Each of you answers on your own; the answers appear together once you
        have both answered.
      </p>

      <section aria-labelledby="today-heading" class="card today-question">
        <h2 id="today-heading">Today’s question</h2>
        <p class="hint">
          {formatDay(today.day)} · {overview.themes.find((t) => t.id === today.question.theme)?.name ?? today.question.theme} ·{' '}
          {DEPTH_LABELS[today.question.depth]}
        </p>
        <p class="question-text">{today.question.text}</p>
        <PairBody key={today.question.id} pair={today} partnerName={partnerName} isToday onChange={refresh} />
      </section>

      {partnerName === null ? (
        <p class="note">
          For now you are answering for yourself. When a partner joins, the answers you wrote alone stay private unless you choose
          to share them. <a href="/invite">Invite your partner</a>
        </p>
      ) : (
        <Held overview={overview} partnerName={partnerName} onShared={refresh} />
      )}

      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading">Earlier questions</h2>
        <Earlier overview={overview} />
      </section>

      <ThemePicker overview={overview} onSaved={(next) => set({ ...data, overview: next })} />

      <section aria-labelledby="deeper-heading">
        <h2 id="deeper-heading">How deeper questions come</h2>
        <p>
          Questions start light. As the two of you answer more of them together, some days bring a question that goes a little
          deeper. There is no pace to keep: a day without an answer changes nothing, and any question can wait.
        </p>
      </section>

      <section aria-labelledby="more-heading">
        <h2 id="more-heading">More for closeness</h2>
        <ul class="plain-list link-list">
          <li>
            <a href="/closeness/deck">Browse all the questions</a>
          </li>
          <li>
            <a href="/closeness/rituals">Small rituals of connection</a>
          </li>
        </ul>
      </section>

      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}
