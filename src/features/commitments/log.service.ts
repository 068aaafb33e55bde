import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import {
  ACK_CHANGED,
  COMMITMENT_LIMITS,
  canUndoMark,
  keyWindow,
  LOG_CHANGED,
  markRefusal,
  occurrencesIn,
  type PlacedOccurrence,
} from '../../domain/commitments.js';
import type { EventKind } from '../../domain/event-kinds.js';
import { isPaused, occurrenceKeyValid } from '../../domain/schedule.js';
import { addDays, localDateOf, startOfLocalDay, zonedInstant } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { noticeAcknowledgement } from '../notifications/notices.js';
import { type Loaded, loadAll, pausesOf, spaceCommitments, spansOfLoaded } from './commitments.read.js';
import { assertLiveSpace, loadCommitment } from './commitments.service.js';
import { figuresFromFound } from './figures.service.js';
import { deleteMark, findAck, findMark, upsertAck, upsertMark } from './log.repo.js';
import type { AckBody, MarkBody, OccurrenceList, OccurrenceView, TodayView } from './log.schema.js';
import { type Found, noteContext, occurrencesOf, occurrenceViews, windowOf } from './occurrences.js';

// The two-sided log. The actor marks an occurrence done (with an honest date for a day already
// past) or missed, with an optional note on what got in the way; a mark can be taken back for ten
// minutes. The receiver, separately, says whether they noticed and how much it helped. Each side
// is a row of its own author's; neither can touch the other's (403). A repeated mark or
// acknowledgement with the same values changes nothing.

const notYet = () =>
  conflict('not_yet', 'This one has not started yet. It can be marked from its own day (for "times a week", from the Monday).');
const pausedNow = () => conflict('paused', 'This falls in a paused time, so there is nothing to mark.');
const tooLate = () =>
  conflict('too_late', 'A mark can be taken back within ten minutes. You can still change it to done or missed.');

export async function listOccurrences(
  deps: AppDeps,
  actor: Actor,
  id: string,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<OccurrenceList> {
  const c = await loadCommitment(deps, actor, id, 'read');
  const w = await windowOf(deps, actor, query, COMMITMENT_LIMITS.occurrencesWindowDays, 14);
  return { occurrences: await occurrenceViews(deps, actor, await occurrencesOf(deps, [c], w)) };
}

/** The occurrence a key names, as the commitment's versions make it; 404 when there is none. */
function findOccurrence(c: Loaded, key: string): PlacedOccurrence {
  if (!occurrenceKeyValid(key)) throw notFound();
  const spans = spansOfLoaded(c);
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) throw notFound();
  let from: string;
  let to: string;
  const around = keyWindow(key);
  if (around) {
    from = startOfLocalDay(around.first, last.zone).toISOString();
    to = startOfLocalDay(addDays(around.last, 1), last.zone).toISOString();
  } else {
    // A one-off: over the spans that hold one (bounded: a window of at most three years).
    const dues = spans.map((s) =>
      s.schedule.kind === 'once' ? zonedInstant(s.schedule.date, s.schedule.by, s.zone).getTime() : 0,
    );
    const latest = Math.max(...dues);
    if (latest === 0) throw notFound();
    to = new Date(latest + 1).toISOString();
    from = new Date(Math.max(Date.parse(first.from), latest - 1000 * DAY_MS)).toISOString();
    if (Date.parse(from) >= Date.parse(to)) throw notFound();
  }
  const found = occurrencesIn(spans, from, to).find((o) => o.key === key);
  if (!found) throw notFound();
  return found;
}

async function viewOne(deps: AppDeps, actor: Actor, id: string, key: string): Promise<OccurrenceView> {
  const c = await loadCommitment(deps, actor, id, 'read');
  const o = findOccurrence(c, key);
  const found = await occurrencesOf(deps, [c], { first: o.localDate, last: o.localDate });
  const views = await occurrenceViews(
    deps,
    actor,
    found.filter((f) => f.o.key === key),
  );
  const view = views[0];
  if (!view) throw notFound();
  return view;
}

async function announce(deps: AppDeps, c: Loaded, kind: EventKind, authorId: string): Promise<void> {
  await publishEvent(deps, { kind, spaceId: c.row.space_id, authorId, visibility: 'couple', subjectId: c.row.id });
}

/** The actor marks an occurrence done or missed: an upsert on (commitment, key). */
export async function markOccurrence(
  deps: AppDeps,
  actor: Actor,
  id: string,
  key: string,
  body: MarkBody,
): Promise<OccurrenceView> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  const o = findOccurrence(c, key);
  if (isPaused(o.due, pausesOf(c))) throw pausedNow();
  const now = deps.clock.now();
  const today = localDateOf(now, o.zone);
  const status = body.status;
  const doneOn = status === 'done' ? (body.doneOn ?? today) : null;
  const refusal = markRefusal({ today, opensOn: o.opensOn, status, doneOn });
  if (refusal === 'not_yet') throw notYet();
  if (refusal) {
    throw badInput([
      {
        path: 'doneOn',
        message:
          refusal === 'done_on_ahead'
            ? 'That day has not come yet. Please choose today or a day before.'
            : `This one started on ${o.opensOn}. Please choose that day or a later one.`,
      },
    ]);
  }
  const note = body.note ?? null;
  const existing = await findMark(deps.db, id, key);
  if (existing && existing.status === status && existing.done_on === doneOn) {
    const oldNote =
      existing.note_sealed === null
        ? null
        : await deps.sealer.open(existing.author_id, noteContext(id, key), existing.note_sealed);
    if (oldNote === note) return viewOne(deps, actor, id, key);
  }
  const noteSealed = note === null ? null : await deps.sealer.seal(actor.userId, noteContext(id, key), note);
  await deps.db.transaction().execute(async (trx) => {
    await upsertMark(trx, {
      id: newId(now),
      commitmentId: id,
      authorId: actor.userId,
      spaceId: c.row.space_id,
      key,
      dueAt: o.due,
      status,
      doneOn,
      noteSealed,
      at: toDbTime(now),
    });
  });
  await announce(deps, c, LOG_CHANGED, actor.userId);
  return viewOne(deps, actor, id, key);
}

/** Takes a mark back, within ten minutes of making it. */
export async function unmarkOccurrence(deps: AppDeps, actor: Actor, id: string, key: string): Promise<void> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  if (!occurrenceKeyValid(key)) throw notFound();
  const mark = await findMark(deps.db, id, key);
  if (!mark) throw notFound();
  if (!canUndoMark(fromDbTime(mark.marked_at).toISOString(), deps.clock.now().toISOString())) throw tooLate();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteMark(trx, id, key, actor.userId))) throw notFound();
  });
  await announce(deps, c, LOG_CHANGED, actor.userId);
}

/** The receiver says whether they noticed, and how much it helped; they can change it later. */
export async function ackOccurrence(
  deps: AppDeps,
  actor: Actor,
  id: string,
  key: string,
  body: AckBody,
): Promise<OccurrenceView> {
  const c = await loadCommitment(deps, actor, id, 'receiver');
  assertLiveSpace(actor, c.row);
  const helped = body.helped ?? null;
  if (!body.noticed && helped !== null) {
    throw badInput([{ path: 'helped', message: 'How much it helped goes with "I noticed".' }]);
  }
  const o = findOccurrence(c, key);
  if (isPaused(o.due, pausesOf(c))) throw pausedNow();
  const now = deps.clock.now();
  if (localDateOf(now, o.zone) < o.opensOn) throw notYet();
  const [existing, mark] = await Promise.all([findAck(deps.db, id, key), findMark(deps.db, id, key)]);
  // The answer is to the mark that stands now (decision 027): the same answer to a different mark is a new answer.
  const answered = mark?.status ?? null;
  if (existing && (existing.noticed === 1) === body.noticed && existing.helped === helped && existing.answered === answered) {
    return viewOne(deps, actor, id, key);
  }
  await deps.db.transaction().execute(async (trx) => {
    await upsertAck(trx, {
      id: newId(now),
      commitmentId: id,
      authorId: actor.userId,
      spaceId: c.row.space_id,
      key,
      dueAt: o.due,
      noticed: body.noticed,
      helped,
      at: toDbTime(now),
      answered,
    });
  });
  await announce(deps, c, ACK_CHANGED, actor.userId);
  await noticeAcknowledgement(deps, c.row);
  return viewOne(deps, actor, id, key);
}

/**
 * What "today" needs, for the Act screen and the home screen: my occurrences to mark (open today,
 * or overdue within the last week), my partner's done ones I have not acknowledged (last week),
 * what was marked or acknowledged lately, and the last four weeks' figures.
 */
export async function actToday(deps: AppDeps, actor: Actor): Promise<TodayView> {
  return (await actTodayRead(deps, actor, await timeZoneOf(deps.db, actor.userId))).view;
}

/**
 * actToday with my time zone already read, and what it read kept for the home screen to reuse: the
 * commitments, and their occurrences from four weeks back to a week ahead.
 */
export async function actTodayRead(
  deps: AppDeps,
  actor: Actor,
  zone: string,
): Promise<{ view: TodayView; loaded: readonly Loaded[]; all: readonly Found[] }> {
  const L = COMMITMENT_LIMITS;
  const now = deps.clock.now();
  const today = localDateOf(now, zone);
  const loaded = await loadAll(deps, await spaceCommitments(deps, actor));
  // One read for both: the figures' four weeks, and a week ahead (a week's slots belong to its
  // Sunday, so the ones open now can be up to six days ahead).
  const figuresWindow = { first: addDays(today, -(L.recentFiguresDays - 1)), last: today };
  const all = await occurrencesOf(deps, loaded, { first: figuresWindow.first, last: addDays(today, 7) });
  const lookback = addDays(today, -L.lookbackDays);
  const found = all.filter((f) => f.o.localDate >= lookback && !f.paused && localDateOf(now, f.o.zone) >= f.o.opensOn);
  const live = actor.partnerId !== null;
  const mine = (f: Found) => f.c.row.author_id === actor.userId;
  const toMark = live ? found.filter((f) => mine(f) && !f.mark) : [];
  const toAcknowledge = live ? found.filter((f) => !mine(f) && f.mark?.status === 'done' && !f.ack) : [];
  const recent = found
    .filter((f) => f.mark || f.ack)
    .sort((a, b) => Date.parse(b.o.due) - Date.parse(a.o.due))
    .slice(0, 50);
  const figures = await figuresFromFound(deps, actor, loaded, all, figuresWindow);
  const view: TodayView = {
    date: today,
    zone,
    toMark: await occurrenceViews(deps, actor, toMark),
    toAcknowledge: await occurrenceViews(deps, actor, toAcknowledge),
    recent: await occurrenceViews(deps, actor, recent),
    figures,
  };
  return { view, loaded, all };
}
