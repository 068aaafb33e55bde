/**
 * The specificity coach for needs: is "what I need from you" something a partner could do, and could
 * both people tell, on a given day, whether it happened? Pure, deterministic, no I/O.
 *
 * - An action is something one could see done or not done (ask, hug, call, put the phone away...).
 *   Traits and states (be present, care, support me, make me feel loved) are not actions.
 * - A when is a frequency or a moment (every day, twice a week, at dinner, when I am upset).
 *   "More", "sometimes", "often", "always", "when you can" are not a when.
 * - Negation: an action after "do not", "never", "stop", "no", "quit" or "avoid" in the same clause
 *   does not count, because the contract says a bare "stop ..." / "don't ..." is not an action: it
 *   says what to leave out, not what to do. So "stop looking at your phone at dinner" is vague. A
 *   later "and", "instead", "but", "rather", "then", "so", "just" or a comma starts a fresh part,
 *   so "stop X and instead Y" counts Y. "Do not forget to" and "why do not you" are not negations.
 * - Known limits (complaints such as "you never ask about my day", wishes after "if") are listed
 *   in need-cases.ts as needKnownLimits and reported by scripts/need-coach-report.ts.
 */
import {
  ACTIONS,
  type ActionRule,
  IMPLIED_WHEN,
  NEGATORS,
  NOT_A_NEGATION,
  NOT_WHEN,
  RESET,
  TRAIT_MASKS,
  WHEN,
} from './need-rules.js';
import { suggestForTrait, suggestWhen } from './need-suggest.js';
import { normaliseNeed } from './need-text.js';

export type NeedPart = 'action' | 'when';

export interface NeedAssessment {
  level: 'specific' | 'partial' | 'vague';
  missing: NeedPart[];
  suggestion?: string;
}

const GLOBAL_ACTIONS: readonly ActionRule[] = ACTIONS.map((a) => ({ ...a, pattern: new RegExp(a.pattern.source, 'g') }));
const MASK = ' _ ';

/** The first "when" phrase found, and the text with every "when" phrase masked out. */
function findWhen(text: string): { when: string | undefined; rest: string } {
  let rest = text;
  for (const pattern of NOT_WHEN) rest = rest.replace(pattern, MASK);
  let first: { at: number; phrase: string } | undefined;
  for (const pattern of WHEN) {
    rest = rest.replace(pattern, (phrase: string, ...args: unknown[]) => {
      const at = args.find((a): a is number => typeof a === 'number') ?? 0;
      if (!first || at < first.at) first = { at, phrase: phrase.trim() };
      return MASK;
    });
  }
  const implied = first ? undefined : IMPLIED_WHEN.map((p) => rest.match(p)?.[0]).find(Boolean);
  return { when: first?.phrase ?? implied, rest };
}

/** True when the words before `index` in its clause end in a negation with nothing resetting it. */
function negatedAt(clause: string, index: number): boolean {
  let negated = false;
  for (const word of clause.slice(0, index).split(' ')) {
    if (NEGATORS.has(word)) negated = true;
    else if (RESET.has(word)) negated = false;
  }
  return negated;
}

/** The first action rule with an occurrence that is not negated, if any. */
function findAction(text: string): ActionRule | undefined {
  let rest = text;
  for (const pattern of TRAIT_MASKS) rest = rest.replace(pattern, MASK);
  for (const pattern of NOT_A_NEGATION) rest = rest.replace(pattern, ' ');
  const clauses = rest.split(',');
  let best: { at: number; rule: ActionRule } | undefined;
  let offset = 0;
  for (const clause of clauses) {
    for (const rule of GLOBAL_ACTIONS) {
      for (const match of clause.matchAll(rule.pattern)) {
        const at = offset + match.index;
        if (!negatedAt(clause, match.index) && (!best || at < best.at)) best = { at, rule };
      }
    }
    offset += clause.length + 1;
  }
  return best?.rule;
}

export function assessNeed(text: string): NeedAssessment {
  const normalised = normaliseNeed(typeof text === 'string' ? text : '');
  const { when, rest } = findWhen(normalised);
  const action = findAction(rest);
  if (action && when) return { level: 'specific', missing: [] };
  if (action)
    return { level: 'partial', missing: ['when'], suggestion: suggestWhen(typeof text === 'string' ? text : '', action.when) };
  return {
    level: 'vague',
    missing: when ? ['action'] : ['action', 'when'],
    suggestion: suggestForTrait(normalised, when),
  };
}
