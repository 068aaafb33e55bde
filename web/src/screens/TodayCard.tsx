import { api, type HomeToday } from '../api/client';
import type { EventKind } from '../lib/live';
import { useResource } from '../lib/use-resource';

// Home's "Today": what is waiting in the log and whether I have checked in, from one request
// (the today.get route). Counts only, never words. When the person's own safety answers raise
// concern, the joint parts stay out and only what is theirs alone is offered; the question of the
// day is then not offered at all (the server sends none).

const LIVE_KINDS: readonly EventKind[] = ['log.changed', 'ack.changed', 'checkin.changed', 'commitment.changed', 'pulse.changed'];

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{n}', String(n)));

/** Home's one request (today.get), reloaded live; null until it loads, and null if it cannot. */
export function useHomeToday(): HomeToday | null {
  return useResource(() => api('today.get').catch(() => null), { liveKinds: LIVE_KINDS }).data ?? null;
}

export function TodayCard({
  partnerName,
  concern,
  today,
}: {
  partnerName: string | null;
  concern: boolean;
  today: HomeToday | null;
}) {
  // Nothing is shown until it loads, and nothing if it cannot: the rest of home still works.
  if (!today) return null;

  const { act, checkins } = today;
  const joint = !concern && partnerName !== null;
  return (
    <div class="card today">
      <h2>Today</h2>
      <ul class="plain-list">
        {joint && act.toMark.length > 0 ? (
          <li>
            <a href="/act">{plural(act.toMark.length, 'One thing of yours to mark', '{n} things of yours to mark')}</a>
          </li>
        ) : null}
        {joint && act.toAcknowledge.length > 0 ? (
          <li>
            <a href="/act">
              {plural(
                act.toAcknowledge.length,
                `Something ${partnerName} did for you, waiting for you to look`,
                `{n} things ${partnerName} did for you, waiting for you to look`,
              )}
            </a>
          </li>
        ) : null}
        <li>
          {checkins.mine ? (
            <a href="/checkin">You checked in today. You can change it until the day ends.</a>
          ) : (
            <a href="/checkin">How was today? A thirty-second check-in</a>
          )}
        </li>
        {joint && checkins.partners ? (
          <li>
            <a href="/checkin">{partnerName} shared how today went</a>
          </li>
        ) : null}
        {today.closeness && !today.closeness.answered && !today.closeness.skipped ? (
          <li>
            <a href="/closeness">Today’s question: {today.closeness.text}</a>
          </li>
        ) : null}
        {today.pulse.answered ? null : (
          <li>
            <a href="/pulse">This week’s trust pulse, about a minute</a>
          </li>
        )}
        <li>
          <a href="/bids">Moments of reaching out, just for you</a>
        </li>
      </ul>
    </div>
  );
}
