import { CHECKIN_CHANGED, CHECKIN_REPLY } from '../../../../src/domain/checkins';
import { api } from '../../api/client';
import { Loading } from '../../components/lazy';
import { PageTitle } from '../../components/PageTitle';
import { refreshUnread } from '../../lib/unread';
import { useResource } from '../../lib/use-resource';
import { CheckinForm } from './CheckinForm';
import { Replies } from './CheckinSummary';
import { formatDay } from './format';
import { PartnerCheckin } from './PartnerCheckin';
import { Recent } from './Recent';
import './checkin.css';

/**
 * Opening the check-ins shows my partner's shared ones, so the notification entry that told me of
 * them is read now. Only I learn this: read state is never shown to my partner. Best effort.
 */
async function settleSharedNotices(): Promise<void> {
  try {
    const centre = await api('notifications.list');
    const entry = centre.notifications.find((n) => n.kind === 'checkin.shared' && n.readAt === null);
    if (!entry) return;
    await api('notifications.read', { params: { id: entry.id } });
    await refreshUnread();
  } catch {
    // The notification centre still offers to mark it read; nothing here is lost.
  }
}

async function loadCheckins() {
  const [today, recent, space] = await Promise.all([api('checkins.today'), api('checkins.list'), api('spaces.get')]);
  if (today.partners || recent.checkins.some((c) => !c.mine)) void settleSharedNotices();
  return { today, recent, partnerName: space.partner?.name ?? 'Your partner' };
}

/** The daily check-in: thirty seconds for how today felt, my partner's shared one, and my last two weeks. */
export default function Checkin() {
  // A shared check-in, a reply, a closed space, a check-in sent from this device's queue, or the
  // tab coming back (my own check-ins from another tab publish nothing to me): fetch again.
  const { data, failed, reload } = useResource(loadCheckins, {
    liveKinds: [CHECKIN_CHANGED, CHECKIN_REPLY, 'space.changed'],
    refetchOnVisible: true,
    afterOutbox: true,
  });

  const title = <PageTitle title="Daily check-in">Daily check-in</PageTitle>;
  if (!data)
    return (
      <section class="checkin">
        {title}
        {failed ? <p role="alert">Your check-ins could not load. Please check your connection and try again.</p> : <Loading />}
      </section>
    );

  const { today, recent, partnerName } = data;
  const refresh = () => void reload();
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
