import type { AppDeps } from '../../deps.js';
import {
  type Actor,
  type AuthoredItem,
  canChangeItem,
  canSeeItem,
  decideItem,
  type Visibility,
} from '../../domain/access-policy.js';
import {
  CHECKIN_CHANGED,
  CHECKIN_LIMITS,
  CHECKIN_REPLY,
  checkinDayAt,
  checkinEvent,
  checkinWindow,
  checkinWritable,
  decideReply,
  type Mood,
  type Reaction,
  type ReplyKind,
  replyItem,
} from '../../domain/checkins.js';
import type { LocalDate } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { noticeCheckin, settleCheckinNotice } from '../notifications/notices.js';
import {
  type CheckinRow,
  countReplies,
  deleteCheckin,
  findCheckin,
  findCheckinOn,
  findCheckinsOn,
  findDefaultVisibility,
  insertCheckin,
  insertReply,
  listReplies,
  listVisibleCheckins,
  lockCheckin,
  type ReplyRow,
  rememberVisibility,
  updateCheckin,
} from './checkins.repo.js';
import type { CheckinList, CheckinPreferences, CheckinToday, CheckinView, ReplyBody, ReplyView } from './checkins.schema.js';

// The daily check-in (docs/decisions: check-ins). A check-in is its author's item: private, or
// shared with the partner in the space they share now. The partner answers a shared one with
// replies of their own (sealed under their key); both see those replies while the check-in is
// shared and they still share the space. A private check-in is invisible to the partner in every
// way: 404 like a missing one, absent from lists, and no event they can hear.

export const lineContext = (rowId: string) => ({ table: 'checkins', column: 'line', rowId });
export const replyContext = (rowId: string) => ({ table: 'checkin_replies', column: 'text', rowId });

const checkinItem = (row: CheckinRow): AuthoredItem => ({
  authorId: row.author_id,
  spaceId: row.space_id,
  visibility: row.visibility,
});
const replyItemOf = (row: ReplyRow) => replyItem({ authorId: row.author_id, spaceId: row.space_id });

const iso = (value: string) => fromDbTime(value).toISOString();

const notToday = () =>
  conflict(
    'not_today',
    'A check-in belongs to its own day, and only today’s can be written or changed. That day is not today where you are now. Today’s check-in is open whenever you like.',
  );
const noPartner = () =>
  conflict(
    'no_partner',
    'Sharing a check-in waits until your partner has joined your space. You can keep this one just for you in the meantime.',
  );
const ownCheckin = () => forbidden('This is your own check-in. Replies are for your partner to send.');
const enoughReplies = () =>
  conflict(
    'enough_replies',
    'This check-in already holds as many replies as it can. Perhaps this one is for talking about together.',
  );
const tryAgain = () =>
  conflict('request_in_progress', 'The same check-in is still being saved. Please wait a moment and look again.');

/** Today in the actor's own zone, read from their account. */
async function todayOf(deps: AppDeps, userId: string): Promise<LocalDate> {
  const zone = await timeZoneOf(deps.db, userId);
  return checkinDayAt(deps.clock.now(), zone);
}

async function announce(deps: AppDeps, id: string, before: AuthoredItem | null, after: AuthoredItem | null): Promise<void> {
  const event = checkinEvent(before, after);
  await publishEvent(deps, { kind: CHECKIN_CHANGED, subjectId: id, ...event });
  await noticeCheckin(deps, id, before, after);
}

async function openReply(deps: AppDeps, actor: Actor, row: ReplyRow): Promise<ReplyView> {
  return {
    id: row.id,
    byMe: canChangeItem(actor, replyItemOf(row)),
    kind: row.kind as ReplyKind,
    reaction: (row.reaction as Reaction | null) ?? null,
    text: row.text_sealed === null ? null : await deps.sealer.open(row.author_id, replyContext(row.id), row.text_sealed),
    at: iso(row.created_at),
  };
}

/** Views of the check-ins the actor may see, each with the replies they may see, in two queries. */
async function viewsOf(deps: AppDeps, actor: Actor, rows: readonly CheckinRow[], today: LocalDate): Promise<CheckinView[]> {
  const visible = rows.filter((r) => canSeeItem(actor, checkinItem(r)));
  const replies = (
    await listReplies(
      deps.db,
      visible.map((r) => r.id),
    )
  ).filter((r) => canSeeItem(actor, replyItemOf(r)));
  const views: CheckinView[] = [];
  for (const row of visible) {
    const mine = canChangeItem(actor, checkinItem(row));
    const seen: ReplyView[] = [];
    for (const r of replies) if (r.checkin_id === row.id) seen.push(await openReply(deps, actor, r));
    views.push({
      id: row.id,
      mine,
      date: row.local_date,
      connected: row.connected,
      heard: row.heard,
      mood: row.mood as Mood,
      line: row.line_sealed === null ? null : await deps.sealer.open(row.author_id, lineContext(row.id), row.line_sealed),
      visibility: row.visibility,
      editable: mine && row.local_date === today,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      replies: seen,
    });
  }
  return views;
}

async function viewOf(deps: AppDeps, actor: Actor, row: CheckinRow, today?: LocalDate): Promise<CheckinView> {
  const [view] = await viewsOf(deps, actor, [row], today ?? (await todayOf(deps, actor.userId)));
  if (!view) throw notFound();
  return view;
}

/** The check-in, if the actor may see it (and change it, for 'change'); 404 with the body of a missing one otherwise. */
async function visibleCheckin(deps: AppDeps, actor: Actor, id: string, action: 'read' | 'change'): Promise<CheckinRow> {
  const row = await findCheckin(deps.db, id);
  enforce(decideItem(actor, row ? checkinItem(row) : undefined, action));
  if (!row) throw notFound();
  return row;
}

export async function listCheckins(deps: AppDeps, actor: Actor, query: { from?: string; to?: string }): Promise<CheckinList> {
  const today = await todayOf(deps, actor.userId);
  const window = checkinWindow({ ...query, today });
  if (!window.ok) throw badInput([{ path: window.field, message: window.problem }]);
  const rows = await listVisibleCheckins(deps.db, actor, window);
  return { from: window.from, to: window.to, checkins: await viewsOf(deps, actor, rows, today) };
}

export async function readCheckin(deps: AppDeps, actor: Actor, id: string): Promise<CheckinView> {
  return viewOf(deps, actor, await visibleCheckin(deps, actor, id, 'read'));
}

/**
 * My check-in and my partner's shared one for a local date (what the home screen shows for today).
 * Each check-in's date is its author's own local day, so `partners` is the one my partner wrote on
 * the day they call `localDate`; null when they wrote none, or kept it private.
 */
export async function checkinsForDay(
  deps: AppDeps,
  actor: Actor,
  localDate: LocalDate,
  /** My time zone, when the caller has read it already (home reads it once for every part). */
  zone?: string,
): Promise<{ mine: CheckinView | null; partners: CheckinView | null }> {
  const today = zone === undefined ? await todayOf(deps, actor.userId) : checkinDayAt(deps.clock.now(), zone);
  const found = await findCheckinsOn(deps.db, actor.partnerId ? [actor.userId, actor.partnerId] : [actor.userId], localDate);
  const rows: CheckinRow[] = [];
  const mine = found.find((r) => r.author_id === actor.userId);
  if (mine) rows.push(mine);
  const theirs = found.find((r) => r.author_id !== actor.userId);
  if (theirs && canSeeItem(actor, checkinItem(theirs))) rows.push(theirs);
  const views = await viewsOf(deps, actor, rows, today);
  return { mine: views.find((c) => c.mine) ?? null, partners: views.find((c) => !c.mine) ?? null };
}

async function defaultVisibility(deps: AppDeps, actor: Actor): Promise<Visibility> {
  return (await findDefaultVisibility(deps.db, actor.userId)) ?? 'private';
}

export async function checkinPreferences(deps: AppDeps, actor: Actor): Promise<CheckinPreferences> {
  return { defaultVisibility: await defaultVisibility(deps, actor) };
}

/** Everything the check-in screen needs at once: which day today is, both check-ins, and the default. */
export async function todaysCheckins(deps: AppDeps, actor: Actor): Promise<CheckinToday> {
  const date = await todayOf(deps, actor.userId);
  const { mine, partners } = await checkinsForDay(deps, actor, date);
  return { date, mine, partners, defaultVisibility: await defaultVisibility(deps, actor), hasPartner: actor.partnerId !== null };
}

/**
 * Writes or rewrites today's check-in. Only today (in my zone) can be written; the visibility I
 * choose is remembered as my default. A check-in rewritten after I joined or left a space moves
 * with me to the space I am in now: it is today's, written again.
 */
export async function saveCheckin(
  deps: AppDeps,
  actor: Actor,
  date: LocalDate,
  body: { connected: number; heard: number; mood: Mood; line: string | null; visibility?: Visibility | undefined },
): Promise<CheckinView> {
  const today = await todayOf(deps, actor.userId);
  if (!checkinWritable(date, today, (await findCheckinOn(deps.db, actor.userId, date)) !== undefined)) throw notToday();
  const visibility = body.visibility ?? (await defaultVisibility(deps, actor));
  if (visibility === 'couple' && actor.partnerId === null) throw noPartner();

  // Two tries: a concurrent first write of the same day makes the second one an update.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const existing = await findCheckinOn(deps.db, actor.userId, date);
    const now = deps.clock.now();
    const at = toDbTime(now);
    const id = existing?.id ?? newId(now);
    // Sealed before the transaction: opening a key reads the users table outside it.
    const lineSealed = body.line === null ? null : await deps.sealer.seal(actor.userId, lineContext(id), body.line);
    const values = {
      spaceId: actor.spaceId,
      visibility,
      connected: body.connected,
      heard: body.heard,
      mood: body.mood,
      lineSealed,
    };
    const saved = await deps.db.transaction().execute(async (trx) => {
      const done = existing
        ? await updateCheckin(trx, { ...values, id, authorId: actor.userId, at })
        : await insertCheckin(trx, { ...values, id, authorId: actor.userId, localDate: date, at });
      if (done) await rememberVisibility(trx, actor.userId, visibility, at);
      return done;
    });
    if (!saved) continue;
    const row = await findCheckin(deps.db, id);
    if (!row) continue;
    await announce(deps, id, existing ? checkinItem(existing) : null, checkinItem(row));
    return viewOf(deps, actor, row, today);
  }
  throw tryAgain();
}

export async function removeCheckin(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await visibleCheckin(deps, actor, id, 'change');
  const deleted = await deps.db.transaction().execute((trx) => deleteCheckin(trx, row.id, actor.userId));
  if (!deleted) throw notFound();
  await announce(deps, row.id, checkinItem(row), null);
}

/** The partner answers a shared check-in: a reaction, a short note, or "let's talk tonight". */
export async function replyToCheckin(deps: AppDeps, actor: Actor, id: string, body: ReplyBody): Promise<CheckinView> {
  const row = await findCheckin(deps.db, id);
  const decision = decideReply(actor, row ? checkinItem(row) : undefined);
  if (decision === 'forbidden') throw ownCheckin();
  enforce(decision);
  if (!row) throw notFound();
  if ((await countReplies(deps.db, row.id)) >= CHECKIN_LIMITS.repliesPerCheckin) throw enoughReplies();
  const now = deps.clock.now();
  const replyId = newId(now);
  const text = body.kind === 'note' ? body.text : null;
  const textSealed = text === null ? null : await deps.sealer.seal(actor.userId, replyContext(replyId), text);
  await deps.db.transaction().execute(async (trx) => {
    // Counted again under the check-in's lock, so replies sent at once cannot pass the limit together.
    await lockCheckin(trx, row.id);
    if ((await countReplies(trx, row.id)) >= CHECKIN_LIMITS.repliesPerCheckin) throw enoughReplies();
    await insertReply(trx, {
      id: replyId,
      checkinId: row.id,
      authorId: actor.userId,
      spaceId: row.space_id,
      kind: body.kind,
      reaction: body.kind === 'reaction' ? body.reaction : null,
      textSealed,
      at: toDbTime(now),
    });
  });
  await publishEvent(deps, {
    kind: CHECKIN_REPLY,
    spaceId: row.space_id,
    authorId: actor.userId,
    visibility: 'couple',
    subjectId: row.id,
  });
  await settleCheckinNotice(deps, actor, row.id);
  return viewOf(deps, actor, row);
}
