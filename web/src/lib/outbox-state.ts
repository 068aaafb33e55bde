import { signal } from '@preact/signals';

// What the offline outbox (lib/outbox.ts) shows to every screen. Kept apart so the first screen
// carries these few signals only: the outbox itself loads once someone is signed in (main.tsx).

/** How many writes wait on this device for the signed-in person. */
export const pendingWrites = signal(0);
/** A queued write the server later refused (for example, the day had passed): shown once, kindly. */
export const outboxProblem = signal<string | null>(null);
/** What the outbox tells the person: sent, still waiting sealed, or kept in this tab only. */
export const outboxNotice = signal<string | null>(null);
/** Bumped after queued writes went through, so screens fetch again. */
export const outboxFlushed = signal(0);
