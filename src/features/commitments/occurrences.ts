import type { AppDeps } from '../../deps.js';
import { type Actor, canSeeItem } from '../../domain/access-policy.js';
import {
  canUndoMark,
  countsInFigures,
  occurrencesIn,
  type PlacedOccurrence,
  undoUntil,
  type VersionSpan,
  windowRefusal,
} from '../../domain/commitments.js';
import { isPaused } from '../../domain/schedule.js';
import { answeredWithdrawnMark, noticedFor } from '../../domain/withdrawn-marks.js';
import { addDays, type LocalDate, localDateOf } from '../../domain/zoned-time.js';
import { BoundedCache } from '../../shared/bounded-cache.js';
import { badInput } from '../../shared/errors.js';
import { DAY_MS, fromDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { type Loaded, openVersionWords, pausesOf, spansOfLoaded } from './commitments.read.js';
import { type AckRow, acksIn, type MarkRow, marksIn } from './log.repo.js';
import type { OccurrenceView } from './log.schema.js';

// Occurrences of many commitments over a window of local days, with both sides of the log: the
// only place that expands schedules for the log, the figures and "today". An occurrence belongs to
// the actor's local day it is for (its localDate: a day's own date, a week's Sunday), so "by the end
// of the day" and "n times a week" land in the window of their own day, not the next. Only the
// window's occurrences are expanded, and marks and acknowledgements are read with a window on due_at
// (with a margin: a schedule change can move an occurrence's due time while its key stays).

export const noteContext = (commitmentId: string, key: string) => ({
  table: 'occurrence_marks',
  column: 'note',
  rowId: `${commitmentId}/${key}`,
});

/** Local days, both included. */
export interface DayWindow {
  first: LocalDate;
  last: LocalDate;
}

const iso = (value: string) => fromDbTime(value).toISOString();
// Every zone is within 14 hours of UTC and a day's due is before the next day ends: two days either
// side hold every occurrence of the window's days; a week more for the stored marks' due_at.
const dayMs = (date: LocalDate) => Date.parse(`${date}T00:00:00.000Z`);
const at = (ms: number) => new Date(ms).toISOString();

export interface Found {
  c: Loaded;
  o: PlacedOccurrence;
  paused: boolean;
  mark: MarkRow | undefined;
  ack: AckRow | undefined;
}

/** Schedule expansions kept: a few per active commitment (each day's window is its own key). */
export const EXPANSION_CACHE_SIZE = 2_000;
const expansions = new BoundedCache<string, readonly PlacedOccurrence[]>(EXPANSION_CACHE_SIZE);

/**
 * occurrencesIn, memoised per (spans, window) (decision 029): a commitment's occurrences over a
 * window depend on nothing else, so a home screen asked again the same day does not expand its
 * schedules again. The key holds every input (a new version or an end is a new key); the answer
 * is frozen, so no caller can change what the next one gets.
 */
export function occurrencesInMemo(spans: readonly VersionSpan[], from: string, to: string): readonly PlacedOccurrence[] {
  return expansions.getOrMake(JSON.stringify([spans, from, to]), () =>
    Object.freeze(occurrencesIn(spans, from, to).map((o) => Object.freeze(o))),
  );
}

/** Every occurrence of these commitments for the local days of the window, with its mark and acknowledgement. */
export async function occurrencesOf(deps: AppDeps, loaded: readonly Loaded[], window: DayWindow): Promise<Found[]> {
  const from = dayMs(window.first) - 2 * DAY_MS;
  const to = dayMs(window.last) + 3 * DAY_MS;
  const ids = loaded.map((c) => c.row.id);
  const [marks, acks] = await Promise.all([
    marksIn(deps.db, ids, at(from - 7 * DAY_MS), at(to + 7 * DAY_MS)),
    acksIn(deps.db, ids, at(from - 7 * DAY_MS), at(to + 7 * DAY_MS)),
  ]);
  const markBy = new Map(marks.map((m) => [`${m.commitment_id}/${m.occurrence_key}`, m]));
  const ackBy = new Map(acks.map((a) => [`${a.commitment_id}/${a.occurrence_key}`, a]));
  const found: Found[] = [];
  for (const c of loaded) {
    const pauses = pausesOf(c);
    for (const o of occurrencesInMemo(spansOfLoaded(c), at(from), at(to))) {
      if (o.localDate < window.first || o.localDate > window.last) continue;
      const id = `${c.row.id}/${o.key}`;
      found.push({ c, o, paused: isPaused(o.due, pauses), mark: markBy.get(id), ack: ackBy.get(id) });
    }
  }
  return found.sort((a, b) => Date.parse(a.o.due) - Date.parse(b.o.due) || (a.c.row.id < b.c.row.id ? -1 : 1));
}

/**
 * What feltRate counts as noticed for an occurrence: its acknowledgement, unless that answered a
 * "done" which no longer stands (decision 027). Every figure reads "noticed" through this.
 */
export const noticedOfFound = (f: { mark?: MarkRow | undefined; ack?: AckRow | undefined }): boolean | null =>
  noticedFor(f.ack ? { noticed: f.ack.noticed === 1, answered: f.ack.answered } : null, f.mark?.status ?? null);

/** The acknowledgement answered a "done" that has since been taken back. */
export const ackWithdrawn = (f: { mark?: MarkRow | undefined; ack?: AckRow | undefined }): boolean =>
  f.ack !== undefined && answeredWithdrawnMark(f.ack.answered, f.mark?.status ?? null);

/** Counted in figures: not paused, and due by now or already marked. */
export const counted = (f: Found, now: string) =>
  countsInFigures({ due: f.o.due, paused: f.paused, marked: f.mark !== undefined }, now);

/** Views of occurrences as the signed-in person sees them (the mark's note is opened here). */
export async function occurrenceViews(deps: AppDeps, actor: Actor, found: readonly Found[]): Promise<OccurrenceView[]> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  // The words of each version in force, opened once each.
  const versions = new Map<string, Loaded['versions'][number]>();
  for (const f of found) {
    if (versions.has(f.o.versionId)) continue;
    const v = f.c.versions.find((x) => x.id === f.o.versionId);
    if (v) versions.set(v.id, v);
  }
  const words = await openVersionWords(deps, [...versions.values()]);
  const views: OccurrenceView[] = [];
  for (const f of found) {
    const actorIsMe = f.c.row.author_id === actor.userId;
    const live = f.c.row.space_id === actor.spaceId && actor.partnerId !== null;
    const today = localDateOf(now, f.o.zone);
    const open = !f.paused && today >= f.o.opensOn && live;
    const mark = f.mark;
    const markView = mark
      ? {
          status: mark.status,
          doneOn: mark.done_on,
          note:
            mark.note_sealed === null
              ? null
              : await deps.sealer.open(mark.author_id, noteContext(f.c.row.id, f.o.key), mark.note_sealed),
          markedAt: iso(mark.marked_at),
          undoUntil: actorIsMe && canUndoMark(iso(mark.marked_at), nowIso) ? undoUntil(iso(mark.marked_at)) : null,
        }
      : null;
    views.push({
      commitmentId: f.c.row.id,
      key: f.o.key,
      what: words.get(f.o.versionId) ?? '',
      due: f.o.due,
      localDate: f.o.localDate,
      opensOn: f.o.opensOn,
      actorIsMe,
      paused: f.paused,
      duePassed: Date.parse(f.o.due) <= now.getTime(),
      counted: counted(f, nowIso),
      mark: markView,
      // The receiver's side is their item: after a space closes it leaves the actor's view, as words do.
      ack:
        f.ack && canSeeItem(actor, { authorId: f.ack.author_id, spaceId: f.ack.space_id, visibility: 'couple' })
          ? {
              noticed: f.ack.noticed === 1,
              helped: f.ack.helped,
              ackedAt: iso(f.ack.acked_at),
              answeredWithdrawn: ackWithdrawn(f),
            }
          : null,
      canMark: actorIsMe && open,
      canAck: !actorIsMe && open,
    });
  }
  return views;
}

/** Local days [first, last] (by default the last `defaultDays` up to today in the viewer's zone), at most `maxDays`. */
export async function windowOf(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
  maxDays: number,
  defaultDays: number,
): Promise<DayWindow> {
  const zone = await timeZoneOf(deps.db, actor.userId);
  const today = localDateOf(deps.clock.now(), zone);
  const last = query.to ?? (query.from ? addDays(query.from, defaultDays - 1) : today);
  const first = query.from ?? addDays(last, -(defaultDays - 1));
  const refusal = windowRefusal(first, last, maxDays);
  if (refusal) {
    throw badInput([
      {
        path: refusal === 'order' ? 'to' : 'from',
        message:
          refusal === 'order' ? 'The last day comes before the first.' : `Please ask for at most ${maxDays} days at a time.`,
      },
    ]);
  }
  return { first, last };
}
