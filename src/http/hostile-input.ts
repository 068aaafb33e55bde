import type { FieldError } from '../shared/errors.js';

// What no route can take, whatever its schema says: nesting deeper than any Attune request needs
// (a 10,000-deep body once crashed the recursive idempotency fingerprint), and characters a
// database cannot store (PostgreSQL refuses NUL in text and invalid UTF-8, which a lone surrogate
// becomes; SQLite would take them and answer differently). Checked before the schema, iteratively,
// so hostile input costs a bounded walk and always ends in a 400 that names the field.

/** Deeper than any request body, query or path of the API (the deepest is 4). */
export const MAX_INPUT_DEPTH = 16;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = String.fromCharCode(0);
const unstorable = (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text);

const pathOf = (where: string, keys: readonly (string | number)[]) => (keys.length > 0 ? keys.join('.') : where);

/** The first problem in untrusted input, or null. Never recurses: a stack of (value, path) pairs. */
export function hostileInputProblem(input: unknown, where: 'body' | 'query' | 'params'): FieldError | null {
  const stack: { value: unknown; keys: (string | number)[] }[] = [{ value: input, keys: [] }];
  while (stack.length > 0) {
    const { value, keys } = stack.pop() as { value: unknown; keys: (string | number)[] };
    if (typeof value === 'string') {
      if (unstorable(value)) {
        return { path: pathOf(where, keys), message: 'This holds a character that cannot be saved (a NUL or a broken one).' };
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (keys.length >= MAX_INPUT_DEPTH) {
      return { path: pathOf(where, keys), message: 'This is nested more deeply than anything here accepts.' };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        stack.push({ value: item, keys: [...keys, index] });
      });
      continue;
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (unstorable(key)) {
        return { path: pathOf(where, keys), message: 'A name in here holds a character that cannot be saved.' };
      }
      stack.push({ value: item, keys: [...keys, key] });
    }
  }
  return null;
}
