import { describe, expect, it } from 'vitest';
import { toDoersVoice } from './voice';

describe('toDoersVoice: a partner’s need offered in the voice of the one who will do it', () => {
  it('turns the example from the issue', () => {
    expect(toDoersVoice('Ask about my day at dinner, without your phone')).toBe('Ask about your day at dinner, without my phone');
  });

  it('swaps I and you as subjects and objects', () => {
    expect(toDoersVoice('I need you to call me when you are late')).toBe('You need me to call you when I am late');
    expect(toDoersVoice('I was hoping you would ask what I am reading')).toBe('You were hoping I would ask what you are reading');
  });

  it('keeps a capital at the start of a sentence', () => {
    expect(toDoersVoice('My evenings feel lonely. Your phone stays away.')).toBe(
      'Your evenings feel lonely. My phone stays away.',
    );
  });

  it('turns contractions and possessives', () => {
    expect(toDoersVoice('Tell me you’re proud of mine')).toBe('Tell you I’m proud of yours');
    expect(toDoersVoice("Hug me when I'm home")).toBe("Hug you when you're home");
  });

  it('leaves words without a person in them alone', () => {
    expect(toDoersVoice('A walk together on Sundays')).toBe('A walk together on Sundays');
    expect(toDoersVoice('Mind the timing')).toBe('Mind the timing');
  });
});
