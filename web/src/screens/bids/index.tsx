import { api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { useResource } from '../../lib/use-resource';
import { BidItem } from './BidItem';
import { LogForm } from './LogForm';
import { ResearchNote } from './ResearchNote';
import { Weeks } from './Weeks';
import './bids.css';

// Bids and affection: a private log. The server publishes no live event about bids (no one else may
// hear of them), so this screen fetches again when it comes back into view, for the author's other tabs.

async function loadBids() {
  const [list, summary, space] = await Promise.all([
    api('bids.list'),
    api('bids.summary', { query: { weeks: '12' } }),
    api('spaces.get'),
  ]);
  return { list, summary, partnerName: space.partner?.name ?? 'your partner' };
}

/** Step 4, Act: my own log of affection and bids, and how my bids were met over the weeks. */
export default function Bids() {
  const { data, failed, reload } = useResource(loadBids, { refetchOnVisible: true });

  const title = <PageTitle title="Bids and affection">Bids and affection</PageTitle>;
  if (!data)
    return (
      <section class="bids">
        {title}
        {failed ? <p role="alert">Your log could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { list, summary, partnerName } = data;
  const refresh = () => void reload();
  return (
    <section class="bids">
      {title}
      <p class="private-note">Only you can see this page. Nothing you log here reaches {partnerName} in any form.</p>
      <p class="lead">
        A quiet place to notice the small moments: the affection you show, and the times you reach out to {partnerName}.
      </p>
      <LogForm partnerName={partnerName} onLogged={refresh} />

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Your last two weeks</h2>
        <details class="bid-help">
          <summary>What the three choices mean</summary>
          <ul>
            <li>
              <strong>Turned toward:</strong> {partnerName} noticed and answered, even briefly, with a word, a look or a smile.
            </li>
            <li>
              <strong>Turned away:</strong> the moment was missed or passed by. Often that is not on purpose.
            </li>
            <li>
              <strong>Turned against:</strong> the answer was irritated, dismissive or unkind.
            </li>
          </ul>
          <p>
            If answers like that leave you afraid, <a href="/safety">your private safety check</a> and{' '}
            <a href="/help">help now</a> are there for you.
          </p>
        </details>
        {list.bids.length ? (
          <ul class="bid-list">
            {list.bids.map((b) => (
              <BidItem key={`${b.id}-${b.updatedAt}`} bid={b} partnerName={partnerName} onChange={refresh} />
            ))}
          </ul>
        ) : (
          <p class="hint">Nothing logged in the last two weeks. What you log above appears here, just for you.</p>
        )}
        {list.truncated ? <p class="hint">Only your most recent moments are shown.</p> : null}
      </section>

      <section aria-labelledby="weeks-heading">
        <h2 id="weeks-heading">How your bids were met</h2>
        <Weeks summary={summary} partnerName={partnerName} />
        <ResearchNote partnerName={partnerName} />
      </section>
    </section>
  );
}
