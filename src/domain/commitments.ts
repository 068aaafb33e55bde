import type { EventKind } from './event-kinds.js';
/**
 * Step 4, Act: the rules of commitments and their two-sided log, as pure functions. No I/O, no
 * clock reads: "now" and "today" are passed in.
 *
 * A commitment's words and schedule live in dated versions; each version is in force from its
 * `from` until the next one's (history is never rewritten), in the actor's time zone when it was
 * made. Ending cuts the last span at the end instant. Pauses hide occurrences from every figure.
 */
import { expandSchedule, type Schedule } from './schedule.js';
import { addDays, daysBetween, type LocalDate, localDateOf } from './zoned-time.js';

/** Live event kinds (ids only, never words), heard by both partners. */
export const COMMITMENT_CHANGED = 'commitment.changed' satisfies EventKind;
export const LOG_CHANGED = 'log.changed' satisfies EventKind;
export const ACK_CHANGED = 'ack.changed' satisfies EventKind;
export const APPRECIATION_ADDED = 'appreciation.added' satisfies EventKind;

export const COMMITMENT_LIMITS = {
  whatLength: 300,
  noteLength: 500,
  appreciationLength: 500,
  /** Commitments listed at most (newest first). */
  list: 100,
  /** Longest window for one commitment's occurrences, in days. */
  occurrencesWindowDays: 92,
  /** Longest window for figures and appreciations, in days. */
  figuresWindowDays: 366,
  /** Versions and pauses one commitment can gather: every read expands them all, so they are bounded. */
  versions: 100,
  pauses: 200,
  /** A mark can be taken back this long after it was made. */
  undoMinutes: 10,
  /** A start date can be this far ahead. */
  startAheadDays: 366,
  /** What "today" looks back over: overdue occurrences and ones waiting for an acknowledgement. */
  lookbackDays: 7,
  /** The figures shown beside the commitments. */
  recentFiguresDays: 28,
} as const;

export type CommitmentState = 'upcoming' | 'active' | 'paused' | 'ended';
export type MarkStatus = 'done' | 'missed';

export interface VersionFacts {
  id: string;
  /** ISO instant it is in force from. */
  from: string;
  /** When it was written: breaks ties between versions in force from the same instant (the later wins). */
  createdAt: string;
  schedule: Schedule;
  zone: string;
}

export interface VersionSpan {
  versionId: string;
  schedule: Schedule;
  zone: string;
  from: string;
  until: string | null;
}

const ms = (iso: string) => Date.parse(iso);
const minIso = (a: string, b: string) => (ms(a) <= ms(b) ? a : b);

/** Versions as spans, oldest first: each runs until the next one starts, the last until the end (if ended). */
export function spansOf(versions: readonly VersionFacts[], endedAt: string | null): VersionSpan[] {
  const sorted = [...versions].sort((a, b) => ms(a.from) - ms(b.from) || ms(a.createdAt) - ms(b.createdAt));
  const spans: VersionSpan[] = [];
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    let from = v.from;
    let until: string | null = next ? next.from : null;
    if (endedAt !== null) {
      from = minIso(from, endedAt);
      until = until === null ? endedAt : minIso(until, endedAt);
    }
    if (until === null || ms(until) > ms(from)) spans.push({ versionId: v.id, schedule: v.schedule, zone: v.zone, from, until });
  });
  return spans;
}

export interface PlacedOccurrence {
  key: string;
  due: string;
  localDate: LocalDate;
  /** The version in force when it is due: its words and schedule are the ones that apply. */
  versionId: string;
  zone: string;
  kind: Schedule['kind'];
  /** The first local day it may be marked (see opensOn). */
  opensOn: LocalDate;
}

/**
 * The first local day an occurrence may be marked: its own day for daily and chosen-weekday
 * commitments; the week's Monday for "n times a week"; for a one-off promise, the day the version
 * holding it started (it can be kept early).
 */
export function opensOn(kind: Schedule['kind'], localDate: LocalDate, spanFrom: string, zone: string): LocalDate {
  if (kind === 'weekly') return addDays(localDate, -6);
  if (kind === 'once') {
    const start = localDateOf(new Date(spanFrom), zone);
    return start < localDate ? start : localDate;
  }
  return localDate;
}

/**
 * Every occurrence due in [from, to), oldest first. Spans in a row with the same zone are expanded
 * together (so keys stay unique and partial weeks count right); when the actor moved zone between
 * versions, the earlier version keeps a key both would make.
 */
export function occurrencesIn(spans: readonly VersionSpan[], from: string, to: string): PlacedOccurrence[] {
  const groups: VersionSpan[][] = [];
  for (const span of spans) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.zone === span.zone) last.push(span);
    else groups.push([span]);
  }
  const seen = new Set<string>();
  const out: PlacedOccurrence[] = [];
  for (const group of groups) {
    const zone = group[0]?.zone ?? 'UTC';
    const found = expandSchedule({
      spans: group.map((s) => ({ schedule: s.schedule, from: s.from, until: s.until })),
      zone,
      from,
      to,
    });
    for (const o of found) {
      if (seen.has(o.key)) continue;
      const at = ms(o.due);
      const span = group.find((s) => at >= ms(s.from) && (s.until === null || at < ms(s.until))) ?? group[group.length - 1];
      if (!span) continue;
      seen.add(o.key);
      out.push({
        key: o.key,
        due: o.due,
        localDate: o.localDate,
        versionId: span.versionId,
        zone,
        kind: span.schedule.kind,
        opensOn: opensOn(span.schedule.kind, o.localDate, span.from, zone),
      });
    }
  }
  return out.sort((a, b) => ms(a.due) - ms(b.due) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * A window of local days [first, last] wide enough to hold the occurrence with this key, for finding
 * it again: a date key is due on its day (or, for a weekly slot keyed by Monday, at the start of the
 * next Monday); a one-off is found over its version's whole span.
 */
export function keyWindow(key: string): { first: LocalDate; last: LocalDate } | null {
  const date = key.slice(0, 10);
  if (key === 'once' || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return { first: addDays(date, -2), last: addDays(date, 9) };
}

export type MarkRefusal = 'not_yet' | 'done_on_ahead' | 'done_on_before';

/**
 * Whether the actor may mark an occurrence today. An occurrence opens on its first markable day
 * (opensOn); "done" may carry an honest earlier date, never one in the future or before it opened.
 */
export function markRefusal(input: {
  today: LocalDate;
  opensOn: LocalDate;
  status: MarkStatus;
  doneOn: LocalDate | null;
}): MarkRefusal | null {
  if (input.today < input.opensOn) return 'not_yet';
  if (input.status === 'done' && input.doneOn !== null) {
    if (input.doneOn > input.today) return 'done_on_ahead';
    if (input.doneOn < input.opensOn) return 'done_on_before';
  }
  return null;
}

/** A mark can be taken back within a short window after it was made (a slip of the finger). */
export function canUndoMark(markedAt: string, now: string): boolean {
  return ms(now) - ms(markedAt) <= COMMITMENT_LIMITS.undoMinutes * 60_000;
}

export function undoUntil(markedAt: string): string {
  return new Date(ms(markedAt) + COMMITMENT_LIMITS.undoMinutes * 60_000).toISOString();
}

/** The state a commitment is in at an instant. */
export function commitmentState(input: {
  startsAt: string | null;
  endedAt: string | null;
  pauses: readonly { from: string; until: string | null }[];
  now: string;
}): CommitmentState {
  const now = ms(input.now);
  if (input.endedAt !== null && ms(input.endedAt) <= now) return 'ended';
  if (input.pauses.some((p) => ms(p.from) <= now && (p.until === null || ms(p.until) > now))) return 'paused';
  if (input.startsAt !== null && ms(input.startsAt) > now) return 'upcoming';
  return 'active';
}

/** Occurrences counted in figures: not paused, and either due by now or already marked. */
export function countsInFigures(o: { due: string; paused: boolean; marked: boolean }, now: string): boolean {
  return !o.paused && (o.marked || ms(o.due) <= ms(now));
}

export type WindowRefusal = 'order' | 'too_long';

/** A window of local days, both included, no longer than `maxDays`. */
export function windowRefusal(first: LocalDate, last: LocalDate, maxDays: number): WindowRefusal | null {
  const days = daysBetween(first, last) + 1;
  if (days < 1) return 'order';
  if (days > maxDays) return 'too_long';
  return null;
}

export type StartRefusal = 'in_past' | 'too_far';

export function startRefusal(today: LocalDate, startsOn: LocalDate): StartRefusal | null {
  if (startsOn < today) return 'in_past';
  if (daysBetween(today, startsOn) > COMMITMENT_LIMITS.startAheadDays) return 'too_far';
  return null;
}
