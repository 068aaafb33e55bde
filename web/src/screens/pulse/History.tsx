import { api, type PartnerPulseEntry, type PulseHistoryEntry } from '../../api/client';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { scoreWords, shortWeekOf } from './format';

function HistoryItem({ entry, partnerName, onChange }: { entry: PulseHistoryEntry; partnerName: string; onChange: () => void }) {
  const when = shortWeekOf(entry.weekStart);
  return (
    <li class="pulse-week">
      <span class="pulse-week-when">{when}</span>
      <span class="pulse-week-score">{scoreWords(entry.score)}</span>
      <span class="tag">{entry.shared ? `Shared with ${partnerName}` : 'Just you'}</span>
      <ConfirmDelete
        what={`the pulse of the ${when.toLowerCase()}`}
        onConfirm={async () => {
          await api('pulse.delete', { params: { id: entry.id } });
          onChange();
        }}
      />
    </li>
  );
}

/** My pulses of the last 26 weeks, newest first. Weeks without one are left out, not pointed out. */
export function History({
  history,
  partnerName,
  onChange,
}: {
  history: PulseHistoryEntry[];
  partnerName: string;
  onChange: () => void;
}) {
  if (history.length === 0) return <p class="hint">Your scores will gather here, one for each week you answer.</p>;
  return (
    <ul class="plain-list pulse-history">
      {history.map((h) => (
        <HistoryItem key={`${h.id}-${h.score}-${h.shared}`} entry={h} partnerName={partnerName} onChange={onChange} />
      ))}
    </ul>
  );
}

/** The scores my partner chose to share: the score only, never their answers. */
export function PartnerScores({ entries, partnerName }: { entries: PartnerPulseEntry[]; partnerName: string }) {
  if (entries.length === 0)
    return (
      <p class="hint">If {partnerName} chooses to share their weekly score, it will show here. Their answers stay with them.</p>
    );
  return (
    <ul class="plain-list pulse-history">
      {entries.map((e) => (
        <li key={e.week} class="pulse-week">
          <span class="pulse-week-when">{shortWeekOf(e.weekStart)}</span>
          <span class="pulse-week-score">{scoreWords(e.score)}</span>
        </li>
      ))}
    </ul>
  );
}
