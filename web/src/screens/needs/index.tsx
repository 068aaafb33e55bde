import { NEED_CHANGED } from '../../../../src/domain/needs';
import { type AgreementView, api, type NeedList, type NeedView } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../lib/dates';
import { useResource } from '../../lib/use-resource';
import { History } from './History';
import { NeedCard } from './NeedCard';
import { WriteNeed } from './WriteNeed';
import './needs.css';

interface Loaded {
  list: NeedList;
  agreements: AgreementView[];
  partnerName: string;
}

async function loadNeeds(): Promise<Loaded> {
  const [list, agreements, space] = await Promise.all([api('needs.list'), api('agreements.list'), api('spaces.get')]);
  return { list, agreements: agreements.agreements, partnerName: space.partner?.name ?? 'Your partner' };
}

function AgreementCard({ agreement, partnerName }: { agreement: AgreementView; partnerName: string }) {
  const { wording, need } = agreement;
  return (
    <li class="card">
      {wording ? (
        <p class="agreed-words">{wording.text}</p>
      ) : (
        <p class="need-meta">
          The agreed words were written by someone who no longer shares a space with you, so they are not shown here.
        </p>
      )}
      <p class="need-meta">
        Agreed {formatDate(agreement.agreedAt)}
        {wording ? ` · in ${wording.byMe ? 'your' : `${partnerName}'s`} words` : ''}
      </p>
      {wording && wording.text !== need.text ? (
        <p class="need-meta">
          It began as {need.mine ? 'your' : `${partnerName}'s`} need: <q class="history-words">{need.text}</q>
        </p>
      ) : null}
      <History need={need} partnerName={partnerName} />
      {wording ? (
        <p>
          <a class="button" href={`/act/new?agreement=${encodeURIComponent(agreement.id)}`}>
            Turn this into a commitment<span class="visually-hidden">: {wording.text}</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** Step 3, Needs: write a need with the coach, share it, answer each other, and keep what you agree. */
export default function Needs() {
  // Coming back to the tab shows the partner's latest answers; their answers (and a closed space)
  // also arrive live.
  const { data, failed, reload } = useResource(loadNeeds, {
    refetchOnVisible: true,
    liveKinds: [NEED_CHANGED, 'space.changed'],
  });

  const title = <PageTitle title="Needs">Needs</PageTitle>;
  if (!data)
    return (
      <section class="needs">
        {title}
        {failed ? <p role="alert">Your needs could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { list, agreements, partnerName } = data;
  const refresh = () => void reload();
  const open = list.needs.filter((n) => n.state !== 'agreed');
  const waitingOnMe = open.filter((n) => n.waitingOn === 'me' && !n.fromEarlierSpace);
  const drafts = open.filter((n) => n.state === 'draft');
  const inProgress = open.filter((n) => n.state !== 'draft' && !waitingOnMe.includes(n));
  const card = (n: NeedView) => (
    <NeedCard
      key={`${n.id}-${n.state}-${n.editedAt ?? ''}`}
      need={n}
      partnerName={partnerName}
      hasPartner={list.hasPartner}
      onChange={refresh}
    />
  );

  return (
    <section class="needs">
      {title}
      <p class="lead">
        Say clearly what would help you feel supported, as things that can be done. Each of you can write needs, and each need is
        answered by the other.
      </p>
      {list.hasPartner ? null : (
        <p class="note">
          You can write needs now and keep them private. Sharing them waits until your partner joins your space.{' '}
          <a href="/invite">Invite your partner</a>
        </p>
      )}
      <WriteNeed onSaved={refresh} />

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for your answer</h2>
        {waitingOnMe.length ? (
          <ul class="need-list">{waitingOnMe.map(card)}</ul>
        ) : (
          <p class="hint">Nothing is waiting for you.</p>
        )}
      </section>

      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Your drafts</h2>
        {drafts.length ? (
          <ul class="need-list">{drafts.map(card)}</ul>
        ) : (
          <p class="hint">No drafts. What you write above is kept here until you share it.</p>
        )}
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Shared and in progress</h2>
        {inProgress.length ? <ul class="need-list">{inProgress.map(card)}</ul> : <p class="hint">Nothing here yet.</p>}
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Your agreements</h2>
        {agreements.length ? (
          <ul class="need-list">
            {agreements.map((a) => (
              <AgreementCard key={a.id} agreement={a} partnerName={partnerName} />
            ))}
          </ul>
        ) : (
          <p class="hint">When one of you accepts a need, it becomes an agreement and is kept here, with how you got there.</p>
        )}
      </section>
      {list.truncated ? <p class="hint">Only your most recent needs are shown.</p> : null}
    </section>
  );
}
