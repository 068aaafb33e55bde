/**
 * Step 3, Needs: the negotiation of one need, as a pure state machine. No I/O.
 *
 * A need is written by its author and starts as a private draft. Once shared, the other partner
 * answers: accept it as written, propose other wording, or decline with a reason. A proposal is
 * answered by the other side: accept it, or propose again. Whoever is answered last never answers
 * themselves. An accepted need (or proposal) becomes an agreement.
 *
 *   draft ──share──▶ shared ──accept──▶ agreed
 *                      │  ╲──decline──▶ declined ──share (again)──▶ shared
 *                      │
 *                   propose (partner)
 *                      ▼
 *             partner-proposed ◀──propose (partner)── author-proposed
 *                      │ ╲──────propose (author)──────────▶ │
 *           accept-proposal (author)          accept-proposal (partner) / decline (partner)
 *                      ▼                                     ▼
 *                    agreed                             agreed / declined
 *
 * Roles are per need, not per person: either partner can be the author of one need and the
 * partner on another.
 */
import { type Actor, type AuthoredItem, canChangeItem, canSeeItem } from './access-policy.js';
import type { EventKind } from './event-kinds.js';

export type NeedState = 'draft' | 'shared' | 'partner-proposed' | 'author-proposed' | 'agreed' | 'declined';
export type NeedRole = 'author' | 'partner';
export type NeedAction = 'edit' | 'delete' | 'share' | 'accept' | 'propose' | 'decline' | 'accept-proposal';

/** 'not-your-part': the action belongs to the other role now (403). 'not-now': no one can do it in this state (409). */
export type NeedRefusal = 'not-your-part' | 'not-now';

export type NeedOutcome = { ok: true; state: NeedState | 'deleted' } | { ok: false; reason: NeedRefusal };

export const NEED_STATES: readonly NeedState[] = ['draft', 'shared', 'partner-proposed', 'author-proposed', 'agreed', 'declined'];
export const NEED_ACTIONS: readonly NeedAction[] = ['edit', 'delete', 'share', 'accept', 'propose', 'decline', 'accept-proposal'];

/** The live event kind told to whoever may see a need when it changes (ids only, never words). */
export const NEED_CHANGED = 'need.changed' satisfies EventKind;

export const NEED_LIMITS = {
  /** Characters in a need, a proposal or a reason. */
  textLength: 600,
  /** Needs returned by one list. */
  list: 200,
} as const;

type Move = { role: NeedRole; to: NeedState | 'deleted' };

const DELETE: Move = { role: 'author', to: 'deleted' };

/** Who may do what in each state, and where it leads. Anything absent is not possible in that state. */
const TRANSITIONS: Record<NeedState, Partial<Record<NeedAction, Move>>> = {
  draft: {
    edit: { role: 'author', to: 'draft' },
    share: { role: 'author', to: 'shared' },
    delete: DELETE,
  },
  shared: {
    edit: { role: 'author', to: 'shared' },
    accept: { role: 'partner', to: 'agreed' },
    propose: { role: 'partner', to: 'partner-proposed' },
    decline: { role: 'partner', to: 'declined' },
    delete: DELETE,
  },
  'partner-proposed': {
    'accept-proposal': { role: 'author', to: 'agreed' },
    propose: { role: 'author', to: 'author-proposed' },
    delete: DELETE,
  },
  'author-proposed': {
    'accept-proposal': { role: 'partner', to: 'agreed' },
    propose: { role: 'partner', to: 'partner-proposed' },
    decline: { role: 'partner', to: 'declined' },
    delete: DELETE,
  },
  // The words of an agreement stay as they were agreed: a change is a new need.
  agreed: { delete: DELETE },
  declined: {
    edit: { role: 'author', to: 'declined' },
    share: { role: 'author', to: 'shared' },
    delete: DELETE,
  },
};

/** The state after `role` does `action` in `state`, or why they cannot. */
export function nextNeedState(state: NeedState, action: NeedAction, role: NeedRole): NeedOutcome {
  const move = TRANSITIONS[state][action];
  if (!move) return { ok: false, reason: 'not-now' };
  if (move.role !== role) return { ok: false, reason: 'not-your-part' };
  return { ok: true, state: move.to };
}

/** Whose answer the need waits for, if anyone's. */
export function waitingOn(state: NeedState): NeedRole | null {
  if (state === 'shared' || state === 'author-proposed') return 'partner';
  if (state === 'partner-proposed') return 'author';
  return null;
}

/** Shared needs are seen by both; an edit from then on is marked as edited. */
export function isShared(state: NeedState): boolean {
  return state !== 'draft';
}

/** The role the actor plays on a need they may see: its author, or the partner it was shared with. */
export function needRole(actor: Actor, need: AuthoredItem): NeedRole | null {
  if (!canSeeItem(actor, need)) return null;
  return canChangeItem(actor, need) ? 'author' : 'partner';
}

export function isNeedState(value: string): value is NeedState {
  return (NEED_STATES as readonly string[]).includes(value);
}
