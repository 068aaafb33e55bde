/**
 * The pieces every statement rule is built from: what a guard can see, the macros that let a
 * pattern match "you're" and "you are" alike, the shared guards (praise, hopes, questions, the
 * writer's own step) and the shared suggestions. Rules live in statement-rules.ts (the first
 * families) and statement-rules-families.ts (families added after the held-out set).
 */
import type { FindingKind } from './statement-kinds.js';

/** What a guard or a suggestion can see: the match and the clause around it (normalised text). */
export interface RuleContext {
  match: string;
  /** The clause before the match, from the last punctuation mark. */
  before: string;
  /** The clause after the match, up to punctuation or a joining word (and, but, though…). */
  after: string;
  /** The sentence after the match. */
  rest: string;
  /** The whole normalised text, for the few guards that weigh the statement as a whole. */
  text: string;
}

export interface Rule {
  kind: FindingKind;
  pattern: RegExp;
  skip?: (c: RuleContext) => boolean;
  suggest?: string | ((c: RuleContext) => string | undefined);
  message?: string;
}

export const MACROS: Record<string, string> = {
  "you're": "(?:you'?re|you are)",
  "i'm": "(?:i'?m|i am)",
  "it's": "(?:it'?s|it is)",
  "that's": "(?:that'?s|that is)",
  "don't": "(?:don'?t|do not)",
  "didn't": "(?:didn'?t|did not)",
  "can't": "(?:can'?t|cannot|can not)",
  "wasn't": "(?:wasn'?t|was not)",
  apologise: 'apologi[sz]e',
};
export const expand = (source: string): string =>
  source.replace(/\{([a-z']+)\}/g, (whole, name: string) => MACROS[name] ?? whole);
export const R = String.raw;
export function rule(kind: FindingKind, source: string, extra: Omit<Rule, 'kind' | 'pattern'> = {}): Rule {
  return { kind, pattern: new RegExp(expand(source), 'g'), ...extra };
}

// --- guards -------------------------------------------------------------------------------------
export const NEGATION = /\b(?:not|never|no|hardly|barely|without|stopped)\b|n't\b/;
export const POSITIVE =
  /\b(?:kind\w*|gentle|generous|patient|sweet|thoughtful|lovely|wonderful|amazing|laugh\w*|smil\w*|grin|support\w*|help\w*|there for me|my back|believe\w* in me|encourag\w*|cheer\w*|proud|fun|funny|brave|honest|loyal|caring|protect\w*|warm|hug\w*|listen\w*|remember\w*|forgiv\w*|understand\w*|calm|safe|loved|special|happy|happier|grateful|thank\w*|best|good to|good with|trying|tried|effort|thought|beautiful|welcome|handsome|wanted|seen|heard|comfort\w*|better|cared for|looked after|close to you|closer|lucky|excited|butterflies|appreciated|valued|cherished|adored|treasured|peaceful|relaxed|at ease|at home|joy\w*|hopeful|in love)\b/;
export const COMPLAINT =
  /\b(?:late|ignor\w*|interrupt\w*|forget|forgot|phone|blam\w*|critici[sz]\w*|yell\w*|complain\w*|excuses?|fault|mess\w*|leave|left|lie|lied|lying|about you|yourself|work|selfish|too busy|angry|sulk\w*|nag\w*|last minute|except|but me|walk\w* (?:away|off|out)|sigh\w*|roll\w* your eyes|storm\w* off|disappear\w*|brush\w* me off|change the subject)\b/;
export const positive = (clause: string): boolean => POSITIVE.test(clause) && !NEGATION.test(clause) && !COMPLAINT.test(clause);
/** After "you never": a negated negative is praise ("you never let me down"). */
export const NEVER_IS_PRAISE =
  /^(?:(?:once|ever|really|even|have|had|ever) )*(?:fail\w*|let me down|give up|gave up|given up|judge\w*|complain\w*|hesitat\w*|forget\w*|forgot\w*|miss\w*(?! (?:a |an |any |the )?(?:chance|opportunity) to)|done (?:anything|a thing) wrong|stop (?:trying|caring|loving|believing|surprising|supporting|making me)|hurt me|hurt anyone|lie\w*|lied|raised? your voice|yell\w*|blame\w*|criticis\w*|criticiz\w*|doubt\w*|cheat\w*|betray\w*|made? me feel (?:small|stupid|bad|alone|unloved)|leave me|left me|turn\w* (?:me )?away|mock\w*|made? fun of|complained|have to|need to|needs? to)\b/;
export const HOPEFUL =
  /\b(?:hope|hoping|wish|pray|glad|grateful|thankful|promise|worry|worried|afraid|scared|fear|love (?:how|that)|make sure|so that|thank)\b/;
export const ASKING = /\b(?:do|did|does|have|has|are|were|would|will|could|can)\s*$/;
export const NOT_SAYING =
  /(?:not that|doesn'?t mean|does not mean|don'?t think|do not think|not saying|never (?:said|thought|meant)|didn'?t (?:say|think|mean)|not because|isn'?t that|it'?s not that|not calling)(?: that)?\s*$/;
export const ABOUT_SELF =
  /\b(?:i|i'm|im|i was|i am|i feel|i felt|me|myself|like|made me (?:feel|look)|feel|felt)(?: (?:such|so|a|an|like|being|total|complete|absolute|the|biggest|real))* ?$/;
/** The writer talking about their own next step: "I need to calm down", "let me let it go". */
export const SELF_STEP = /\b(?:i|we|let me|let us|let's|help me)(?: (?!you)[a-z']+){0,3} ?$/;

export const isQuestion = (c: RuleContext): boolean => ASKING.test(c.before) && !/\b(?:why|how come)\b/.test(c.before);

// --- suggestions --------------------------------------------------------------------------------
export const MOMENTS: [RegExp, string][] = [
  [/\blisten/, 'When I was telling you about my day yesterday, I didn’t feel heard.'],
  [
    /\b(?:help|dishes|chores|clean)/,
    'Last night, doing the dishes on my own, I felt tired and alone. Could we share them this week?',
  ],
  [/\b(?:late|on time)\b/, 'On Friday, when we started an hour later than we planned, I felt unimportant.'],
  [/\b(?:phone|screen)/, 'At dinner tonight, while you were on your phone, I felt alone.'],
  [/\b(?:call|text)/, 'On Tuesday, when I didn’t hear from you all evening, I felt worried.'],
  [/\bforg[eo]t/, 'When our plan for Sunday slipped your mind, I felt forgotten.'],
  [/\b(?:interrupt|cut me off)/, 'Earlier, when I was cut off halfway through, I felt unheard.'],
  [/\b(?:ask|include|tell me)/, 'When Saturday was planned without me, I felt left out.'],
];
export const oneMoment = (c: RuleContext): string =>
  MOMENTS.find(([re]) => re.test(c.rest))?.[1] ?? 'When [one specific moment], I felt [your feeling].';
export const WHAT_HAPPENED = 'When [what happened], I felt [your feeling].';
export const SAY_BACK = 'What I hear is [what they said]. Is that right?';

export const ABSOLUTE_WORD = R`(?:always|never|constantly|continually|repeatedly|perpetually|endlessly|forever|every single time)`;
/** Words for who someone is, not what they did: "selfish", "a coward", "a selfish, lazy man". */
export const INSULT_ADJ = R`(?:selfish|lazy|pathetic|useless|worthless|stupid|dumb|idiotic|incompetent|hopeless|childish|immature|ridiculous|disgusting|heartless|cold|cold-hearted|cruel|crazy|insane|psycho|mental|narcissistic|toxic|manipulative|controlling|spineless|cheap|boring|impossible|unbearable|insufferable|self-cent(?:red|ered)|self cent(?:red|ered)|self-absorbed|self-obsessed|arrogant|mean|nasty|vile|spiteful|vindictive|petty|weak|needy|clingy|evil|sick|lousy)`;
const INSULT_NOUN = R`(?:mess|joke|failure|disappointment|liar|cheat|coward|loser|idiot|moron|jerk|narcissist|slob|baby|child|brat|asshole|bastard|bitch|dick|prick)`;
const BAD = R`(?:bad|terrible|awful|horrible|lousy|useless|pathetic|rubbish|crap|shit|shitty|sorry excuse for an?|${INSULT_ADJ})`;
const ROLE = R`(?:person|partner|husband|wife|father|mother|dad|mom|mum|parent|boyfriend|girlfriend|human being|human|man|woman|guy|friend|lover|listener|communicator|son|daughter)`;
export const INSULT = R`(?:${INSULT_ADJ}|an? (?:${BAD},? (?:and )?)*${INSULT_NOUN}|an? (?:${BAD},? (?:and )?)+${ROLE}|the worst)`;
export const NAME = R`(?:idiot|moron|imbecile|loser|jerk|asshole|bastard|bitch|dumbass|dickhead)`;
export const HARD_FEELING = R`(?:tired|stressed|exhausted|busy|drunk|overwhelmed|distracted|hungry|sick|upset|angry|frustrated|hungover|anxious|under (?:(?:a lot of|so much|a lot|loads of|a ton of|huge|such) )?(?:pressure|stress))`;
export const MAKE_ME_OK =
  /^(?:laugh|smile|grin|happy|happier|proud|safe|loved|good|better|special|seen|heard|calm|whole|a |an |the |some|something|this|that|it\b|my |one |two |dinner|breakfast|lunch|tea|coffee|want to be)/;
