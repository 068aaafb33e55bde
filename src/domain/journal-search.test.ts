import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch, searchWords } from './journal-search.js';

describe('foldForSearch', () => {
  it('drops case and accents, composed or not', () => {
    expect(foldForSearch('Café CRÈME naïve Ångström')).toBe('cafe creme naive angstrom');
    expect(foldForSearch('Cafe\u0301')).toBe('cafe');
    expect(foldForSearch('ÉTÉ')).toBe(foldForSearch('été'));
  });
});

describe('searchWords', () => {
  it('splits on any space, folds, and keeps each word once', () => {
    expect(searchWords('  Walk  the\tWALK\nCafé ')).toEqual(['walk', 'the', 'cafe']);
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('matchesSearch', () => {
  it('needs every word, found in the text or in the tags, as a word or part of one', () => {
    const words = searchWords('cafe walking');
    expect(matchesSearch(words, 'A slow morning at the Café', ['Walking'])).toBe(true);
    expect(matchesSearch(words, 'A slow morning at the Café', ['rest'])).toBe(false);
    expect(matchesSearch(searchWords('walk'), 'We went walking', [])).toBe(true);
    expect(matchesSearch(searchWords('self care'), 'nothing here', ['self-care'])).toBe(true);
  });

  it('matches everything when there are no words', () => {
    expect(matchesSearch([], 'anything', [])).toBe(true);
  });

  it('finds any word of an entry however it is cased or accented in the search', () => {
    const word = fc.stringMatching(/^[a-zà-ÿ]{1,12}$/);
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 5 }), (w, others) => {
        const text = [...others, w].join(' ');
        expect(matchesSearch(searchWords(w.toUpperCase()), text, [])).toBe(true);
        expect(matchesSearch(searchWords(foldForSearch(w)), text, [])).toBe(true);
      }),
    );
  });
});
