import { PULSE_CHANGED } from '../../../../src/domain/pulse-sharing';
import { api, type PulseOverview } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { scoreWords, weekOf } from './format';
import { History, PartnerScores } from './History';
import { PulseForm } from './PulseForm';
import './pulse.css';

interface Loaded {
  overview: PulseOverview;
  partnerName: string;
}

async function loadPulse(): Promise<Loaded> {
  const [overview, space] = await Promise.all([api('pulse.get'), api('spaces.get')]);
  return { overview, partnerName: space.partner?.name ?? 'Your partner' };
}

/** The weekly trust pulse: a minute once a week for how much I feel I can rely on my partner. */
export default function Pulse() {
  // A pulse changed in another tab, a shared score arrived, or the space changed: fetch again.
  const { data, failed, reload } = useResource(loadPulse, {
    refetchOnVisible: true,
    liveKinds: [PULSE_CHANGED, 'space.changed'],
  });

  const title = <PageTitle title="Weekly trust pulse">Weekly trust pulse</PageTitle>;
  if (!data)
    return (
      <section class="pulse">
        {title}
        {failed ? <p role="alert">Your pulse could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { overview, partnerName } = data;
  const refresh = () => void reload();
  return (
    <section class="pulse">
      {title}
      <p class="lead">
        Once a week, about a minute for how much you feel you can rely on each other. Answer whenever suits you during the week. A
        week you leave out is simply left out.
      </p>
      <p class="note">Your answers are never shown to your partner. Only you decide whether they see your score.</p>

      <section aria-labelledby="pulse-week-heading">
        <h2 id="pulse-week-heading">This week, {weekOf(overview.weekStart)}</h2>
        {overview.mine ? (
          <p class="pulse-score">
            Your score this week: <strong>{scoreWords(overview.mine.score)}</strong>
          </p>
        ) : null}
        <PulseForm key={overview.week} overview={overview} partnerName={partnerName} onSaved={refresh} />
      </section>

      <section aria-labelledby="pulse-history-heading">
        <h2 id="pulse-history-heading">Your recent weeks</h2>
        <History history={overview.history} partnerName={partnerName} onChange={refresh} />
      </section>

      {overview.hasPartner ? (
        <section aria-labelledby="pulse-partner-heading">
          <h2 id="pulse-partner-heading">Scores {partnerName} shared</h2>
          <PartnerScores entries={overview.partnerShared} partnerName={partnerName} />
        </section>
      ) : null}

      <details class="pulse-about">
        <summary>How the score works</summary>
        <p>
          Each statement is rated from 1 to 7. The score is the average rating set on a scale from 0 to 100: all 1s make 0, all 7s
          make 100, and all 4s make 50. One week’s score says little on its own; the direction over several weeks says more.
        </p>
        <p>
          The statements cover four areas: counting on each other, knowing what to expect, being there for feelings, and hope for
          you both.
        </p>
      </details>

      <p>
        <a href="/">Back to home</a>
      </p>
    </section>
  );
}
