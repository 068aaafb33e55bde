/**
 * Text clean-up for the need coach: one canonical lower-case form so the rules in need-rules.ts can
 * stay simple. Pure and locale-free (no toLocaleLowerCase), so browser and Node agree.
 * Kept separate from coach/normalise.ts on purpose: the coach rules depend on this exact shape.
 */

/** Longer inputs are cut here; a need is a sentence or two, and this bounds the work per call. */
export const MAX_NEED_CHARS = 1000;

const APOSTROPHES = /[\u2018\u2019\u201B\u2032\u02BC\u0060\u00B4]/g;

const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bwon'?t\b/g, 'will not'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\b(do|does|did|is|are|was|were|would|could|should|have|has|had|must|need)n'?t\b/g, '$1 not'],
  [/n't\b/g, ' not'],
  // A stray space where the apostrophe was: "don t", "can t", "i m".
  [/\b(do|does|did|is|are|was|were|would|could|should|have|has|had)n t\b/g, '$1 not'],
  [/\bcan t\b/g, 'can not'],
  [/\bwon t\b/g, 'will not'],
  [/\bi m\b/g, 'i am'],
  [/\bi'?m\b/g, 'i am'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\b(you|they)re\b/g, '$1 are'], // not "were"
  [/\b(i|you|we|they)'?ve\b/g, '$1 have'],
  [/\b(i|you|we|they|it|that)'ll\b/g, '$1 will'],
  [/\b(you|they)ll\b/g, '$1 will'], // not "well"
  [/\b(i|you|we|they|he|she)'d\b/g, '$1 would'],
  [/\blet's\b/g, 'let us'],
  [/\b(it|that|he|she|what|there|here)'s\b/g, '$1 is'],
];

/** Lower-case words separated by single spaces, with " , " wherever a clause breaks. */
export function normaliseNeed(text: string): string {
  let s = String(text).slice(0, MAX_NEED_CHARS).normalize('NFKC').replace(APOSTROPHES, "'").toLowerCase();
  s = s.replace(/(\d)[:.](\d\d)/g, '$1$2'); // 8:30 -> 830, so the colon does not break a clause
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s
    .replace(/'/g, '')
    .replace(/&/g, ' and ')
    .replace(/[-\u2010-\u2013/\\_]/g, ' ')
    .replace(/[.,;:!?()[\]{}\u2014\u2026"\u201C\u201D|+*]/g, ' , ')
    .replace(/[^a-z0-9, ]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/( ,)+/g, ' ,')
    .trim();
  return s.replace(/^, ?|,$/g, '').trim();
}

/** Turns a phrase from the canonical form back into something pleasant to read in a suggestion. */
export function prettifyPhrase(phrase: string): string {
  return phrase
    .replace(/\bi am\b/g, "I'm")
    .replace(/\bi\b/g, 'I')
    .replace(/\byou are\b/g, "you're")
    .replace(/\bwe are\b/g, "we're")
    .replace(/\btv\b/g, 'TV')
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/g, (d) => d[0]?.toUpperCase() + d.slice(1));
}
