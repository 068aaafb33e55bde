import type { AppDeps } from '../../deps.js';
import type { Couple } from '../../domain/couple-items.js';
import { addDays, localDateOf } from '../../domain/zoned-time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { coupleCauses } from '../causes/couple.read.js';
import { coupleCheckins } from '../checkins/couple.read.js';
import { coupleRevealedPairs } from '../closeness/couple.read.js';
import { coupleConversations } from '../conversations/couple.read.js';
import type { Note } from './summary.schema.js';

// What each partner may include in the summary: their OWN words that the other partner can already
// see (couple items, read through the owning features' published couple reads). A private check-in,
// a draft, an unrevealed mark or answer is never among them, so it can never be chosen. Check-ins
// count for the last 52 weeks; conversations and closeness pairs are the newest the owners list.

/** Check-in lines older than this are no longer offered. */
const CHECKIN_DAYS = 364;

const ACK_WORDS = {
  did: 'What I did or failed to do',
  effect: 'Its effect, as I understand it now',
  change: 'What I will do differently',
};

/** Each member's notes, newest first, by member id. */
export async function notesByMember(deps: AppDeps, couple: Couple): Promise<Map<string, Note[]>> {
  const notes = new Map<string, Note[]>(couple.memberIds.map((id) => [id, []]));
  if (couple.memberIds.length !== 2) return notes;
  const zones = new Map<string, string>();
  for (const id of couple.memberIds) zones.set(id, await timeZoneOf(deps.db, id));
  const dayOf = (authorId: string, at: string) => localDateOf(new Date(at), zones.get(authorId) ?? 'UTC');
  const add = (authorId: string, note: Note) => notes.get(authorId)?.push(note);

  // Local days differ by zone: a day either side of UTC's covers every member's today.
  const utcToday = localDateOf(deps.clock.now(), 'UTC');
  const [checkins, talk, causes, closeness] = await Promise.all([
    coupleCheckins(deps, couple, { from: addDays(utcToday, -CHECKIN_DAYS), to: addDays(utcToday, 1) }),
    coupleConversations(deps, couple),
    coupleCauses(deps, couple),
    coupleRevealedPairs(deps, couple),
  ]);

  for (const c of checkins) {
    if (c.line !== null)
      add(c.authorId, { id: `checkin-line:${c.id}`, kind: 'checkin-line', date: c.date, text: c.line, about: null });
  }
  for (const conversation of talk.conversations) {
    for (const t of conversation.turns) {
      if (t.text === null) continue;
      const kind = t.kind === 'takeaway' ? 'takeaway' : 'turn';
      add(t.authorId, { id: `${kind}:${t.id}`, kind, date: dayOf(t.authorId, t.at), text: t.text, about: null });
    }
    for (const a of conversation.acknowledgements) {
      const text = `${ACK_WORDS.did}: ${a.did}\n${ACK_WORDS.effect}: ${a.effect}\n${ACK_WORDS.change}: ${a.change}`;
      add(a.authorId, {
        id: `acknowledgement:${a.id}`,
        kind: 'acknowledgement',
        date: dayOf(a.authorId, a.at),
        text,
        about: null,
      });
    }
  }
  for (const set of causes.sets) {
    if (set.understanding === null) continue;
    add(set.authorId, {
      id: `understanding:${set.id}`,
      kind: 'understanding',
      date: dayOf(set.authorId, set.understandingAt ?? set.revealedAt),
      text: set.understanding,
      about: 'Our shared understanding of what contributed',
    });
  }
  for (const pair of closeness.pairs) {
    for (const answer of pair.answers) {
      add(answer.authorId, {
        id: `closeness-answer:${answer.id}`,
        kind: 'closeness-answer',
        date: pair.day,
        text: answer.text,
        about: pair.question.text,
      });
    }
  }
  for (const list of notes.values()) list.sort((x, y) => (x.date === y.date ? (x.id < y.id ? 1 : -1) : x.date < y.date ? 1 : -1));
  return notes;
}
