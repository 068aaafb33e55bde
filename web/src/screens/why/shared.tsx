import { CAUSES, type CauseId, causeLabel, isCauseId } from '../../../../src/domain/causes';
import { ApiError, type CausesView } from '../../api/client';
import type { FormState } from '../../components/form';

export type MarkSet = CausesView['mine']['marks'];

export function labelOf(id: string): string {
  return isCauseId(id) ? causeLabel(id) : id;
}

/** What a form here says when its work failed: a field's problem in its own words, else the message. */
export function problemOf(form: FormState): string | null {
  return Object.values(form.fields)[0] ?? form.message;
}

/** Why this step could not load, in the API's words when it gave some. */
export function loadProblem(err: unknown): string {
  return err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : 'Something went wrong. Please try again.';
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
