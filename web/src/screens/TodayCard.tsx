import { useEffect, useState } from 'preact/hooks';
import { api, type HomeToday } from '../api/client';
import { listenFor, liveChanges } from '../lib/live';

// Home's "Today": what is waiting in the log and whether I have checked in, from one request
// (GET /api/v1/today). Counts only, never words. When the person's own safety answers raise
// concern, the joint parts stay out and only what is theirs alone is offered.

const LIVE_KINDS = ['log.changed', 'ack.changed', 'checkin.changed', 'commitment.changed', 'pulse.changed'];
for (const kind of LIVE_KINDS) listenFor(kind);

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{n}', String(n)));

export function TodayCard({ partnerName, concern }: { partnerName: string | null; concern: boolean }) {
  const [today, setToday] = useState<HomeToday | null>(null);
  const changes = liveChanges.value;
  const version = LIVE_KINDS.reduce((n, k) => n + (changes[k] ?? 0), 0);
  useEffect(() => {
    api.homeToday().then(setToday, () => setToday(null));
  }, [version]);
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
