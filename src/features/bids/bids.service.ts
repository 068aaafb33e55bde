import type { AppDeps } from '../../deps.js';
import { type Actor, type AuthoredItem, canSeeItem, decideItem } from '../../domain/access-policy.js';
import {
  BID_LIMITS,
  type BidFact,
  type BidKind,
  type BidResponse,
  bidResponseProblem,
  bidWeeks,
  isBidKind,
  isBidResponse,
} from '../../domain/bids.js';
import { addDays, daysBetween, localDateOf, mondayOf, startOfLocalDay } from '../../domain/zoned-time.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { type BidRow, bidFactsOf, deleteBid, findBid, insertBid, listMyBids, updateBid } from './bids.repo.js';
import type { BidList, BidSummary, BidView } from './bids.schema.js';

// Bids and affection (step 4, Act). A private log: every bid is its author's item with visibility
// 'private', whatever the row says, so the access policy answers 404 to everyone else exactly as for
// an id that does not exist. Nothing here publishes a live event: no one else may hear of a bid, not
// even that something happened at a certain moment, and the author's other tabs fetch again when
// they come back into view (docs/decisions: bids are private, with no events).

const L = BID_LIMITS;
export const bidContext = (rowId: string) => ({ table: 'bids', column: 'text', rowId });
const bidItem = (row: BidRow): AuthoredItem => ({ authorId: row.author_id, spaceId: row.space_id, visibility: 'private' });
const iso = (value: string) => fromDbTime(value).toISOString();

export interface CreateBid {
  kind: BidKind;
  text: string | null;
  at?: string | undefined;
  response: BidResponse | null;
}

export interface PatchBid {
  kind?: BidKind | undefined;
  text?: string | null | undefined;
  at?: string | undefined;
  response?: BidResponse | null | undefined;
}

/** The bid, if it is the actor's; 404 with the body of a missing one otherwise. */
async function ownBid(deps: AppDeps, actor: Actor, id: string): Promise<BidRow> {
  const row = await findBid(deps.db, id);
  enforce(decideItem(actor, row ? bidItem(row) : undefined, 'change'));
  if (!row) throw notFound();
  return row;
}

function kindOf(row: BidRow): BidKind {
  if (!isBidKind(row.kind)) throw new Error(`Unknown bid kind: ${row.kind}`);
  return row.kind;
}

function responseOf(row: BidRow): BidResponse | null {
  if (row.response === null) return null;
  if (!isBidResponse(row.response)) throw new Error(`Unknown bid response: ${row.response}`);
  return row.response;
}

/** When it happened: now if not given; never ahead of now (beyond a phone clock's drift), at most a year back. */
function happenedAt(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const when = new Date(at);
  if (when.getTime() > now.getTime() + L.futureGraceMs) {
    throw badInput([{ path: 'at', message: 'That time has not come yet. Please log a moment once it has happened.' }]);
  }
  if (when.getTime() < now.getTime() - L.pastDays * DAY_MS) {
    throw badInput([{ path: 'at', message: 'Please choose a moment from the past year.' }]);
  }
  return when.getTime() > now.getTime() ? now : when;
}

function checkResponse(kind: BidKind, response: BidResponse | null): void {
  const problem = bidResponseProblem(kind, response);
  if (problem) throw badInput([{ path: 'response', message: problem }]);
}

async function viewOf(deps: AppDeps, actor: Actor, row: BidRow, zone: string): Promise<BidView> {
  return {
    id: row.id,
    kind: kindOf(row),
    text: row.text_sealed === null ? null : await deps.sealer.open(row.author_id, bidContext(row.id), row.text_sealed),
    at: iso(row.at),
    localDate: localDateOf(fromDbTime(row.at), zone),
    response: responseOf(row),
    fromEarlierSpace: row.space_id !== actor.spaceId,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function reload(deps: AppDeps, actor: Actor, id: string): Promise<BidView> {
  const row = await ownBid(deps, actor, id);
  return viewOf(deps, actor, row, await timeZoneOf(deps.db, actor.userId));
}

export async function readBid(deps: AppDeps, actor: Actor, id: string): Promise<BidView> {
  return reload(deps, actor, id);
}

/** My log for local days [from, to] in my zone; by default the last 14 days up to today. */
export async function listBids(deps: AppDeps, actor: Actor, query: { from?: string | undefined; to?: string | undefined }) {
  const zone = await timeZoneOf(deps.db, actor.userId);
  const today = localDateOf(deps.clock.now(), zone);
  const to = query.to ?? (query.from ? addDays(query.from, L.listDaysDefault - 1) : today);
  const from = query.from ?? addDays(to, 1 - L.listDaysDefault);
  if (daysBetween(from, to) < 0) throw badInput([{ path: 'from', message: 'The first day comes after the last one.' }]);
  if (daysBetween(from, to) + 1 > L.listDaysMax) {
    throw badInput([{ path: 'to', message: `Please choose at most ${L.listDaysMax} days at a time.` }]);
  }
  const rows = await listMyBids(
    deps.db,
    actor.userId,
    toDbTime(startOfLocalDay(from, zone)),
    toDbTime(startOfLocalDay(addDays(to, 1), zone)),
    L.listCap + 1,
  );
  const bids: BidView[] = [];
  for (const row of rows.slice(0, L.listCap)) {
    if (canSeeItem(actor, bidItem(row))) bids.push(await viewOf(deps, actor, row, zone));
  }
  return { from, to, timeZone: zone, bids, truncated: rows.length > L.listCap } satisfies BidList;
}

/**
 * My turning-toward figures per Monday-start week in my zone, this week last. Only bids logged in the
 * space I share now count: a ratio is about how one partner met my bids, so an earlier partner's
 * answers are not mixed in (those bids stay in my log).
 */
export async function summarizeBids(deps: AppDeps, actor: Actor, weeks: number = L.weeksDefault): Promise<BidSummary> {
  const zone = await timeZoneOf(deps.db, actor.userId);
  const thisMonday = mondayOf(localDateOf(deps.clock.now(), zone));
  const firstMonday = addDays(thisMonday, -7 * (weeks - 1));
  const rows = await bidFactsOf(
    deps.db,
    actor.userId,
    actor.spaceId,
    toDbTime(startOfLocalDay(firstMonday, zone)),
    toDbTime(startOfLocalDay(addDays(thisMonday, 7), zone)),
  );
  const facts: BidFact[] = [];
  for (const row of rows) {
    if (!isBidKind(row.kind)) continue;
    const response = row.response !== null && isBidResponse(row.response) ? row.response : null;
    facts.push({ kind: row.kind, response, localDate: localDateOf(fromDbTime(row.at), zone) });
  }
  const figures = bidWeeks(facts, firstMonday, weeks);
  return { from: firstMonday, to: addDays(thisMonday, 6), timeZone: zone, ...figures };
}

export async function createBid(deps: AppDeps, actor: Actor, body: CreateBid): Promise<BidView> {
  const now = deps.clock.now();
  const at = happenedAt(body.at, now);
  checkResponse(body.kind, body.response);
  const id = newId(now);
  const textSealed = body.text === null ? null : await deps.sealer.seal(actor.userId, bidContext(id), body.text);
  await insertBid(deps.db, {
    id,
    authorId: actor.userId,
    spaceId: actor.spaceId,
    kind: body.kind,
    textSealed,
    at: toDbTime(at),
    response: body.response,
    now: toDbTime(now),
  });
  return reload(deps, actor, id);
}

/** Changes what I logged; turning a bid into a gesture clears its response (a gesture has none). */
export async function patchBid(deps: AppDeps, actor: Actor, id: string, body: PatchBid): Promise<BidView> {
  const row = await ownBid(deps, actor, id);
  const now = deps.clock.now();
  const kind = body.kind ?? kindOf(row);
  const response = body.response !== undefined ? body.response : body.kind === 'gesture' ? null : responseOf(row);
  const at = body.at === undefined ? row.at : toDbTime(happenedAt(body.at, now));
  checkResponse(kind, response);
  let textSealed = row.text_sealed;
  if (body.text !== undefined) {
    textSealed = body.text === null ? null : await deps.sealer.seal(actor.userId, bidContext(row.id), body.text);
  }
  const changed = await updateBid(deps.db, {
    id: row.id,
    authorId: actor.userId,
    kind,
    textSealed,
    at,
    response,
    now: toDbTime(now),
  });
  if (!changed) throw notFound();
  return reload(deps, actor, id);
}

export async function removeBid(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await ownBid(deps, actor, id);
  if (!(await deleteBid(deps.db, row.id, actor.userId))) throw notFound();
}
