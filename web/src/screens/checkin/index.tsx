import { useEffect, useState } from 'preact/hooks';
import { CHECKIN_CHANGED, CHECKIN_REPLY } from '../../../../src/domain/checkins';
import { ApiError, api, type CheckinList, type CheckinToday } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { listenFor, liveChanges } from '../../lib/live';
import { outboxFlushed } from '../../lib/outbox';
import { signedOut } from '../../lib/session';
import { CheckinForm } from './CheckinForm';
import { Replies } from './CheckinSummary';
import { formatDay } from './format';
import { PartnerCheckin } from './PartnerCheckin';
import { Recent } from './Recent';
import './checkin.css';

listenFor(CHECKIN_CHANGED);
listenFor(CHECKIN_REPLY);

interface Loaded {
  today: CheckinToday;
  recent: CheckinList;
  partnerName: string;
}

/** The daily check-in: thirty seconds for how today felt, my partner's shared one, and my last two weeks. */
export default function Checkin() {
  const [data, setData] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async () => {
    try {
      const [today, recent, space] = await Promise.all([api.checkinToday(), api.checkins(), api.space()]);
      setData({ today, recent, partnerName: space.partner?.name ?? 'Your partner' });
      setFailed(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) signedOut();
      else setFailed(true);
    }
  };
  useEffect(() => {
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // A shared check-in, a reply, a closed space or a check-in sent from this device's queue: fetch again.
  const changes =
    (liveChanges.value[CHECKIN_CHANGED] ?? 0) +
    (liveChanges.value[CHECKIN_REPLY] ?? 0) +
    (liveChanges.value['space.changed'] ?? 0) +
    outboxFlushed.value;
  useEffect(() => {
    if (changes > 0) void load();
  }, [changes]);

  const title = <PageTitle title="Daily check-in">Daily check-in</PageTitle>;
  if (!data)
    return (
      <section class="checkin">
        {title}
        {failed ? <p role="alert">Your check-ins could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { today, recent, partnerName } = data;
  const refresh = () => void load();
  return (
    <section class="checkin">
      {title}
      <p class="lead">Thirty seconds for how today felt. There are no right answers, and a day without a check-in is fine too.</p>

      <section aria-labelledby="today-heading">
        <h2 id="today-heading">Today, {formatDay(today.date)}</h2>
        <CheckinForm
          key={today.date}
          date={today.date}
          existing={today.mine}
          defaultVisibility={today.defaultVisibility}
          hasPartner={today.hasPartner}
          partnerName={partnerName}
          onSaved={refresh}
        />
        {today.mine && today.mine.replies.length > 0 ? (
          <div class="card my-replies">
            <h3>{partnerName} answered</h3>
            <Replies replies={today.mine.replies} partnerName={partnerName} />
          </div>
        ) : null}
      </section>

      {today.hasPartner ? (
        <section aria-labelledby="partner-heading">
          <h2 id="partner-heading">{partnerName}’s check-in today</h2>
          {today.partners ? (
            <PartnerCheckin key={today.partners.id} checkin={today.partners} partnerName={partnerName} onReplied={refresh} />
          ) : (
            <p class="hint">When {partnerName} shares a check-in for today, it will show here.</p>
          )}
        </section>
      ) : (
        <p class="note">
          Check-ins are just for you until your partner joins. <a href="/invite">Invite your partner</a>
        </p>
      )}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Your last two weeks</h2>
        <Recent checkins={recent.checkins} partnerName={partnerName} onChange={refresh} />
      </section>
    </section>
  );
}
