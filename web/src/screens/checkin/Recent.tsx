import { api, type CheckinView } from '../../api/client';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { CheckinSummary, Replies } from './CheckinSummary';
import { formatShortDay } from './format';

function RecentItem({ checkin, partnerName, onChange }: { checkin: CheckinView; partnerName: string; onChange: () => void }) {
  const day = formatShortDay(checkin.date);
  return (
    <li class="card recent-checkin">
      <h3>
        {day}
        <span class="tag">{checkin.visibility === 'couple' ? `Shared with ${partnerName}` : 'Just you'}</span>
      </h3>
      <CheckinSummary checkin={checkin} />
      <Replies replies={checkin.replies} partnerName={partnerName} />
      <ConfirmDelete
        what={`the check-in of ${day}`}
        onConfirm={async () => {
          await api('checkins.delete', { params: { id: checkin.id } });
          onChange();
        }}
      />
    </li>
  );
}

/** My own check-ins of the last 14 days, newest first. Nothing is counted and no gap is pointed out. */
export function Recent({
  checkins,
  partnerName,
  onChange,
}: {
  checkins: CheckinView[];
  partnerName: string;
  onChange: () => void;
}) {
  const mine = checkins.filter((c) => c.mine);
  if (mine.length === 0) return <p class="hint">Your check-ins from the last two weeks will be listed here.</p>;
  return (
    <ul class="plain-list recent-list">
      {mine.map((c) => (
        <RecentItem key={`${c.id}-${c.updatedAt}`} checkin={c} partnerName={partnerName} onChange={onChange} />
      ))}
    </ul>
  );
}
