import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it('trims surrounding whitespace and lower-cases', () => {
    expect(normalizeEmail('  Ana.Smith@Example.ORG  ')).toBe('ana.smith@example.org');
    expect(normalizeEmail('\tBEN@EXAMPLE.COM\n')).toBe('ben@example.com');
  });

  it('leaves an already normal address untouched', () => {
    expect(normalizeEmail('cara+attune@example.org')).toBe('cara+attune@example.org');
  });

  it('does not strip inner characters such as dots or plus tags', () => {
    expect(normalizeEmail('A.B+C@D.E')).toBe('a.b+c@d.e');
  });

  it('makes differently typed forms of one address equal', () => {
    expect(normalizeEmail('Dan@Example.org')).toBe(normalizeEmail(' dan@example.ORG'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeEmail(normalizeEmail(s)) === normalizeEmail(s)));
  });

  it('property: the result has no surrounding whitespace and no upper-case ASCII', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ unit: fc.constantFrom(' ', '\t', '\n') }), (email, pad) => {
        const n = normalizeEmail(pad + email.toUpperCase() + pad);
        return n === email.toLowerCase() && !/[A-Z]/.test(n) && n === n.trim();
      }),
    );
  });
});
