import { listenFor, liveChanges } from '../../lib/live';
import { outboxFlushed } from '../../lib/outbox';

// The Act screens fetch again when the partner's side changes (events carry ids and kinds only)
// and when writes kept offline have gone through.

export const APPRECIATION_ADDED = 'appreciation.added';
const LIVE_KINDS = ['commitment.changed', 'log.changed', 'ack.changed', APPRECIATION_ADDED, 'space.changed'];
for (const kind of LIVE_KINDS) listenFor(kind);

/** A number that changes whenever something the Act screens show may have changed. */
export function useLiveVersion(): number {
  const changes = liveChanges.value;
  return LIVE_KINDS.reduce((n, k) => n + (changes[k] ?? 0), 0) + outboxFlushed.value;
}
