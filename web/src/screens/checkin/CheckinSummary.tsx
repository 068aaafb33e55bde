import type { CheckinReplyView, CheckinView } from '../../api/client';
import { formatDateTime } from '../../lib/dates';
import { moodLabel, replyWords } from './format';

/** The numbers, mood and line of one check-in, as a short description list. */
export function CheckinSummary({ checkin }: { checkin: CheckinView }) {
  return (
    <>
      <dl class="checkin-figures">
        <div>
          <dt>Connected</dt>
          <dd>{checkin.connected} out of 10</dd>
        </div>
        <div>
          <dt>Heard</dt>
          <dd>{checkin.heard} out of 10</dd>
        </div>
        <div>
          <dt>Mood</dt>
          <dd>{moodLabel(checkin.mood)}</dd>
        </div>
      </dl>
      {checkin.line ? <p class="checkin-line">{checkin.line}</p> : null}
    </>
  );
}

/** Replies to a check-in, oldest first, each saying who sent it. */
export function Replies({ replies, partnerName }: { replies: CheckinReplyView[]; partnerName: string }) {
  if (replies.length === 0) return null;
  return (
    <ul class="checkin-replies" aria-label="Replies">
      {replies.map((r) => (
        <li key={r.id}>
          <span class="reply-who">{r.byMe ? 'You' : partnerName}:</span> {replyWords(r)}{' '}
          <span class="hint">{formatDateTime(r.at)}</span>
        </li>
      ))}
    </ul>
  );
}
