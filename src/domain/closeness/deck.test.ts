import { describe, expect, it } from 'vitest';
import { DEPTHS, type Depth, QUESTIONS, questionById, THEMES } from './deck';
import { SELF_PROMPTS, selfPromptById } from './prompts';
import { RITUALS, ritualById } from './rituals';

// The words a question, ritual or prompt must not hold: gendered or assuming words, faith, money,
// absolutes and blame. Matched as whole words or phrases, case-insensitively.
const FORBIDDEN = [
  'husband',
  'wife',
  'boyfriend',
  'girlfriend',
  'he',
  'she',
  'him',
  'her',
  'his',
  'hers',
  'kids',
  'children',
  'child',
  'wedding',
  'married',
  'marriage',
  'spouse',
  'god',
  'pray',
  'money',
  'salary',
  'always',
  'never',
  "why don't you",
  "why didn't you",
  'fault',
  'blame',
];

const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at for with about from by as into than then so that this these those it its ' +
    'is are was were be been being am do does did have has had what which who whom whose when where how why ' +
    'you your yours yourself i me my we us our they them their themselves one some something someone anything ' +
    'anyone everything nothing can could would will should may might not no more most less very just even still ' +
    'there here out up down over own each other any all'
  ).split(' '),
);

/** Lowercased words; typographic and plain apostrophes split a word ("partner’s" → "partner", "s"). */
const words = (text: string): string[] => text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];

const singular = (word: string): string => {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
};

const contentWords = (text: string): Set<string> =>
  new Set(
    words(text)
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .map(singular),
  );

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Same number of words and all but one equal: one template with a word swapped. */
function oneWordSwap(a: string, b: string): boolean {
  const [wa, wb] = [words(a), words(b)];
  return wa.length === wb.length && wa.filter((word, i) => word !== wb[i]).length === 1;
}

function forbiddenIn(text: string): string[] {
  const lower = ` ${words(text).join(' ')} `;
  return FORBIDDEN.filter((term) => lower.includes(` ${words(term).join(' ')} `));
}

/** Pairs of texts too alike: content-word Jaccard ≥ 0.5, or a single-word swap. */
function nearDuplicates(texts: readonly string[]): string[] {
  const sets = texts.map(contentWords);
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const similarity = jaccard(sets[i] as Set<string>, sets[j] as Set<string>);
      if (similarity >= 0.5 || oneWordSwap(texts[i] as string, texts[j] as string)) {
        found.push(`${similarity.toFixed(2)}  ${texts[i]}  ~  ${texts[j]}`);
      }
    }
  }
  return found;
}

const YES_NO_OPENERS = new Set(
  'do does did is are was were am have has had can could would will should shall may might'.split(' '),
);
const LIGHTER_THEME = 'gentle';
const TARGET_SHARE: Record<Depth, number> = { light: 0.4, medium: 0.35, deep: 0.25 };

describe('the question deck', () => {
  it('has at least 7 themes with unique slug ids, names and descriptions', () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(7);
    expect(new Set(THEMES.map((theme) => theme.id)).size).toBe(THEMES.length);
    for (const theme of THEMES) {
      expect(theme.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(theme.name.length).toBeGreaterThan(0);
      expect(theme.about.length).toBeGreaterThan(0);
    }
    expect(THEMES.map((theme) => theme.id)).toContain(LIGHTER_THEME);
  });

  it('holds at least 180 questions, at least 15 in each theme', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(180);
    for (const theme of THEMES) {
      expect(QUESTIONS.filter((question) => question.theme === theme.id).length, theme.id).toBeGreaterThanOrEqual(15);
    }
  });

  it('has every depth in every theme; the lighter theme is mostly light, with some medium', () => {
    for (const theme of THEMES) {
      const inTheme = QUESTIONS.filter((question) => question.theme === theme.id);
      const count = (depth: Depth) => inTheme.filter((question) => question.depth === depth).length;
      if (theme.id === LIGHTER_THEME) {
        expect(count('light')).toBeGreaterThan(inTheme.length / 2);
        expect(count('medium')).toBeGreaterThanOrEqual(3);
      } else {
        for (const depth of DEPTHS) expect(count(depth), `${theme.id} ${depth}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps the overall depth shares within 10 points of 40% light, 35% medium, 25% deep', () => {
    for (const depth of DEPTHS) {
      const share = QUESTIONS.filter((question) => question.depth === depth).length / QUESTIONS.length;
      expect(Math.abs(share - TARGET_SHARE[depth]), depth).toBeLessThanOrEqual(0.1);
    }
  });

  it('gives every question a unique, well-formed id that names its theme', () => {
    expect(new Set(QUESTIONS.map((question) => question.id)).size).toBe(QUESTIONS.length);
    for (const question of QUESTIONS) {
      expect(question.id).toMatch(/^[a-z]+(-[a-z]+)*-\d{3}$/);
      expect(question.id.slice(0, -4)).toBe(question.theme);
      expect(DEPTHS).toContain(question.depth);
    }
  });

  it('finds questions by id, and nothing for an unknown id', () => {
    for (const question of QUESTIONS) expect(questionById(question.id)).toBe(question);
    expect(questionById('memories-999')).toBeUndefined();
    expect(questionById('')).toBeUndefined();
  });

  it('asks open questions of 20 to 160 characters, ending with a question mark', () => {
    for (const { id, text } of QUESTIONS) {
      expect(text.length, id).toBeGreaterThanOrEqual(20);
      expect(text.length, id).toBeLessThanOrEqual(160);
      expect(text.endsWith('?'), id).toBe(true);
      expect(text.trim(), id).toBe(text);
      expect(YES_NO_OPENERS.has(words(text)[0] ?? ''), `${id} reads as a yes/no question`).toBe(false);
    }
  });

  it('uses none of the forbidden words', () => {
    const offending = QUESTIONS.map(({ id, text }) => [id, forbiddenIn(text)] as const).filter(([, found]) => found.length);
    expect(offending).toEqual([]);
  });

  it('has no near-duplicates and no one-word swaps', () => {
    expect(nearDuplicates(QUESTIONS.map((question) => question.text))).toEqual([]);
  });
});

describe('the near-duplicate and word checks themselves', () => {
  it('catch a swapped word, a close rewording and forbidden words, and let distinct questions pass', () => {
    expect(nearDuplicates(['What makes you laugh lately?', 'What makes you smile lately?'])).toHaveLength(1);
    expect(
      nearDuplicates(['What helps you feel close to your partner?', 'What helps you feel close to your partner these days?']),
    ).toHaveLength(1);
    expect(nearDuplicates(['What is a place you love?', 'Which worry has been with you this month?'])).toEqual([]);
    expect(forbiddenIn('What would she say, and why don’t you ask?')).toEqual(['she', "why don't you"]);
    expect(forbiddenIn("Why don't you ever listen?")).toEqual(["why don't you"]);
    expect(forbiddenIn('What is the other thing here?')).toEqual([]);
  });
});

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

describe('the connection rituals', () => {
  it('holds at least 24 rituals with unique slug ids', () => {
    expect(RITUALS.length).toBeGreaterThanOrEqual(24);
    expect(new Set(RITUALS.map((ritual) => ritual.id)).size).toBe(RITUALS.length);
    for (const ritual of RITUALS) {
      expect(ritual.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(ritualById(ritual.id)).toBe(ritual);
    }
    expect(ritualById('no-such-ritual')).toBeUndefined();
  });

  it('suggests valid schedules', () => {
    for (const { id, suggested } of RITUALS) {
      if (suggested.kind === 'weekly') {
        expect(Number.isInteger(suggested.times) && suggested.times >= 1 && suggested.times <= 7, id).toBe(true);
        continue;
      }
      if (suggested.by !== null) expect(suggested.by, id).toMatch(HH_MM);
      if (suggested.kind === 'weekdays') {
        expect(suggested.days.length, id).toBeGreaterThan(0);
        expect(new Set(suggested.days).size, id).toBe(suggested.days.length);
        for (const day of suggested.days) expect(Number.isInteger(day) && day >= 1 && day <= 7, id).toBe(true);
      }
    }
  });

  it('says what the doer does, in one sentence, and why in one or two plain ones', () => {
    for (const { id, title, what, why } of RITUALS) {
      expect(title.length, id).toBeGreaterThan(0);
      expect(what, id).not.toMatch(/^(ask about my|my )/i);
      expect(words(what), `${id}: the doer acts for "them", not for "me"`).not.toContain('my');
      expect(words(what), id).not.toContain('me');
      expect(what.endsWith('.'), id).toBe(true);
      expect(what.slice(0, -1), `${id}: one sentence`).not.toMatch(/[.!?]\s/);
      const sentences = why.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, id).toBeLessThanOrEqual(2);
      expect(why, `${id}: no statistics or citations`).not.toMatch(/\d|%|research|stud(y|ies)|science|proven/i);
      expect(forbiddenIn(`${title} ${what} ${why}`), id).toEqual([]);
    }
  });
});

describe('the "For me" prompts', () => {
  it('holds at least 12 prompts with unique slug ids, each with a hint', () => {
    expect(SELF_PROMPTS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SELF_PROMPTS.map((prompt) => prompt.id)).size).toBe(SELF_PROMPTS.length);
    for (const prompt of SELF_PROMPTS) {
      expect(prompt.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(prompt.text.endsWith('?'), prompt.id).toBe(true);
      expect(prompt.hint.length, prompt.id).toBeGreaterThan(0);
      expect(selfPromptById(prompt.id)).toBe(prompt);
    }
  });

  it('is gentle: no orders, no forbidden words, no near-duplicates', () => {
    for (const { id, text, hint } of SELF_PROMPTS) {
      expect(`${text} ${hint}`, id).not.toMatch(/\b(must|should|ought to|have to|you need to)\b/i);
      expect(forbiddenIn(`${text} ${hint}`), id).toEqual([]);
    }
    expect(nearDuplicates(SELF_PROMPTS.map((prompt) => prompt.text))).toEqual([]);
  });
});
