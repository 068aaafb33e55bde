import { MOOD_LABELS, type Mood, REACTION_LABELS, type Reaction } from '../../../../src/domain/checkins';
import type { CheckinReplyView } from '../../api/client';

// A check-in's date is its author's own local day ('YYYY-MM-DD'), so it is shown as that calendar
// day, whatever zone this browser is in.
const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

function asUtcDay(date: string): Date | null {
  const at = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function formatDay(date: string): string {
  const at = asUtcDay(date);
  return at ? dayFmt.format(at) : date;
}

export function formatShortDay(date: string): string {
  const at = asUtcDay(date);
  return at ? shortFmt.format(at) : date;
}

export const moodLabel = (mood: string) => MOOD_LABELS[mood as Mood] ?? mood;

/** One reply in plain words, from the reader's side. */
export function replyWords(reply: CheckinReplyView): string {
  if (reply.kind === 'talk-tonight') return 'Let’s talk tonight.';
  if (reply.kind === 'reaction') return REACTION_LABELS[reply.reaction as Reaction] ?? 'A reaction';
  return reply.text ?? '';
}
