/**
 * Text normalisation for the coaches: one comparable form of what a person wrote, with a way back
 * to the offsets of their own words. Pure and deterministic: the same in the browser and in Node.
 */

export interface NormalisedText {
  /**
   * Lower case; curly and stray apostrophes made straight ('), curly double quotes made ("); each
   * run of white space is one space; invisible joiners and soft hyphens are dropped.
   */
  readonly text: string;
  /**
   * The UTF-16 offset in the original text where the normalised character at `index` came from.
   * `text.length` (or more) maps to the original length, so a match's exclusive end maps cleanly.
   */
  toOriginal(index: number): number;
}

const APOSTROPHES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u0060', '\u00B4']);
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033']);
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']);
const SPACE = /\s/;

function fold(ch: string): string {
  if (APOSTROPHES.has(ch)) return "'";
  if (DOUBLE_QUOTES.has(ch)) return '"';
  const lower = ch.toLowerCase();
  // A few characters change length when lower-cased (İ); keep those as they are so offsets stay 1:1.
  return lower.length === 1 ? lower : ch;
}

export function normalise(original: string): NormalisedText {
  const out: string[] = [];
  const starts: number[] = [];
  let i = 0;
  while (i < original.length) {
    const ch = original.charAt(i);
    if (SPACE.test(ch)) {
      starts.push(i);
      out.push(' ');
      while (i < original.length && SPACE.test(original.charAt(i))) i++;
      continue;
    }
    if (!INVISIBLE.has(ch)) {
      starts.push(i);
      out.push(fold(ch));
    }
    i++;
  }
  const length = original.length;
  return {
    text: out.join(''),
    toOriginal: (index) => (index <= 0 ? (starts[0] ?? length) : (starts[index] ?? length)),
  };
}
