import * as v from 'valibot';
import { MOODS } from '../../domain/checkins.js';

// "For me": the private journal. Visible to its owner alone; text and tags are sealed at rest and
// searched only after opening, on the server, for their owner.

export const JOURNAL_LIMITS = {
  textLength: 10_000,
  tags: 10,
  tagLength: 30,
  /** Entries per page of the list or of search results. */
  page: 50,
  /** Entries opened at most by one search request; the answer says when more are left to search. */
  searchScan: 2000,
  queryLength: 100,
} as const;

const L = JOURNAL_LIMITS;

export const EntryIdParams = v.strictObject({ id: v.pipe(v.string(), v.uuid('That is not a journal entry id.')) });

const Text = v.pipe(
  v.string('Please write your entry as text.'),
  v.trim(),
  v.nonEmpty('Please write a few words first.'),
  v.maxLength(L.textLength, `Please keep an entry to ${L.textLength} characters.`),
);
const Mood = v.nullable(v.picklist(MOODS, 'Please choose the mood that fits best, or none.'));
const Tags = v.pipe(
  v.array(
    v.pipe(
      v.string('Please write each tag as text.'),
      v.trim(),
      v.nonEmpty('A tag needs at least one letter.'),
      v.maxLength(L.tagLength, `Please keep each tag to ${L.tagLength} characters.`),
    ),
    'Please give the tags as a list.',
  ),
  v.maxLength(L.tags, `Please use at most ${L.tags} tags.`),
  v.transform((tags) => [...new Set(tags)]),
);
const PromptId = v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'That is not a prompt id.')));

export const CreateEntryBody = v.strictObject({
  text: Text,
  mood: v.optional(Mood, null),
  tags: v.optional(Tags, []),
  /** The self-worth prompt it answers, if any. */
  promptId: v.optional(PromptId, null),
});

export const UpdateEntryBody = v.pipe(
  v.strictObject({ text: v.optional(Text), mood: v.optional(Mood), tags: v.optional(Tags) }),
  v.check((b) => b.text !== undefined || b.mood !== undefined || b.tags !== undefined, 'Please change something first.'),
);

export const JournalQuery = v.strictObject({
  /** Words to look for in my entries' text and tags (case and accents do not matter). */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(L.queryLength, `Please keep a search to ${L.queryLength} characters.`))),
  /** The next page: entries written before this entry. */
  before: v.optional(v.pipe(v.string(), v.uuid('That is not a journal entry id.'))),
});

export const EntryView = v.object({
  id: v.string(),
  text: v.string(),
  mood: v.nullable(v.picklist(MOODS)),
  tags: v.array(v.string()),
  promptId: v.nullable(v.string()),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const JournalList = v.object({
  entries: v.array(EntryView),
  /** More entries (or more to search) further back: ask again with `before`. */
  more: v.boolean(),
  /**
   * When `more`: the `before` to ask with next. For a search it is the last entry looked through,
   * which may not be one of those listed (one request looks through at most 2,000 entries).
   */
  before: v.nullable(v.string()),
});

export const PromptList = v.object({
  prompts: v.array(v.object({ id: v.string(), text: v.string(), hint: v.string() })),
});

export type EntryView = v.InferOutput<typeof EntryView>;
export type JournalList = v.InferOutput<typeof JournalList>;
export type PromptList = v.InferOutput<typeof PromptList>;
export type CreateEntryBody = v.InferOutput<typeof CreateEntryBody>;
export type UpdateEntryBody = v.InferOutput<typeof UpdateEntryBody>;
