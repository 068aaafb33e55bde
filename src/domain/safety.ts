/**
 * The private safety check. Attune is built for emotional neglect; where someone is afraid of their
 * partner or controlled by them, joint exercises can put them at risk. Pure: no I/O.
 *
 * The rule (conservative: when unsure, it raises concern):
 * 1. Harm signs: any 'yes' or 'sometimes' about fear, having to be careful to stay safe, threats,
 *    physical harm or sexual pressure raises concern on its own.
 * 2. Control signs (money, contact with others, phone and location): any single 'yes' raises
 *    concern, and so do two or more control answers that are 'yes' or 'sometimes'.
 * 3. 'prefer-not-to-say' is respected: on its own, however many, it never raises concern. But it is
 *    not read as 'no' either: once there is at least one 'sometimes' about control, each question
 *    answered 'prefer-not-to-say' (any question) counts toward the two control signs in rule 2.
 * Unanswered questions count as 'no'. Unknown question ids are ignored. Changing any answer from
 * 'no' toward 'sometimes' or 'yes' can only raise concern, never lower it (tested as a property).
 */

export type SafetyAnswer = 'no' | 'sometimes' | 'yes' | 'prefer-not-to-say';

export const SAFETY_ANSWER_OPTIONS: readonly { value: SafetyAnswer; label: string }[] = [
  { value: 'no', label: 'No' },
  { value: 'sometimes', label: 'Sometimes' },
  { value: 'yes', label: 'Yes' },
  { value: 'prefer-not-to-say', label: 'I would rather not say' },
];

export type SafetyQuestionKind = 'harm' | 'control';

export interface SafetyQuestion {
  id: string;
  kind: SafetyQuestionKind;
  text: string;
}

export const SAFETY_QUESTIONS = [
  { id: 'afraid', kind: 'harm', text: 'Do you ever feel afraid of your partner?' },
  {
    id: 'careful-to-stay-safe',
    kind: 'harm',
    text: 'Do you feel you have to be careful about what you say or do, so that you stay safe?',
  },
  {
    id: 'money',
    kind: 'control',
    text: 'Does your partner control the money in a way that leaves you without a say, or without money of your own?',
  },
  {
    id: 'friends-family',
    kind: 'control',
    text: 'Does your partner stop you from seeing or talking to friends or family, or make it hard for you to?',
  },
  {
    id: 'phone-location',
    kind: 'control',
    text: 'Does your partner check your phone or messages, or keep track of where you are, when you have not agreed to it?',
  },
  {
    id: 'threats',
    kind: 'harm',
    text: 'Has your partner threatened to hurt you, to take the children away, or to harm themself if you do not do what they want?',
  },
  { id: 'physical-harm', kind: 'harm', text: 'Has your partner hit, pushed, choked or hurt you in any other way?' },
  {
    id: 'sexual-pressure',
    kind: 'harm',
    text: 'Has your partner pressured or forced you into anything sexual you did not want?',
  },
] as const satisfies readonly SafetyQuestion[];

export type SafetyQuestionId = (typeof SAFETY_QUESTIONS)[number]['id'];

export type SafetyAnswers = Partial<Record<SafetyQuestionId, SafetyAnswer>>;

const KIND_BY_ID: ReadonlyMap<string, SafetyQuestionKind> = new Map(SAFETY_QUESTIONS.map((q) => [q.id, q.kind]));

/** True when the answers suggest fear or control; then Attune says so kindly and stops joint nudges. */
export function safetyConcern(answers: SafetyAnswers): boolean {
  let controlYes = 0;
  let controlSometimes = 0;
  let preferNotToSay = 0;
  for (const [id, answer] of Object.entries(answers ?? {})) {
    const kind = KIND_BY_ID.get(id);
    if (!kind) continue; // unknown ids are ignored
    if (answer === 'prefer-not-to-say') preferNotToSay++;
    else if (kind === 'harm' && (answer === 'yes' || answer === 'sometimes')) return true;
    else if (kind === 'control' && answer === 'yes') controlYes++;
    else if (kind === 'control' && answer === 'sometimes') controlSometimes++;
  }
  if (controlYes > 0) return true;
  const counted = controlSometimes > 0 ? controlSometimes + preferNotToSay : 0;
  return counted >= 2;
}

/** Shown, to this person only, when safetyConcern is true. The help lines are listed just below it. */
export const SAFETY_CONCERN_MESSAGE = [
  'Thank you for answering these questions. Some of your answers suggest that you may not always feel safe, or free, with your partner.',
  'Attune is built for couples where someone has felt neglected. It is not built for a relationship where someone is afraid or controlled. In that situation, exercises done together can make things harder, so Attune will stop suggesting them to you.',
  'Your answers are yours alone. They are never shown to your partner, and your partner is not told that you took this check.',
  'Only you know your situation. If you would like to talk it through, the help lines below are free and confidential. They will listen, and they will not tell you what to do.',
  'If you are in danger right now, call your local emergency number.',
].join('\n\n');
