import { describe, expect, it } from 'vitest';
import { insertWords } from './text-insert';

describe('insertWords', () => {
  it('adds a space after a word the person already wrote ("invisible.When" never happens)', () => {
    const r = insertWords('I felt invisible.', 17, 17, 'When …, I felt …');
    expect(r.text).toBe('I felt invisible. When …, I felt …');
    expect(r.cursor).toBe(r.text.length);
  });

  it('adds no space at the start of an empty box, nor a double space after one', () => {
    expect(insertWords('', 0, 0, 'lonely').text).toBe('lonely');
    expect(insertWords('I felt ', 7, 7, 'lonely').text).toBe('I felt lonely');
  });

  it('separates the inserted word from text right after the cursor, but not from punctuation', () => {
    expect(insertWords('I felt and tired', 7, 7, 'lonely').text).toBe('I felt lonely and tired');
    expect(insertWords('I feltand', 6, 6, 'lonely').text).toBe('I felt lonely and');
    expect(insertWords('I felt .', 7, 7, 'lonely').text).toBe('I felt lonely.');
  });

  it('replaces a selection and keeps the rest exactly', () => {
    const r = insertWords('I felt sad today', 7, 10, 'left out');
    expect(r.text).toBe('I felt left out today');
    expect(r.cursor).toBe('I felt left out'.length);
  });

  it('clamps positions outside the text to its end', () => {
    expect(insertWords('hurt', 99, 99, 'sad').text).toBe('hurt sad');
  });
});
