import { type Actor, type AuthoredItem, canChangeItem, type Decision, decideItem, type Visibility } from './access-policy.js';
import type { EventKind } from './event-kinds.js';
import { addDays, daysBetween, isLocalDate, type LocalDate, localDateOf } from './zoned-time.js';

// Step 4, the daily check-in: how connected I felt, whether I felt heard, a mood and an optional
// line, private or shared. One per person per local day (the day in the author's own time zone),
// changeable that day only. Pure rules: no I/O, no clock reads.

/** Told to whoever may see a check-in when it changes (ids only, never words). */
export const CHECKIN_CHANGED = 'checkin.changed' satisfies EventKind;
/** Told to both partners when the partner answers a shared check-in. */
export const CHECKIN_REPLY = 'checkin.reply' satisfies EventKind;

/** Plain words for how the day felt; one is chosen. */
export const MOODS = ['calm', 'hopeful', 'content', 'okay', 'tired', 'tender', 'anxious', 'low', 'frustrated'] as const;
export type Mood = (typeof MOODS)[number];

export const MOOD_LABELS: Record<Mood, string> = {
  calm: 'Calm',
  hopeful: 'Hopeful',
  content: 'Content',
  okay: 'Okay',
  tired: 'Tired',
  tender: 'Tender',
  anxious: 'Anxious',
  low: 'Low',
  frustrated: 'Frustrated',
};

/** The small fixed set of reactions a partner can send to a shared check-in. */
export const REACTIONS = ['heart', 'hug', 'smile', 'here'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const REACTION_LABELS: Record<Reaction, string> = {
  heart: 'Sending love',
  hug: 'A hug',
  smile: 'That made me smile',
  here: 'I am here for you',
};

export const REPLY_KINDS = ['reaction', 'note', 'talk-tonight'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export const CHECKIN_LIMITS = {
  scaleMin: 0,
  scaleMax: 10,
  /** Characters in the optional line, and in a reply's note. */
  lineLength: 280,
  noteLength: 280,
  /** Days one list may cover (from and to both included). */
  maxWindowDays: 92,
  /** Days a list covers when no window is given: today and the 13 before it. */
  defaultWindowDays: 14,
  /** Replies kept on one check-in. */
  repliesPerCheckin: 20,
} as const;

/** The only day a person can write or change a check-in for: today, where they are. */
export function checkinDayAt(now: Date, zone: string): LocalDate {
  return localDateOf(now, zone);
}

export function isCheckinDay(date: LocalDate, now: Date, zone: string): boolean {
  return date === checkinDayAt(now, zone);
}

/**
 * Whether a check-in for `date` can be written now: today's, always (to write or change it); and
 * yesterday's only if there is none yet. That second case is a check-in made offline before
 * midnight and sent by the outbox after it: it arrives once, and is never changed afterwards.
 */
export function checkinWritable(date: LocalDate, today: LocalDate, exists: boolean): boolean {
  if (date === today) return true;
  return !exists && date === addDays(today, -1);
}

export type WindowResult = { ok: true; from: LocalDate; to: LocalDate } | { ok: false; field: 'from' | 'to'; problem: string };

/**
 * The local dates a list covers, both ends included. With neither end given: the last 14 days up to
 * today. With one end: 14 days from it (or up to it). Never more than 92 days at once.
 */
export function checkinWindow(input: {
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
  today: LocalDate;
}): WindowResult {
  const span = CHECKIN_LIMITS.defaultWindowDays - 1;
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && !isLocalDate(value)) return { ok: false, field, problem: 'Please give a date as YYYY-MM-DD.' };
  }
  const to = input.to ?? (input.from !== undefined ? addDays(input.from, span) : input.today);
  const from = input.from ?? addDays(to, -span);
  if (daysBetween(from, to) < 0) return { ok: false, field: 'from', problem: 'The start of the window comes after its end.' };
  if (daysBetween(from, to) + 1 > CHECKIN_LIMITS.maxWindowDays) {
    return { ok: false, field: 'to', problem: `Please ask for at most ${CHECKIN_LIMITS.maxWindowDays} days at a time.` };
  }
  return { ok: true, from, to };
}

/**
 * Who may answer a check-in: only the partner who can see it (a shared one, in the space they share
 * now). A check-in the actor cannot see is not found; the author sees their own but does not answer it.
 */
export function decideReply(actor: Actor | null, checkin: AuthoredItem | undefined): Decision {
  const seen = decideItem(actor, checkin, 'read');
  if (seen !== 'allow' || !actor || !checkin) return seen;
  return canChangeItem(actor, checkin) ? 'forbidden' : 'allow';
}

/** A reply exists only on a shared check-in, so it is a couple item of the space it was given in. */
export function replyItem(reply: { authorId: string; spaceId: string }): AuthoredItem {
  return { authorId: reply.authorId, spaceId: reply.spaceId, visibility: 'couple' };
}

export interface CheckinEvent {
  spaceId: string;
  authorId: string;
  visibility: Visibility;
  /** Set when only the author's own tabs may hear it. */
  audienceId: string | null;
}

/**
 * What to tell after a check-in changed (`after` null: deleted). A shared one is told to both; a
 * private one only to its author's own tabs. One that was shared a moment ago and is now private (or
 * deleted) is told as it was, so the partner's open screen lets it go; to them that looks exactly
 * like a deletion, and nothing later about it reaches them.
 */
export function checkinEvent(before: AuthoredItem | null, after: AuthoredItem | null): CheckinEvent {
  const current = after ?? before;
  if (!current) throw new Error('A check-in event needs the check-in before or after the change');
  if (current.visibility === 'couple') return { ...pick(current), audienceId: null };
  if (before?.visibility === 'couple') return { ...pick(before), audienceId: null };
  return { ...pick(current), audienceId: current.authorId };
}

const pick = (item: AuthoredItem) => ({ spaceId: item.spaceId, authorId: item.authorId, visibility: item.visibility });
