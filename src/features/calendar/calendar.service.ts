import { toBool } from '../../db/values.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, decideOwned } from '../../domain/access-policy.js';
import { CALENDAR_LIMITS, type CalendarEntry, calendarEntryOf, feedWindow, keepNearest } from '../../domain/calendar.js';
import { COMMITMENT_LIMITS, occurrencesIn } from '../../domain/commitments.js';
import { NEUTRAL_CALENDAR_TITLE } from '../../domain/notification-words.js';
import { isPaused } from '../../domain/schedule.js';
import { hashToken } from '../../platform/tokens.js';
import { enforce } from '../../shared/enforce.js';
import { conflict, notFound } from '../../shared/errors.js';
import { newSecretToken } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { actingCommitments, openVersionWords, pausesOf, spansOfLoaded } from '../commitments/commitments.read.js';
import { loadActor } from '../spaces/spaces.read.js';
import { feedText } from './calendar.ics.js';
import {
  deleteFeed,
  type FeedRow,
  findFeedByTokenHash,
  findFeedOf,
  putFeed,
  setShowTitles,
  touchFetched,
} from './calendar.repo.js';
import type { CalendarCreated, CalendarView } from './calendar.schema.js';

// The private calendar feed (step 5, reminders). A person may make one iCalendar address that lists
// the occurrences of the commitments they act on, for calendar apps to subscribe to. The address
// holds a secret token, stored only as a keyed hash and shown once; making a new one replaces it and
// revoking removes it, and either way the old address answers 404 like any missing thing. The token
// opens this one feed and nothing else: it is not a session and no other route reads it.
// Titles are neutral unless the person chose to show their own words; the feed never holds a
// description, the partner's name or anything the partner wrote.

const feedHash = (deps: AppDeps, token: string) => hashToken(deps.secrets.sessionSecret, 'calendar', token);
const iso = (value: string) => fromDbTime(value).toISOString();

const noFeed = () => conflict('no_feed', 'There is no calendar address yet. Make one first, then choose what it shows.');

/** My own feed row (a record only its owner ever reaches, through the access policy). */
async function ownFeed(deps: AppDeps, actor: Actor): Promise<FeedRow | undefined> {
  const row = await findFeedOf(deps.db, actor.userId);
  if (row) enforce(decideOwned(actor, { ownerId: row.user_id }));
  return row;
}

function viewOf(row: FeedRow | undefined): CalendarView {
  if (!row) return { active: false, showTitles: false, createdAt: null, lastFetchedAt: null };
  return {
    active: true,
    showTitles: toBool(row.show_titles),
    createdAt: iso(row.created_at),
    lastFetchedAt: row.last_fetched_at === null ? null : iso(row.last_fetched_at),
  };
}

export async function readCalendar(deps: AppDeps, actor: Actor): Promise<CalendarView> {
  return viewOf(await ownFeed(deps, actor));
}

/** Makes my feed's address, or replaces it: the old address stops working at once. Shown only now. */
export async function createCalendar(deps: AppDeps, actor: Actor): Promise<CalendarCreated> {
  const token = newSecretToken();
  const now = deps.clock.now();
  const at = toDbTime(now);
  const showTitles = await deps.db.transaction().execute(async (trx) => {
    const existing = await findFeedOf(trx, actor.userId);
    const keep = existing ? toBool(existing.show_titles) : false;
    await putFeed(trx, { userId: actor.userId, tokenHash: feedHash(deps, token), showTitles: keep, at });
    return keep;
  });
  return {
    url: new URL(`/api/v1/calendar/feeds/${token}`, deps.config.publicUrl).toString(),
    showTitles,
    createdAt: now.toISOString(),
  };
}

export async function updateCalendar(deps: AppDeps, actor: Actor, body: { showTitles: boolean }): Promise<CalendarView> {
  const changed = await deps.db.transaction().execute((trx) => setShowTitles(trx, actor.userId, body.showTitles));
  if (!changed) throw noFeed();
  return readCalendar(deps, actor);
}

/** Revokes my feed; revoking when there is none is the same answer, which suits retries. */
export async function revokeCalendar(deps: AppDeps, actor: Actor): Promise<void> {
  await deps.db.transaction().execute((trx) => deleteFeed(trx, actor.userId));
}

/** The feed's events for its owner at `now`: due from 7 days back to 60 ahead, paused ones left out. */
async function entriesFor(deps: AppDeps, actor: Actor, showTitles: boolean, now: Date): Promise<CalendarEntry[]> {
  // The commitments whose feed this is: the ones its owner acts on.
  const loaded = await actingCommitments(deps, actor, COMMITMENT_LIMITS.list);
  const words = showTitles
    ? await openVersionWords(
        deps,
        loaded.flatMap((c) => c.versions),
      )
    : new Map<string, string>();
  const { from, to } = feedWindow(now.toISOString());
  const entries: CalendarEntry[] = [];
  for (const c of loaded) {
    const pauses = pausesOf(c);
    for (const o of occurrencesIn(spansOfLoaded(c), from, to)) {
      if (isPaused(o.due, pauses)) continue;
      const title = showTitles ? (words.get(o.versionId) ?? NEUTRAL_CALENDAR_TITLE) : NEUTRAL_CALENDAR_TITLE;
      entries.push(calendarEntryOf({ commitmentId: c.row.id, ...o }, title));
    }
  }
  return keepNearest(entries, now.toISOString(), CALENDAR_LIMITS.maxEvents).entries;
}

/** The feed behind a token (404 for an unknown or revoked one), as iCalendar text. */
export async function readFeed(deps: AppDeps, token: string): Promise<string> {
  const row = await findFeedByTokenHash(deps.db, feedHash(deps, token));
  if (!row) throw notFound();
  const owner = await loadActor(deps.db, row.user_id);
  if (!owner) throw notFound();
  const now = deps.clock.now();
  const entries = await entriesFor(deps, owner, toBool(row.show_titles), now);
  await touchFetched(deps.db, row.user_id, toDbTime(now));
  return feedText(entries, now);
}
