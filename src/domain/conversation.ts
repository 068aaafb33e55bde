/**
 * Step 1, Talk: the turn-taking of one conversation, as a pure state machine. No I/O.
 *
 * Two seats: the person who started the conversation ('starter') and their partner ('partner').
 * One of them speaks, the other listens. The speaker shares one piece; the listener reflects back
 * what they heard; the speaker says "that's it" (confirm) or clarifies (and the listener reflects
 * again). After a confirm the roles switch. Either person can pause (a break when someone is
 * overwhelmed) and resume where it stopped, or bring the talk to a close; then each writes their own
 * takeaway, and once both have, the conversation has ended.
 *
 *   share ──share (speaker)──▶ reflect ──reflect (listener)──▶ confirm
 *     ▲                          ▲                               │ ╲
 *     └──── confirm (speaker), roles switch ◀────────────────────┘  clarify (speaker) ──▶ reflect
 *
 *   any open phase ──pause──▶ paused ──resume──▶ the phase it left
 *   any open or paused phase ──close──▶ closing ──takeaway (each once)──▶ ended
 */
import { type Actor, type AuthoredItem, canChangeItem, canSeeShell } from './access-policy.js';
import type { EventKind } from './event-kinds.js';

export type Seat = 'starter' | 'partner';
export type TalkPhase = 'share' | 'reflect' | 'confirm' | 'paused' | 'closing' | 'ended';
export type OpenPhase = 'share' | 'reflect' | 'confirm';
export type TalkAction = 'share' | 'reflect' | 'confirm' | 'clarify' | 'pause' | 'resume' | 'close' | 'takeaway';
/** Actions that carry words (a turn row of their own). */
export type WordedAction = 'share' | 'reflect' | 'clarify' | 'takeaway';

export interface TurnState {
  phase: TalkPhase;
  /** Who speaks in this round. */
  speaker: Seat;
  /** Completed rounds (a share that was confirmed). */
  rounds: number;
  /** Where a pause will resume. */
  resumeTo: OpenPhase | null;
  /** Who has written their takeaway. */
  takeaways: Record<Seat, boolean>;
}

/** 'not-your-turn': the other person's step now (403). 'not-now': no one can take it in this phase (409). */
export type TurnRefusal = 'not-your-turn' | 'not-now';
export type TurnOutcome = { ok: true; state: TurnState } | { ok: false; reason: TurnRefusal };

export const TALK_PHASES: readonly TalkPhase[] = ['share', 'reflect', 'confirm', 'paused', 'closing', 'ended'];
export const TALK_ACTIONS: readonly TalkAction[] = [
  'share',
  'reflect',
  'confirm',
  'clarify',
  'pause',
  'resume',
  'close',
  'takeaway',
];

/** The live event kind told to both partners when a conversation changes (ids only, never words). */
export const CONVERSATION_CHANGED = 'conversation.changed' satisfies EventKind;

export const TALK_LIMITS = {
  /** Characters in one turn, takeaway, draft part or acknowledgement part. */
  textLength: 2000,
  /** Characters in a whole draft. */
  draftLength: 6000,
  /** Drafts and conversations returned by one list. */
  list: 100,
  /** Turns in one conversation. */
  turns: 400,
} as const;

/** A suggested break, in minutes, when someone needs to pause. */
export const SUGGESTED_BREAK_MINUTES = 20;

export function initialTurnState(): TurnState {
  return { phase: 'share', speaker: 'starter', rounds: 0, resumeTo: null, takeaways: { starter: false, partner: false } };
}

export const otherSeat = (seat: Seat): Seat => (seat === 'starter' ? 'partner' : 'starter');

/** The role a seat plays right now. */
export function roleOf(state: TurnState, seat: Seat): 'speaker' | 'listener' {
  return state.speaker === seat ? 'speaker' : 'listener';
}

/** Whose step it is, or null when either may act (paused, closing) or no one (ended). */
export function whoseTurn(state: TurnState): Seat | null {
  if (state.phase === 'share' || state.phase === 'confirm') return state.speaker;
  if (state.phase === 'reflect') return otherSeat(state.speaker);
  return null;
}

const isOpen = (phase: TalkPhase): phase is OpenPhase => phase === 'share' || phase === 'reflect' || phase === 'confirm';

const refuse = (reason: TurnRefusal): TurnOutcome => ({ ok: false, reason });
const move = (state: TurnState, patch: Partial<TurnState>): TurnOutcome => ({ ok: true, state: { ...state, ...patch } });

/** The next state after `actor` takes `action`, or why they cannot. */
export function nextTurnState(state: TurnState, action: TalkAction, actorRole: Seat): TurnOutcome {
  const speaking = state.speaker === actorRole;
  switch (action) {
    case 'share':
      if (state.phase !== 'share') return refuse('not-now');
      return speaking ? move(state, { phase: 'reflect' }) : refuse('not-your-turn');
    case 'reflect':
      if (state.phase !== 'reflect') return refuse('not-now');
      return speaking ? refuse('not-your-turn') : move(state, { phase: 'confirm' });
    case 'confirm':
      if (state.phase !== 'confirm') return refuse('not-now');
      if (!speaking) return refuse('not-your-turn');
      return move(state, { phase: 'share', speaker: otherSeat(state.speaker), rounds: state.rounds + 1 });
    case 'clarify':
      if (state.phase !== 'confirm') return refuse('not-now');
      return speaking ? move(state, { phase: 'reflect' }) : refuse('not-your-turn');
    case 'pause':
      if (!isOpen(state.phase)) return refuse('not-now');
      return move(state, { phase: 'paused', resumeTo: state.phase });
    case 'resume':
      if (state.phase !== 'paused') return refuse('not-now');
      return move(state, { phase: state.resumeTo ?? 'share', resumeTo: null });
    case 'close':
      if (!isOpen(state.phase) && state.phase !== 'paused') return refuse('not-now');
      return move(state, { phase: 'closing', resumeTo: null });
    case 'takeaway': {
      if (state.phase !== 'closing' || state.takeaways[actorRole]) return refuse('not-now');
      const takeaways = { ...state.takeaways, [actorRole]: true };
      return move(state, { takeaways, phase: takeaways.starter && takeaways.partner ? 'ended' : 'closing' });
    }
  }
}

/** Reads a stored state defensively: anything unexpected is refused rather than guessed. */
export function parseTurnState(value: unknown): TurnState {
  const s = value as TurnState;
  const seats: readonly unknown[] = ['starter', 'partner'];
  if (
    !s ||
    typeof s !== 'object' ||
    !TALK_PHASES.includes(s.phase) ||
    !seats.includes(s.speaker) ||
    typeof s.rounds !== 'number' ||
    typeof s.takeaways?.starter !== 'boolean' ||
    typeof s.takeaways?.partner !== 'boolean'
  ) {
    throw new Error('Unknown conversation state');
  }
  return { ...s, resumeTo: s.resumeTo && isOpen(s.resumeTo) ? s.resumeTo : null };
}

/** How a person rated an acknowledgement they received. */
export type AcknowledgementFelt = 'true' | 'partly' | 'not-yet';
export const ACKNOWLEDGEMENT_FELT: readonly AcknowledgementFelt[] = ['true', 'partly', 'not-yet'];

export type ConversationMode = 'two-devices' | 'one-device' | 'in-person';
export const CONVERSATION_MODES: readonly ConversationMode[] = ['two-devices', 'one-device', 'in-person'];

/**
 * The actor's seat in a conversation they may see: its starter, or the partner it was held with.
 * `contributorIds` (who wrote turns in it) lets a former partner keep their seat after leaving.
 */
export function conversationSeat(actor: Actor, conversation: AuthoredItem, contributorIds: readonly string[] = []): Seat | null {
  if (!canSeeShell(actor, conversation, contributorIds)) return null;
  return canChangeItem(actor, conversation) ? 'starter' : 'partner';
}

/**
 * On one device, the device's owner (the starter) records the turns of both; on two devices each
 * person writes only their own. Returns the seat whose words a turn would be, or null if not allowed.
 */
export function turnSeat(mode: ConversationMode, actorSeat: Seat, forPartner: boolean): Seat | null {
  if (!forPartner) return actorSeat;
  return mode === 'one-device' && actorSeat === 'starter' ? 'partner' : null;
}
