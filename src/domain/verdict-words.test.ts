import { describe, expect, it } from 'vitest';
import { HOW_WORKED_OUT, pWords, sureWords, TOO_EARLY_WORDS, verdictNumbers, verdictWords } from './verdict-words';

describe('verdict words: one plain wording for the same certainty, numbers kept apart', () => {
  it('says a verdict without any p-value', () => {
    expect(verdictWords({ verdict: 'too-early', p: 1 })).toBe(TOO_EARLY_WORDS);
    expect(verdictWords({ verdict: 'steady', p: 0.4 })).toBe('Steady');
    expect(verdictWords({ verdict: 'improving', p: 0.012 })).toBe('Improving (fairly sure)');
    expect(verdictWords({ verdict: 'declining', p: 0.004 })).toBe('Declining (quite sure)');
    expect(verdictWords({ verdict: 'improving', p: 0.0002 })).toBe('Improving (very sure)');
    for (const p of [0.04, 0.004, 0.0004]) expect(verdictWords({ verdict: 'improving', p })).not.toMatch(/p\s*[=<]|\d/);
  });

  it('grades sureness at 0.01 and 0.001, the same for every caller', () => {
    expect(sureWords(0.049)).toBe('fairly sure');
    expect(sureWords(0.01)).toBe('fairly sure');
    expect(sureWords(0.0099)).toBe('quite sure');
    expect(sureWords(0.001)).toBe('quite sure');
    expect(sureWords(0.00099)).toBe('very sure');
  });

  it('keeps the numbers for the worked-out note', () => {
    expect(pWords(0.0312)).toBe('p = 0.03');
    expect(verdictNumbers({ verdict: 'improving', p: 0.004, slopePerWeek: 2.14, n: 9 })).toBe(
      'p = 0.004; a change of +2.1 points a week; 9 weekly values.',
    );
    expect(verdictNumbers({ verdict: 'too-early', p: 1, slopePerWeek: 0, n: 2 })).toBe('2 weekly values.');
    expect(HOW_WORKED_OUT).toMatch(/below 0\.05/);
  });
});
