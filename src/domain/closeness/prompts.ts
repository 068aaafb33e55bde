// "For me": self-worth and self-care prompts for the private journal, written for Attune, for a person
// who has felt unseen for a long time. Visible to their owner alone. A prompt is an invitation, never a
// task: nothing here is counted, and nothing assumes the relationship will or should continue.
// `text` is in the writer's own voice; `hint` is Attune speaking, softly, beneath it.
// Ids are stable slugs (journal entries may point at them). Pure data: no I/O.

export interface SelfPrompt {
  id: string;
  text: string;
  hint: string;
}

export const SELF_PROMPTS: readonly SelfPrompt[] = [
  {
    id: 'what-i-need',
    text: 'What do I need right now, even if nobody can give it to me today?',
    hint: 'A need is not a demand and not a flaw. Naming it is enough for now.',
  },
  {
    id: 'did-for-myself',
    text: 'What did I do for myself this week, however small?',
    hint: 'A glass of water counts. So does an early night, or saying no to one more thing.',
  },
  {
    id: 'friend-in-my-place',
    text: 'If a friend were in my place, what would I want to tell them?',
    hint: 'Many of us are kinder to others than to ourselves. You are allowed some of that kindness too.',
  },
  {
    id: 'proud-of',
    text: 'What is something I am proud of, from today or from long ago?',
    hint: 'It does not need to be big, finished or noticed by anyone else.',
  },
  {
    id: 'noticed-feeling',
    text: 'What feeling did I notice in myself today?',
    hint: 'You can simply name it. There is nothing to explain, justify or fix.',
  },
  {
    id: 'boundary-kept',
    text: 'What is a boundary I kept recently, or one I would like to keep?',
    hint: 'Saying no, taking a pause or leaving a conversation all count. Wanting a boundary is a start in itself.',
  },
  {
    id: 'felt-like-myself',
    text: 'When did I feel most like myself lately?',
    hint: 'Where were you, who was there, what were you doing? Small moments count.',
  },
  {
    id: 'true-without-witness',
    text: 'What is true and good about me, whether or not anyone notices it?',
    hint: 'Your worth does not depend on being seen. It is there either way.',
  },
  {
    id: 'easier-on-myself',
    text: 'Where could I go a little easier on myself this week?',
    hint: 'You have been carrying a lot. Putting some of it down is allowed.',
  },
  {
    id: 'what-got-me-through',
    text: 'What helped me through a hard moment lately?',
    hint: 'A person, a place, a habit, a thought. Whatever it was, it is worth remembering.',
  },
  {
    id: 'my-own-hopes',
    text: 'What do I want for my own life, apart from this relationship?',
    hint: 'Your hopes matter in their own right, whatever happens between the two of you.',
  },
  {
    id: 'who-hears-me',
    text: 'Who makes me feel heard, and how could I spend a little more time with them?',
    hint: 'It could be a friend, a relative, a counsellor, a group or someone online. If nobody comes to mind, that is worth noting gently too.',
  },
  {
    id: 'rest-today',
    text: 'What would help my mind or body rest today?',
    hint: 'Rest is not something to earn. Even a few minutes of it counts.',
  },
  {
    id: 'allowed-to-feel',
    text: 'What am I allowed to feel, even when it is inconvenient?',
    hint: 'Sadness, anger, relief and hope can all be there at once. None of them makes you too much.',
  },
  {
    id: 'small-joy',
    text: 'What small thing brought me a moment of joy recently?',
    hint: 'Joy can be tiny: a smell, a sound, a sentence, a patch of sun.',
  },
  {
    id: 'care-i-deserve',
    text: 'What kind of care do I deserve, and where am I already finding some of it?',
    hint: 'Wanting to be cared for is reasonable. It is not asking too much.',
  },
  {
    id: 'not-mine-to-carry',
    text: 'What am I carrying that is not mine to carry?',
    hint: 'Some weight belongs to other people, or to the past. You can name it without deciding anything yet.',
  },
  {
    id: 'in-my-own-words',
    text: 'What did I say today in my own voice, or wish I had said?',
    hint: 'Your voice matters, spoken or written. This page is only for you.',
  },
];

const BY_ID: ReadonlyMap<string, SelfPrompt> = new Map(SELF_PROMPTS.map((prompt) => [prompt.id, prompt]));

/** The "For me" prompt with this id, or undefined. */
export function selfPromptById(id: string): SelfPrompt | undefined {
  return BY_ID.get(id);
}
