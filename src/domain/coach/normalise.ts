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

/** ASCII white space as `\s` sees it: tab, line feed, vertical tab, form feed, carriage return, space. */
const asciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const isSpace = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code < 128 ? asciiSpace(code) : SPACE.test(text.charAt(i));
};

export function normalise(original: string): NormalisedText {
  let out = '';
  const starts: number[] = [];
  const length = original.length;
  let i = 0;
  while (i < length) {
    const code = original.charCodeAt(i);
    if (code < 128 && !asciiSpace(code)) {
      // The common case, kept cheap because the coach runs on every keystroke.
      starts.push(i);
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 0x60 ? "'" : original.charAt(i);
      i++;
      continue;
    }
    if (isSpace(original, i)) {
      starts.push(i);
      out += ' ';
      while (i < length && isSpace(original, i)) i++;
      continue;
    }
    const ch = original.charAt(i);
    if (!INVISIBLE.has(ch)) {
      starts.push(i);
      out += fold(ch);
    }
    i++;
  }
  return {
    text: out,
    toOriginal: (index) => (index <= 0 ? (starts[0] ?? length) : (starts[index] ?? length)),
  };
}
