import { useState } from 'preact/hooks';
import { api, type CheckinView } from '../../api/client';
import { FormAlert, useForm } from '../../components/form';
import { CheckinSummary, Replies } from './CheckinSummary';
import { formatShortDay } from './format';

function RecentItem({ checkin, partnerName, onChange }: { checkin: CheckinView; partnerName: string; onChange: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const form = useForm();
  const day = formatShortDay(checkin.date);
  return (
    <li class="card recent-checkin">
      <h3>
        {day}
        <span class="tag">{checkin.visibility === 'couple' ? `Shared with ${partnerName}` : 'Just you'}</span>
      </h3>
      <CheckinSummary checkin={checkin} />
      <Replies replies={checkin.replies} partnerName={partnerName} />
      <FormAlert message={form.message} />
      {confirming ? (
        <div class="button-row">
          <button
            type="button"
            class="button danger"
            disabled={form.pending}
            onClick={() =>
              void form.run(async () => {
                await api.deleteCheckin(checkin.id);
                onChange();
              })
            }
          >
            Yes, delete it
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" class="link-button" onClick={() => setConfirming(true)}>
          Delete<span class="visually-hidden"> the check-in of {day}</span>
        </button>
      )}
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
