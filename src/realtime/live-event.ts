import type { EventFacts } from '../domain/access-policy.js';
import type { EventKind } from '../domain/event-kinds.js';

/** A change someone may hear about: what kind, about which item, and who may hear it. No words. */
export interface LiveEvent extends EventFacts {
  id: string;
  /** Its place in commit order across every process (migration 0024): the SSE id and the resume cursor. */
  seq: number;
  kind: EventKind;
  subjectId: string | null;
  at: string;
}
