import type { HistoryEntry, NeedView } from '../../api/client';
import { formatDateTime } from '../../lib/dates';

/** Who did what, and when: each step in the words of the person who took it. */
export function History({ need, partnerName }: { need: NeedView; partnerName: string }) {
  const who = (byMe: boolean) => (byMe ? 'You' : partnerName);
  const line = (h: HistoryEntry) => {
    if (h.kind === 'proposal')
      return (
        <>
          {who(h.byMe)} proposed: <q class="history-words">{h.text}</q>
        </>
      );
    if (h.kind === 'decline')
      return (
        <>
          {who(h.byMe)} said no for now, because: <q class="history-words">{h.text}</q>
        </>
      );
    return <>{who(h.byMe)} accepted.</>;
  };
  if (!need.sharedAt && need.history.length === 0) return null;
  return (
    <details class="need-history">
      <summary>
        How you got here ({need.history.length + 1} {need.history.length === 0 ? 'step' : 'steps'})
      </summary>
      <ol>
        <li>
          {need.mine ? 'You' : partnerName} shared the need
          {need.sharedAt ? <span class="need-meta"> · {formatDateTime(need.sharedAt)}</span> : null}
        </li>
        {need.history.map((h) => (
          <li key={h.id}>
            {line(h)} <span class="need-meta">· {formatDateTime(h.at)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
