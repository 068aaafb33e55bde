// Decision 027: an acknowledgement that answered a "done" which was later taken back.
//
// The receiver's acknowledgement remembers the actor's mark it answered ("answered": done, missed,
// or none). When it answered "done" and that "done" no longer stands (changed to "It didn't happen",
// or taken back), the acknowledgement is kept as the receiver's words about a mark that was
// withdrawn: both partners still see it, said as such, but it is not counted as noticed for that
// occurrence. If the actor marks it done again, the answer stands again. The receiver may answer
// again at any time; an answer given while the mark says missed (or before any mark) counts as it
// always did: a partner may feel care on an occurrence its actor marked missed (feltRate is unchanged).

export type MarkStatus = 'done' | 'missed';

export interface AckFacts {
  noticed: boolean;
  /** The actor's mark when the acknowledgement was last written; null when there was none. */
  answered: MarkStatus | null;
}

/** True when the acknowledgement answered a "done" that no longer stands. */
export function answeredWithdrawnMark(answered: MarkStatus | null, current: MarkStatus | null): boolean {
  return answered === 'done' && current !== 'done';
}

/**
 * What an occurrence gives feltRate as "noticed": null when there is no acknowledgement, or when it
 * answered a withdrawn "done" (it is no answer to the mark that stands); otherwise what it said.
 */
export function noticedFor(ack: AckFacts | null | undefined, current: MarkStatus | null): boolean | null {
  if (!ack) return null;
  if (answeredWithdrawnMark(ack.answered, current)) return null;
  return ack.noticed;
}
