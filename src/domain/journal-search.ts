// Searching my own journal (decision 022): after the entries are opened, on the server, for their
// owner only. A search matches when every word of it appears somewhere in an entry's text or tags,
// whatever the case and accents ("cafe" finds "Café"), as a word or part of one ("walk" finds
// "walking"). Pure: no I/O.

/** Lower case with accents and other combining marks removed: the form both sides are compared in. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

/** The words of a search, folded; none when it holds nothing but spaces. */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      foldForSearch(q)
        .split(/\s+/u)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** Whether every word is found in the text or in one of the tags. No words: everything matches. */
export function matchesSearch(words: readonly string[], text: string, tags: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = foldForSearch([text, ...tags].join('\n'));
  return words.every((word) => haystack.includes(word));
}
