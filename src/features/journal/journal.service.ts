import type { AppDeps } from '../../deps.js';
import { decideOwned } from '../../domain/access-policy.js';
import { MOODS, type Mood } from '../../domain/checkins.js';
import { SELF_PROMPTS, selfPromptById } from '../../domain/closeness/prompts.js';
import { matchesSearch, searchWords } from '../../domain/journal-search.js';
import type { SignedInUser } from '../../http/route.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { requirePrivatePlaces } from '../auth/reauth.service.js';
import {
  deleteEntry,
  type EntryCursor,
  type EntryRow,
  findEntry,
  findMyCursor,
  insertEntry,
  listMyEntries,
  updateEntry,
} from './journal.repo.js';
import {
  type CreateEntryBody,
  type EntryView,
  JOURNAL_LIMITS,
  type JournalList,
  type PromptList,
  type UpdateEntryBody,
} from './journal.schema.js';

// "For me", the private journal (decision 022). Each entry is its owner's alone: another person's id
// answers 404 exactly like a missing one (decideOwned). Every use but the prompts needs the private
// places open on this session (requirePrivatePlaces: 403 reauth_required after 15 idle minutes).
// Text and tags are sealed under the owner's key; the mood is plain. Search opens the owner's own
// entries here, newest first, never through an index. Nothing is published and no one is notified:
// nothing the partner can reach changes when the journal is used.

const L = JOURNAL_LIMITS;
/** Entries read from the database at a time while searching. */
const SEARCH_BATCH = 200;

export const context = (rowId: string, column: 'text' | 'tags') => ({ table: 'journal_entries', column, rowId });
const iso = (value: string) => fromDbTime(value).toISOString();
const isMood = (value: string): value is Mood => (MOODS as readonly string[]).includes(value);

function moodOf(row: EntryRow): Mood | null {
  if (row.mood === null) return null;
  if (!isMood(row.mood)) throw new Error('A stored journal mood is not one we know');
  return row.mood;
}

async function sealTags(deps: AppDeps, userId: string, id: string, tags: readonly string[]): Promise<string> {
  return deps.sealer.seal(userId, context(id, 'tags'), JSON.stringify(tags));
}

async function viewOf(deps: AppDeps, row: EntryRow): Promise<EntryView> {
  const tags =
    row.tags_sealed === null
      ? []
      : (JSON.parse(await deps.sealer.open(row.user_id, context(row.id, 'tags'), row.tags_sealed)) as string[]);
  return {
    id: row.id,
    text: await deps.sealer.open(row.user_id, context(row.id, 'text'), row.text_sealed),
    mood: moodOf(row),
    tags,
    promptId: row.prompt_id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** My entry, or 404 with the body of a missing one (someone else's included). */
async function ownEntry(deps: AppDeps, user: SignedInUser, id: string): Promise<EntryRow> {
  const row = await findEntry(deps.db, id);
  enforce(decideOwned(user.actor, row && { ownerId: row.user_id }));
  if (!row) throw notFound();
  return row;
}

/** The self-worth prompts. Not behind the password: they say nothing about what I wrote. */
export function listPrompts(): PromptList {
  return { prompts: SELF_PROMPTS.map(({ id, text, hint }) => ({ id, text, hint })) };
}

export async function createEntry(deps: AppDeps, user: SignedInUser, body: CreateEntryBody): Promise<EntryView> {
  await requirePrivatePlaces(deps, user);
  if (body.promptId !== null && !selfPromptById(body.promptId)) {
    throw badInput([{ path: 'promptId', message: 'That prompt is not one we know. You can write without one.' }]);
  }
  const userId = user.actor.userId;
  const now = deps.clock.now();
  const id = newId(now);
  await insertEntry(deps.db, {
    id,
    userId,
    textSealed: await deps.sealer.seal(userId, context(id, 'text'), body.text),
    mood: body.mood,
    tagsSealed: await sealTags(deps, userId, id, body.tags),
    promptId: body.promptId,
    at: toDbTime(now),
  });
  return readEntryAfterCheck(deps, user, id);
}

async function readEntryAfterCheck(deps: AppDeps, user: SignedInUser, id: string): Promise<EntryView> {
  return viewOf(deps, await ownEntry(deps, user, id));
}

export async function readEntry(deps: AppDeps, user: SignedInUser, id: string): Promise<EntryView> {
  await requirePrivatePlaces(deps, user);
  return readEntryAfterCheck(deps, user, id);
}

export async function changeEntry(deps: AppDeps, user: SignedInUser, id: string, body: UpdateEntryBody): Promise<EntryView> {
  await requirePrivatePlaces(deps, user);
  const row = await ownEntry(deps, user, id);
  const userId = user.actor.userId;
  await updateEntry(deps.db, userId, row.id, {
    ...(body.text !== undefined ? { text_sealed: await deps.sealer.seal(userId, context(row.id, 'text'), body.text) } : {}),
    ...(body.mood !== undefined ? { mood: body.mood } : {}),
    ...(body.tags !== undefined ? { tags_sealed: await sealTags(deps, userId, row.id, body.tags) } : {}),
    updated_at: toDbTime(deps.clock.now()),
  });
  return readEntryAfterCheck(deps, user, row.id);
}

export async function removeEntry(deps: AppDeps, user: SignedInUser, id: string): Promise<void> {
  await requirePrivatePlaces(deps, user);
  const row = await ownEntry(deps, user, id);
  await deleteEntry(deps.db, user.actor.userId, row.id);
}

/** Where `before` points in my journal; an id that is not one of my entries is refused alike, missing or not. */
async function cursorOf(deps: AppDeps, userId: string, before: string | undefined): Promise<EntryCursor | null> {
  if (before === undefined) return null;
  const cursor = await findMyCursor(deps.db, userId, before);
  if (!cursor)
    throw badInput([
      { path: 'before', message: 'That entry is not in your journal any more. Please start again from the newest.' },
    ]);
  return cursor;
}

/** My journal newest first, a page at a time; with `q`, the entries matching every word of it. */
export async function listEntries(
  deps: AppDeps,
  user: SignedInUser,
  query: { q?: string | undefined; before?: string | undefined },
): Promise<JournalList> {
  await requirePrivatePlaces(deps, user);
  const userId = user.actor.userId;
  const cursor = await cursorOf(deps, userId, query.before);
  const words = searchWords(query.q ?? '');
  if (words.length === 0) {
    const rows = await listMyEntries(deps.db, userId, cursor, L.page + 1);
    const page = rows.slice(0, L.page);
    const more = rows.length > L.page;
    const entries: EntryView[] = [];
    for (const row of page) entries.push(await viewOf(deps, row));
    return { entries, more, before: more ? (page[page.length - 1]?.id ?? null) : null };
  }
  return search(deps, userId, words, cursor);
}

/**
 * Opens my entries newest first from `cursor`, at most 2,000 of them, and keeps those matching every
 * word, at most 50. `more` says whether entries are left beyond the last one opened, which is where
 * the next request starts (`before`).
 */
async function search(deps: AppDeps, userId: string, words: string[], from: EntryCursor | null): Promise<JournalList> {
  const entries: EntryView[] = [];
  let cursor = from;
  let scanned = 0;
  let last: EntryRow | null = null;
  let more = false;
  while (entries.length < L.page && scanned < L.searchScan) {
    const take = Math.min(SEARCH_BATCH, L.searchScan - scanned);
    // One row beyond the batch says whether anything is left after it.
    const rows = await listMyEntries(deps.db, userId, cursor, take + 1);
    const batch = rows.slice(0, take);
    let stoppedAt = -1;
    for (const [i, row] of batch.entries()) {
      scanned += 1;
      last = row;
      stoppedAt = i;
      const entry = await viewOf(deps, row);
      if (matchesSearch(words, entry.text, entry.tags)) entries.push(entry);
      if (entries.length === L.page) break;
    }
    more = rows.length > stoppedAt + 1;
    if (!more || last === null) break;
    cursor = { createdAt: last.created_at, id: last.id };
  }
  return { entries, more, before: more && last ? last.id : null };
}
