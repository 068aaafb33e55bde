import type { AppDeps } from '../../deps.js';
import { bothRevealed, CAUSES, type CauseComparison, compareCauses } from '../../domain/causes.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import { fromDbTime } from '../../shared/time.js';
import type { MarkSet } from './causes.schema.js';
import { marksContext, understandingContext } from './causes.service.js';

// What a reader from outside the couple (their therapist, their summary) may read of step 2, Why:
// only what the partners themselves can see of each other. A set is a private item until its author
// reveals it, so an unrevealed set is never read at all; and (the rule of this step) marks and the
// parts of the shared understanding are shown only once BOTH have revealed. Before that there is
// nothing shared to show, and this says only whether each has revealed, as each partner sees it.

export interface CoupleCauseSet {
  id: string;
  authorId: string;
  revealedAt: string;
  /** Once both revealed: what this person marked, with labels for the listed causes. */
  marks: {
    causes: { id: string; label: string; note: string | null }[];
    ownWords: { text: string; note: string | null }[];
  } | null;
  /** Once both revealed: this person's own part of the shared understanding, and when they last wrote it. */
  understanding: string | null;
  understandingAt: string | null;
}

export interface CoupleCauses {
  bothRevealed: boolean;
  /** The revealed sets (one per partner who revealed), in the order of the couple's members. */
  sets: CoupleCauseSet[];
  comparison: CauseComparison | null;
}

const label = (id: string) => CAUSES.find((c) => c.id === id)?.label ?? id;

/** The causes of the couple's space as the partners see each other's, never an unrevealed mark. */
export async function coupleCauses(deps: AppDeps, couple: Couple): Promise<CoupleCauses> {
  if (couple.memberIds.length !== 2) return { bothRevealed: false, sets: [], comparison: null };
  const rows = (
    await deps.db
      .selectFrom('cause_sets')
      .select([
        'id',
        'author_id',
        'space_id',
        'visibility',
        'marks_sealed',
        'revealed_at',
        'understanding_sealed',
        'understanding_updated_at',
      ])
      .where('space_id', '=', couple.spaceId)
      .where('visibility', '=', 'couple')
      .where('revealed_at', 'is not', null)
      .where('author_id', 'in', [...couple.memberIds])
      .execute()
  ).filter((r) => isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }));
  const ordered = couple.memberIds.flatMap((id) => rows.filter((r) => r.author_id === id));
  const both = bothRevealed(ordered.length > 0, ordered.length > 1);
  const sets: CoupleCauseSet[] = [];
  const opened: MarkSet[] = [];
  for (const row of ordered) {
    const marks = both
      ? (JSON.parse(await deps.sealer.open(row.author_id, marksContext(row.id), row.marks_sealed)) as MarkSet)
      : null;
    if (marks) opened.push(marks);
    sets.push({
      id: row.id,
      authorId: row.author_id,
      revealedAt: fromDbTime(row.revealed_at as string).toISOString(),
      marks: marks
        ? { causes: marks.causes.map((m) => ({ id: m.id, label: label(m.id), note: m.note })), ownWords: marks.ownWords }
        : null,
      understanding:
        both && row.understanding_sealed !== null
          ? await deps.sealer.open(row.author_id, understandingContext(row.id), row.understanding_sealed)
          : null,
      understandingAt:
        both && row.understanding_updated_at !== null ? fromDbTime(row.understanding_updated_at).toISOString() : null,
    });
  }
  const [first, second] = opened;
  return {
    bothRevealed: both,
    sets,
    comparison:
      first && second
        ? compareCauses(
            first.causes.map((m) => m.id),
            second.causes.map((m) => m.id),
          )
        : null,
  };
}
