/** A small vocabulary of feelings, to find the word that fits. Written for Attune. */
export const FEELINGS: readonly { group: string; words: readonly string[] }[] = [
  { group: 'Hurt', words: ['lonely', 'unseen', 'left out', 'hurt', 'disappointed', 'sad'] },
  { group: 'Afraid', words: ['anxious', 'unsure', 'worried', 'unsafe', 'on edge'] },
  { group: 'Tired', words: ['worn out', 'overwhelmed', 'numb', 'flat'] },
  { group: 'Frustrated', words: ['frustrated', 'resentful', 'stuck', 'unheard'] },
  { group: 'Hopeful', words: ['hopeful', 'relieved', 'close', 'grateful', 'calm', 'cared for'] },
];

/** The form that helps a person speak about themselves: what happened, the feeling, the need, a request. */
export const STATEMENT_FORM = 'When …, I felt …, because I need …. What would help is …';
