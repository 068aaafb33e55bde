import type { EventKind } from '../event-kinds.js';

// Step 7's limits and small rules shared by the server and the web app. Pure: no I/O.

export const CLOSENESS_LIMITS = {
  /** An answer to a question of the day. */
  answerLength: 2000,
  /** The one reply each partner may write to a revealed pair. */
  replyLength: 600,
  /** Earlier question days listed on the closeness screen, newest first. */
  history: 60,
  /** How far back question ids are read to avoid repeats: more than the deck holds. */
  askedWindow: 400,
  /** Answers written alone, listed for sharing. */
  heldList: 100,
} as const;

/** The few warm reactions a partner can give to a revealed pair. */
export const CLOSENESS_REACTIONS = ['moved', 'smile', 'grateful', 'me-too'] as const;
export type ClosenessReaction = (typeof CLOSENESS_REACTIONS)[number];

export const CLOSENESS_REACTION_LABELS: Record<ClosenessReaction, string> = {
  moved: 'This moved me',
  smile: 'This made me smile',
  grateful: 'Thank you for sharing this',
  'me-too': 'I feel that too',
};

/**
 * Told to both partners when something they can both see changes: a reveal, an edit after it, a
 * reaction or reply, a theme, an answer shared from before. Never for an answer not yet revealed.
 */
export const CLOSENESS_CHANGED = 'closeness.changed' satisfies EventKind;
