import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules';

const TOO_SHORT = /at least 10 characters/;
const COMMON = /most common/;
const EMAIL = /contains your email/;

describe('passwordProblem', () => {
  it('requires at least 10 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordProblem('')).toMatch(TOO_SHORT);
    expect(passwordProblem('tulip-moon')).toBeNull(); // exactly 10
    expect(passwordProblem('tulip-moo')).toMatch(TOO_SHORT); // 9
  });

  it('counts an emoji as one character, not as two UTF-16 units', () => {
    // Nine emoji: 18 UTF-16 code units but 9 characters, so too short.
    const nine = '🌷🌙🐢🍋🎈🦊🌊🍄🎻';
    expect(nine.length).toBe(18);
    expect(passwordProblem(nine)).toMatch(TOO_SHORT);
    // Ten distinct emoji: fine.
    expect(passwordProblem(`${nine}🐝`)).toBeNull();
    // Nine letters plus an emoji = 10 characters.
    expect(passwordProblem('tulipmoon🌷')).toBeNull();
    expect(passwordProblem('tulipmoo🌷')).toMatch(TOO_SHORT);
  });

  it('counts accented letters as one character each', () => {
    expect(passwordProblem('éééàààüüü')).toMatch(TOO_SHORT); // 9
    expect(passwordProblem('crème-brûl')).toBeNull(); // 10
  });

  it('rejects common passwords case-insensitively', () => {
    for (const p of ['Password123', 'PASSWORD123', 'QWERTYUIOP', 'qwertyuiop', 'IloveYou123', '1234567890', 'Attune12345']) {
      expect(passwordProblem(p), p).toMatch(COMMON);
    }
  });

  it('rejects every listed common password that is long enough', () => {
    for (const p of COMMON_PASSWORDS) {
      if ([...p].length >= MIN_PASSWORD_LENGTH) expect(passwordProblem(p), p).toMatch(COMMON);
      if ([...p].length >= MIN_PASSWORD_LENGTH) expect(passwordProblem(p.toUpperCase()), p).toMatch(COMMON);
    }
  });

  it('only lists lower-case entries (they are compared after lower-casing)', () => {
    for (const p of COMMON_PASSWORDS) expect(p, p).toBe(p.toLowerCase());
  });

  it('rejects one repeated character, in any case mix', () => {
    expect(passwordProblem('zzzzzzzzzzzz')).toMatch(COMMON);
    expect(passwordProblem('ZZZZZZZZZZ')).toMatch(COMMON);
    expect(passwordProblem('zZzZzZzZzZ')).toMatch(COMMON);
    expect(passwordProblem('..........')).toMatch(COMMON);
    // Two different characters is not "one repeated character".
    expect(passwordProblem('zzzzzzzzzy')).toBeNull();
  });

  it('property: any single character repeated to length >= 10 is rejected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?.-_ #'.split('')),
        fc.integer({ min: MIN_PASSWORD_LENGTH, max: 64 }),
        (ch, n) => passwordProblem(ch.repeat(n)) !== null,
      ),
    );
  });

  // Known gap: the repeated-character regex has no `u` flag, so an astral character (emoji) is two
  // UTF-16 units and "one repeated emoji" is not recognised. Remove `.fails` once fixed.
  it('rejects one repeated emoji', () => {
    expect(passwordProblem('🌷'.repeat(12))).not.toBeNull();
  });

  it('rejects a password containing the email local part (case-insensitive)', () => {
    expect(passwordProblem('hello-anasmith-2026', { email: 'anasmith@example.org' })).toMatch(EMAIL);
    expect(passwordProblem('HELLO-ANASMITH-2026', { email: 'AnaSmith@Example.org' })).toMatch(EMAIL);
    expect(passwordProblem('anasmith@example.org', { email: 'anasmith@example.org' })).toMatch(EMAIL);
  });

  it('ignores very short local parts (under 4 characters)', () => {
    expect(passwordProblem('anabanana-river', { email: 'ana@example.org' })).toBeNull();
    expect(passwordProblem('anna-by-the-river', { email: 'anna@example.org' })).toMatch(EMAIL);
  });

  it('does not complain about the email when it is absent or not contained', () => {
    expect(passwordProblem('tall-green-lantern')).toBeNull();
    expect(passwordProblem('tall-green-lantern', { email: 'anasmith@example.org' })).toBeNull();
    expect(passwordProblem('tall-green-lantern', {})).toBeNull();
  });

  it('checks length before commonness, and commonness before email', () => {
    expect(passwordProblem('password', { email: 'password@example.org' })).toMatch(TOO_SHORT);
    expect(passwordProblem('password123', { email: 'password@example.org' })).toMatch(COMMON);
  });

  it('accepts fine passwords', () => {
    for (const p of ['correct horse battery staple', 'tulip-moon-kettle', 'Ünïcødé-pässwörd', 'x9$Lq!2vB#r7']) {
      expect(passwordProblem(p, { email: 'someone@example.org' }), p).toBeNull();
    }
  });

  it('speaks kindly: messages are sentences without exclamation marks', () => {
    const messages = [
      passwordProblem('short'),
      passwordProblem('Password123'),
      passwordProblem('aaaaaaaaaaaa'),
      passwordProblem('my-anasmith-words', { email: 'anasmith@example.org' }),
    ];
    for (const m of messages) {
      expect(m).toBeTypeOf('string');
      expect(m).not.toContain('!');
      expect(m).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set([messages[0], messages[1], messages[3]]).size).toBe(3);
  });

  it('property: any password of 10+ characters that is not a single repeated char, common, or email-like is fine', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: MIN_PASSWORD_LENGTH, maxLength: 40 }), (p) => {
        const lowered = p.toLowerCase();
        fc.pre(!COMMON_PASSWORDS.has(lowered) && new Set(lowered).size > 1);
        return passwordProblem(p) === null;
      }),
    );
  });

  it('property: any password shorter than 10 characters is too short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: MIN_PASSWORD_LENGTH - 1 }), (p) => {
        fc.pre([...p].length < MIN_PASSWORD_LENGTH);
        return TOO_SHORT.test(passwordProblem(p) ?? '');
      }),
    );
  });
});
