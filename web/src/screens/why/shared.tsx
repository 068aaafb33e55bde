import { CAUSES, type CauseId, causeLabel, isCauseId } from '../../../../src/domain/causes';
import { ApiError, type CausesView } from '../../api/client';
import { signedOut } from '../../lib/session';

export type MarkSet = CausesView['mine']['marks'];

export function labelOf(id: string): string {
  return isCauseId(id) ? causeLabel(id) : id;
}

/** A message for any failure; field problems are named by their own message. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) signedOut();
    return err.fields[0]?.message ?? err.message;
  }
  return 'Something went wrong. Please try again.';
}

export function isEmpty(marks: MarkSet): boolean {
  return marks.causes.length === 0 && marks.ownWords.length === 0;
}

/** One person's marks, read-only: list items in the list's order, then their own words. */
export function MarkedList({ marks, label }: { marks: MarkSet; label: string }) {
  const order = new Map<string, number>(CAUSES.map((c, i) => [c.id, i]));
  const causes = [...marks.causes].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
  if (isEmpty(marks)) return <p class="hint">Nothing marked.</p>;
  return (
    <ul class="marked" aria-label={label}>
      {causes.map((m) => (
        <li key={m.id}>
          {labelOf(m.id)}
          {m.note ? <p class="mark-note">{m.note}</p> : null}
        </li>
      ))}
      {marks.ownWords.map((w, i) => (
        <li key={`own-${i}`}>
          <span class="part-text">{w.text}</span> <span class="tag">In their own words</span>
          {w.note ? <p class="mark-note">{w.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export type { CauseId };
