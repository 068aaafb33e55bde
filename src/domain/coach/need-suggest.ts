/**
 * Sharper versions of a need, written as the person might say it to their partner. Each one names
 * an action and a moment, so the coach itself rates every suggestion 'specific' (tested).
 */
import { prettifyPhrase } from './need-text.js';

interface Topic {
  words: RegExp;
  action: string;
  when: string;
}

/** Trait words mapped to one concrete example. Order matters: the first topic that matches is used. */
const TOPICS: readonly Topic[] = [
  {
    words: /\b(phones?|screens?|scroll\w*|laptops?|tv|television|telly|devices?|distracted)\b/,
    action: 'put your phone away and ask about my day',
    when: 'at dinner',
  },
  {
    words:
      /\b(present|there|attention|attentive|engaged|listen\w*|ignor\w*|zon\w* out|switched off|checked out|distant|absent)\b/,
    action: 'ask about my day at dinner and listen without your phone',
    when: 'most evenings',
  },
  {
    words: /\b(understand\w*|hear|heard|communicat\w*|open|talk\w*|feelings?|emotions?|emotional\w*)\b/,
    action: 'ask how I am feeling and listen until I have finished, without trying to fix it',
    when: 'after the kids are in bed, three evenings a week',
  },
  {
    words:
      /\b(affection\w*|love|loved|loving|romantic|romance|intima\w*|warm\w*|touch\w*|physical|close|closer|desired|wanted|cold)\b/,
    action: 'hug me and tell me one thing you love about me',
    when: 'when you come home',
  },
  {
    words: /\b(appreciat\w*|valued?|grateful|gratitude|notic\w*|granted|seen|invisible|care|cares|caring|cared)\b/,
    action: 'thank me for one thing I did that day',
    when: 'before bed each night',
  },
  {
    words: /\b(support\w*|help\w*|stress\w*|overwhelm\w*|alone|team|load|chores|partner)\b/,
    action: 'ask what would help and take one job off my list',
    when: 'on weeknights',
  },
  {
    words: /\b(respect\w*|decisions?|decide|opinion|consult\w*|include\w*|controlling)\b/,
    action: 'ask what I think and wait for my answer',
    when: 'before you decide something for us both',
  },
  {
    words: /\b(calm\w*|yell\w*|shout\w*|snap\w*|criticis\w*|critical|tone|voice|argu\w*|fight\w*|defensive|angry|anger)\b/,
    action: 'pause, take a breath and tell me what you heard me say',
    when: 'when we disagree',
  },
  {
    words: /\b(kind\w*|nice\w*|gentle|patient|patience|sweet\w*|mean|rude|grumpy)\b/,
    action: 'say good morning and ask how I slept',
    when: 'each morning',
  },
  {
    words: /\b(interest\w*|curious|care about my day)\b/,
    action: 'ask me one question about my day and listen to the answer',
    when: 'at dinner',
  },
  {
    words: /\b(safe|secure|reassur\w*|trust\w*|honest\w*|lie|lies|lying|late|reliable)\b/,
    action: 'tell me when you will be home, and text me if plans change',
    when: 'each morning',
  },
  {
    words: /\b(effort|try|trying|harder|time|together|priority|prioriti\w*|connect\w*|quality|bond\w*|fun|dates?|couple|us)\b/,
    action: 'sit with me for twenty minutes, just the two of us, with the TV off',
    when: 'three evenings a week',
  },
];

const FALLBACK: Omit<Topic, 'words'> = {
  // No touch here: this is also what someone sees after writing what they do NOT want.
  action: 'sit with me for ten minutes and ask how my day was',
  when: 'before bed each night',
};

/** For a need with no action: one example action for the trait named, at the user's moment if given. */
export function suggestForTrait(normalised: string, userWhen: string | undefined): string {
  const topic = TOPICS.find((t) => t.words.test(normalised)) ?? FALLBACK;
  const when = userWhen ? prettifyPhrase(userWhen) : topic.when;
  if (topic.action.includes(when)) return topic.action;
  return `${topic.action}, ${when}`;
}

/** Words that sound like a frequency but are not one; dropped before a real moment is added. */
const VAGUE_FREQUENCY =
  /\b(a (little|lot|bit) more|much more|more often|more frequently|more regularly|more|sometimes|often|always|occasionally|regularly|frequently|every so often|every now and (then|again)|now and (then|again)|once in a while|from time to time|at times|all the time|whenever you can|when you can|if you can|when possible|if possible|whenever possible|when you have (the )?time|when you get (a |the )?chance|any ?time)\b/gi;

/** For a need with an action but no moment: the person's own words, with a moment that suits the action. */
export function suggestWhen(original: string, when: string): string {
  const own = String(original)
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(VAGUE_FREQUENCY, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/[\s,.;:!?]+$/u, '')
    .trim();
  return own ? `${own} ${when}` : when;
}
