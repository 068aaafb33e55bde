import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SAFETY_ANSWER_OPTIONS,
  SAFETY_CONCERN_MESSAGE,
  SAFETY_QUESTIONS,
  type SafetyAnswer,
  type SafetyAnswers,
  type SafetyQuestionId,
  safetyConcern,
} from './safety';

const ids = SAFETY_QUESTIONS.map((q) => q.id);
const harmIds = SAFETY_QUESTIONS.filter((q) => q.kind === 'harm').map((q) => q.id);
const controlIds = SAFETY_QUESTIONS.filter((q) => q.kind === 'control').map((q) => q.id);
const ANSWERS: readonly SafetyAnswer[] = ['no', 'sometimes', 'yes', 'prefer-not-to-say'];

const allAnswered = (answer: SafetyAnswer): SafetyAnswers => Object.fromEntries(ids.map((id) => [id, answer]));

describe('SAFETY_QUESTIONS', () => {
  it('covers fear, control of money, contact and phone, threats, violence, sexual pressure and being careful', () => {
    expect(ids).toEqual([
      'afraid',
      'careful-to-stay-safe',
      'money',
      'friends-family',
      'phone-location',
      'threats',
      'physical-harm',
      'sexual-pressure',
    ]);
    expect(controlIds).toEqual(['money', 'friends-family', 'phone-location']);
  });

  it('has unique ids and calm texts: no exclamation marks, each a question', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of SAFETY_QUESTIONS) {
      expect(q.text, q.id).not.toContain('!');
      expect(q.text.endsWith('?'), q.id).toBe(true);
    }
    expect(SAFETY_ANSWER_OPTIONS.map((o) => o.value)).toEqual(ANSWERS);
  });
});

describe('safetyConcern', () => {
  it('is false for no answers and for all "no"', () => {
    expect(safetyConcern({})).toBe(false);
    expect(safetyConcern(allAnswered('no'))).toBe(false);
  });

  it.each(harmIds)('is true for a single "yes" or "sometimes" to %s', (id) => {
    expect(safetyConcern({ [id]: 'yes' })).toBe(true);
    expect(safetyConcern({ [id]: 'sometimes' })).toBe(true);
    expect(safetyConcern({ ...allAnswered('no'), [id]: 'yes' })).toBe(true);
  });

  it.each(controlIds)('is true for a single "yes" to %s, but not for a single "sometimes"', (id) => {
    expect(safetyConcern({ ...allAnswered('no'), [id]: 'yes' })).toBe(true);
    expect(safetyConcern({ ...allAnswered('no'), [id]: 'sometimes' })).toBe(false);
  });

  it('is true when two control answers are "sometimes"', () => {
    expect(safetyConcern({ money: 'sometimes', 'phone-location': 'sometimes' })).toBe(true);
    expect(safetyConcern({ 'friends-family': 'sometimes', 'phone-location': 'sometimes', afraid: 'no' })).toBe(true);
  });

  it('never raises concern from "prefer-not-to-say" alone, however many', () => {
    expect(safetyConcern(allAnswered('prefer-not-to-say'))).toBe(false);
    expect(safetyConcern({ afraid: 'prefer-not-to-say', threats: 'prefer-not-to-say' })).toBe(false);
  });

  it('counts "prefer-not-to-say" toward the control count once there is a "sometimes" about control', () => {
    expect(safetyConcern({ money: 'sometimes', 'phone-location': 'prefer-not-to-say' })).toBe(true);
    expect(safetyConcern({ money: 'sometimes', afraid: 'prefer-not-to-say' })).toBe(true);
    expect(safetyConcern({ money: 'sometimes', afraid: 'no', threats: 'no' })).toBe(false);
  });

  it('ignores unknown question ids and odd values without throwing', () => {
    const odd = { 'not-a-question': 'yes', __proto__: 'yes', afraid: 'no' } as unknown as SafetyAnswers;
    expect(safetyConcern(odd)).toBe(false);
    expect(safetyConcern({ 'not-a-question': 'yes', money: 'sometimes' } as unknown as SafetyAnswers)).toBe(false);
    expect(safetyConcern({ afraid: 'maybe' } as unknown as SafetyAnswers)).toBe(false);
  });

  const answersArb: fc.Arbitrary<SafetyAnswers> = fc.record(
    Object.fromEntries(ids.map((id) => [id, fc.constantFrom(...ANSWERS)])) as Record<
      SafetyQuestionId,
      fc.Arbitrary<SafetyAnswer>
    >,
    { requiredKeys: [] },
  );

  it('property: changing any answer from "no" to "yes" never turns concern from true to false', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...ids), (answers, id) => {
        const before = safetyConcern({ ...answers, [id]: 'no' });
        const after = safetyConcern({ ...answers, [id]: 'yes' });
        expect(before && !after).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: moving any answer up the order no < prefer-not-to-say < sometimes < yes never lowers concern', () => {
    const rank: Record<SafetyAnswer, number> = { no: 0, 'prefer-not-to-say': 1, sometimes: 2, yes: 3 };
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...ids), fc.constantFrom(...ANSWERS), (answers, id, raised) => {
        const current = answers[id] ?? 'no';
        if (rank[raised] < rank[current]) return;
        expect(!safetyConcern(answers) || safetyConcern({ ...answers, [id]: raised })).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('SAFETY_CONCERN_MESSAGE', () => {
  it('says what Attune is for, that answers stay private, and points to help lines, calmly', () => {
    expect(SAFETY_CONCERN_MESSAGE).toMatch(/built for couples where someone has felt neglected/);
    expect(SAFETY_CONCERN_MESSAGE).toMatch(/afraid or controlled/);
    expect(SAFETY_CONCERN_MESSAGE).toMatch(/never shown to your partner/);
    expect(SAFETY_CONCERN_MESSAGE).toMatch(/help lines/);
    expect(SAFETY_CONCERN_MESSAGE).not.toContain('!');
  });

  it('never diagnoses and never tells the person to leave or stay', () => {
    expect(SAFETY_CONCERN_MESSAGE).not.toMatch(
      /\babus(e|ive|er)\b|\bvictim\b|\byou should\b|\bleave (him|her|them|your partner)\b|\bstay with\b/i,
    );
  });
});
