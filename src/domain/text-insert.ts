// Putting words into what a person is writing (a feeling word, a form to start from) where the
// cursor is, so they read as words: a space is added on either side where the neighbouring text
// has none, and nothing the person wrote is changed.

export interface Inserted {
  text: string;
  /** Where the cursor goes: just after the inserted words (and the space added after them). */
  cursor: number;
}

const SPACE_OR_START = /(^|[\s(“"'‘\u2014-])$/u;
const SPACE_OR_END_OR_PUNCT = /^($|[\s.,;:!?)”"'’\u2014-])/u;

/** Inserts `words` between `start` and `end` of `current` (a selection is replaced). */
export function insertWords(current: string, start: number, end: number, words: string): Inserted {
  const from = Math.max(0, Math.min(start, current.length));
  const to = Math.max(from, Math.min(end, current.length));
  const before = current.slice(0, from);
  const after = current.slice(to);
  const clean = words.trim();
  if (clean === '') return { text: current, cursor: from };
  const lead = SPACE_OR_START.test(before) ? '' : ' ';
  const trail = SPACE_OR_END_OR_PUNCT.test(after) ? '' : ' ';
  const middle = `${lead}${clean}${trail}`;
  return { text: before + middle + after, cursor: before.length + middle.length };
}
