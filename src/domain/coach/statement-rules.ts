/**
 * The statement coach's messages and its first rule families: one pattern per phrase family, run over
 * normalised text (lower case, straight apostrophes, single spaces), with small guards that look at
 * the clause around a match. The shared pieces are in statement-rule-kit.ts; families added after the
 * held-out set are in statement-rules-families.ts. To add a rule: add a case to statement-cases.ts
 * first, then a line here or there (docs/decisions/007-coaches.md).
 */

import type { FindingKind } from './statement-kinds.js';
import {
  ABOUT_SELF,
  ABSOLUTE_WORD,
  HARD_FEELING,
  HOPEFUL,
  INSULT,
  isQuestion,
  MAKE_ME_OK,
  NAME,
  NEVER_IS_PRAISE,
  NOT_SAYING,
  oneMoment,
  positive,
  R,
  type Rule,
  rule,
  SAY_BACK,
  SELF_STEP,
  WHAT_HAPPENED,
} from './statement-rule-kit.js';
import { FAMILY_RULES } from './statement-rules-families.js';

export type { Rule, RuleContext } from './statement-rule-kit.js';

export const MESSAGES: Record<FindingKind, string> = {
  absolute:
    'Words like “always” and “never” invite your partner to argue about the exceptions, and the hurt gets lost. One specific moment is easier to hear.',
  attack:
    'Words about who your partner is can land as a verdict on them, and then it is hard for them to hear what hurt. Naming what happened, and how it felt, keeps the door open.',
  contempt:
    'A mocking or sarcastic tone can sting more than the words, and it hides what you need. Saying the hurt plainly gives your partner something they can answer.',
  'mind-reading':
    'This tells your partner what they think or feel, which only they can know, so they may spend the talk correcting it. What you saw, and how it felt to you, is yours to share.',
  blame:
    'This puts your feelings in your partner’s hands. Starting from “I feel” keeps the feeling yours, and makes it easier for them to stay and listen.',
  'disguised-judgement':
    '“I feel like you…” sounds like a feeling but carries a judgement about your partner. Naming the feeling itself, such as lonely, hurt or scared, tells them more.',
  conditional:
    'Linking love to one action can feel like a test, and your partner may hear a threat instead of a need. Saying the need directly is clearer, and kinder to you both.',
  'guilt-trip':
    'Setting what you have given against what they did can leave your partner feeling in debt rather than close, and the hurt underneath gets lost. Saying what hurt, and what you need from them now, is easier to answer.',
  'counter-attack':
    'Bringing up what your partner has done moves the talk away from what they just shared. Your turn can come later. For now, try saying back what you heard.',
  denial:
    'When memories differ, saying the other person is wrong tends to end the talk. You can remember it differently and still make room for how it felt to them.',
  excuse:
    'Explaining why it happened can sound like a reason it did not matter. Your partner may first need to hear that you see the impact. The why can come later, if they ask.',
  dismissal:
    'This can tell your partner their feelings are too much. Even if you see it differently, what they feel is real to them. Naming what you hear them feeling can help.',
  'non-apology':
    'This wording puts the focus on their reaction rather than on what you did. An apology lands better when it names your own action and its impact, with no “if” and no “but”.',
};

const FIRST_RULES: readonly Rule[] = [
  // absolute: "you always…", "you're never…" about the partner, not "I always…", not praise.
  rule(
    'absolute',
    R`\b(?:you|u)(?:'?re|'?ve|'ll|'d| are| were| have| had| will| would)? (?:(?:just|so|also|literally|basically|still) )?${ABSOLUTE_WORD}(?: ever)?\b`,
    {
      skip: (c) => {
        if (c.rest.trim() === '' || /^\s*know\s*$/.test(c.after) || HOPEFUL.test(c.before) || isQuestion(c)) return true;
        if (/anything but/.test(c.after) && positive(c.after.replace('anything but', ''))) return true;
        if (/never/.test(c.match)) return NEVER_IS_PRAISE.test(c.after.trim());
        return positive(c.after);
      },
      suggest: oneMoment,
    },
  ),
  rule(
    'absolute',
    R`\byou (?:(?:literally|basically|just|always|seriously|honestly) )?(?:ruin|ruined|ruins|spoil|spoiled|spoilt|wreck|wrecked|forget|forgot|critici[sz]e|critici[sz]ed|question|twist|twisted|control|make|made|turn|turned) everything\b`,
    { suggest: oneMoment },
  ),
  rule(
    'absolute',
    R`\byou (?:do|did|say|said|contribute|contributed|give|gave|offer|offered) (?:absolutely )?nothing\b(?! wrong| to)`,
    { suggest: oneMoment },
  ),
  rule(
    'absolute',
    R`\bnothing i (?:do|did|say) is (?:ever )?(?:good enough|right|enough)\b|\beverything(?:'s| is| has to be| always has to be)(?: always| all)? about (?:you|your)\b|\b(?:it'?s|it is|it has to be)(?: always| all)+ about (?:you|your)\b`,
    { suggest: oneMoment },
  ),

  // attack: character and name-calling.
  rule(
    'attack',
    R`\b{you're} (?:(?:so|such|just|really|completely|totally|being|the most|acting like|an absolute|a total|a complete|nothing but|literally|honestly|always|never) )*${INSULT}\b`,
    {
      skip: (c) => NOT_SAYING.test(c.before),
      suggest: WHAT_HAPPENED,
    },
  ),
  rule('attack', R`\byou (?:(?:stupid|selfish|lazy|pathetic|useless|little|absolute|complete|total|fucking) )*${NAME}\b`, {
    suggest: WHAT_HAPPENED,
  }),
  rule('attack', R`\b${NAME}\b`, {
    skip: (c) => /\byou(?: \w+){0,3} $/.test(c.before) || ABOUT_SELF.test(c.before),
    suggest: WHAT_HAPPENED,
  }),
  rule(
    'attack',
    R`\bwhat (?:kind|sort|type) of (?:a )?(?:person|man|woman|partner|husband|wife|father|mother|parent|monster|human being|human)\b|\bwhat(?:'?s| is) wrong with you\b|\bwho even does that\b`,
    {
      suggest: 'When [what happened], I was shocked and hurt. Can you help me understand?',
    },
  ),

  // contempt and sarcasm.
  rule(
    'contempt',
    R`\boh,? (?:great|perfect|wonderful|fantastic|brilliant|lovely|joy|goody|how nice)\b(?:,? (?:thanks|thank you) (?:a lot|so much))?`,
    {
      suggest: 'I’m frustrated, and I’d like to talk about what happened.',
    },
  ),
  rule(
    'contempt',
    R`\bthanks for nothing\b|\bgee,? thanks\b|\byeah,? right\b|\bwhat a (?:surprise|shock|shocker)\b|\bsurprise,? surprise\b|\bbig surprise\b|\bshocker\b|\bthat'?s rich\b|\bhow convenient\b|\breal mature\b|\bmust be nice\b`,
    {
      suggest: 'I’m hurt, and I’d like to say it plainly: [what hurt].',
    },
  ),
  rule(
    'contempt',
    R`(?<![a-z] )(?<![a-z]'m |i am |make |making |be )\bsure you (?:did|do|will|are|were|would|can|have|could)(?=\s*(?:[.!?,…]|$))`,
    { suggest: 'I find that hard to believe right now, and I want to understand.' },
  ),
  rule('contempt', R`\bhow hard (?:can|could|is) it (?:be|to)\b|\bis it (?:really )?that hard to\b`, {
    suggest: 'This matters to me. Could we work out together how to make it happen?',
  }),
  rule(
    'contempt',
    R`\bwhatever you say\b|\b(?:genius|einstein|sherlock|your highness|your majesty|mister perfect|miss perfect|smart guy|smarty ?pants)(?<=, ?(?:genius|einstein|sherlock|your highness|your majesty|mister perfect|miss perfect|smart guy|smarty ?pants))(?=\s*(?:[.!?,]|$))`,
    {
      suggest: 'I see it differently, and I’d like to explain how.',
    },
  ),
  rule(
    'contempt',
    R`\*?\b(?:rolls? (?:my |his |her )?eyes|eye ?roll(?:s|ing)?)\b\*?|🙄|\bpfft\b|\bgive me a break\b|(?<!\b(?:can|could|would|will|to|you|can'?t|cannot|couldn'?t|not) )\bspare me\b|\boh please\b|\bboo,? hoo\b|\bcry me a river\b|\bpoor (?:you|baby|thing)(?=\s*[.!?,]|\s*$)|\bnice of you to (?:finally|show|join|notice|remember)\b`,
    {
      suggest: 'I’m struggling to stay open right now. Can we pause and come back to this?',
    },
  ),
  rule(
    'contempt',
    R`\bas if\b(?<=(?:^|[.!?] ?)as if)(?=\s*(?:[.!?,]|$)| you(?:'d| would)? (?:care|ever|even|know|notice))|\blike you(?<=(?:^|[.!?,] ?|\b(?:oh|yeah|sure|right) )like you) (?:(?:would|even|actually|ever) )?(?:care|cared|notice|noticed)\b|\byou disgust me\b|\bi {can't} stand you\b|\byou make me sick\b`,
    {
      suggest: 'I’m very hurt right now, and I need some time before we keep talking.',
    },
  ),

  // mind-reading.
  rule(
    'mind-reading',
    R`\byou should(?:'ve| have)? (?:(?:have|already|just|of all people) )*(?:know|known|realised|realized|realise|realize|understood|understand|seen|figured)\b`,
    {
      skip: (c) => /know$/.test(c.match) && /^\s*(?:that )?(?:i|i'm|i've|i'd|we|we're)\b/.test(c.after) && !/by now/.test(c.rest),
      suggest: 'I’d like to tell you what I need: [your need].',
    },
  ),
  rule(
    'mind-reading',
    R`\byou (?:know|knew) (?:(?:exactly|perfectly well|damn well|full well|very well|fine) )+(?:what|why|how|that|who|where)\b|\byou know what you did\b`,
    {
      suggest: 'I’d like to tell you how this looked from my side.',
    },
  ),
  rule(
    'mind-reading',
    R`\byou (?:{don't}|{didn't}|never) (?:(?:even|really|actually|ever|seem to) )*(?:cared?|give a (?:damn|shit)|loved? me|respect(?:ed)? me|valued? me|want(?:ed)? me|think about me|liked? me|want(?:ed)? to (?:be|fix|try|work|save|change|talk|listen|hear|understand|make|get|come|spend|help|know|sort|see))\b`,
    {
      skip: (c) => NOT_SAYING.test(c.before) || /\b(?:if|whether|scared|afraid|worry|worried)\b/.test(c.before),
      suggest: 'I feel unimportant when [what happened]. Can you tell me what was going on for you?',
    },
  ),
  rule('mind-reading', R`\byou (?:just|only|simply) (?:want|wanted|care about|care|need|like)\b`, {
    skip: (c) => /\b(?:help\w*|best|happy|good for|safe|protect\w*|support\w*|look after|us)\b/.test(c.after),
    suggest: 'I’m not sure what you want here. Can you tell me?',
  }),
  rule('mind-reading', R`\byou(?:'re| are)? (?:obviously|clearly|evidently)\b|\b(?:obviously|clearly),? you\b`, {
    skip: (c) => positive(c.after),
    suggest: 'It seemed to me that [what you noticed]. Is that how it was for you?',
  }),
  rule(
    'mind-reading',
    R`\byou(?:'re)? (?:did|do|doing|said|say) (?:it|that|this) (?:on purpose|(?:just )?to (?:hurt|punish|upset|annoy|spite|get back at|humiliate) me)\b|\byou want(?:ed)? me to (?:fail|suffer|feel bad|be miserable)\b|\byou (?:think|thought|believe|assume|assumed) {i'm} (?:(?:too|so|just|that|some kind of|completely|totally) )*(?:stupid|an idiot|dumb|crazy|worthless|nothing|blind|naive|a fool|gullible)\b`,
    {
      suggest: 'It felt to me like [what you took from it]. Is that what you meant?',
    },
  ),

  // blame.
  rule(
    'blame',
    R`\byou(?:'?re|'?ve| are| have| always| just| really| constantly| keep| literally| totally| sometimes| often| honestly)* (?:make|made|making) me(?: (?:feel|felt|so|really|very|too|look|sound))*\b`,
    {
      skip: (c) => MAKE_ME_OK.test(c.after.trim()) || positive(c.after) || /^\s*sick\b/.test(c.after),
      suggest: (c) =>
        /feel/.test(c.match) ? (/made/.test(c.match) ? 'I felt' : 'I feel') : 'I feel [your feeling] when [what happened].',
    },
  ),
  rule(
    'blame',
    R`\b(?:{it's}|its|it was|this is|this was|{that's}|that was)(?: (?:all|entirely|completely|totally))? your fault\b|\ball your fault\b`,
    {
      suggest: 'I’m hurting, and I’d like us to look at what happened together.',
    },
  ),
  rule(
    'blame',
    R`\b(?:because of|thanks to) you\b|\b{you're} the (?:reason|cause)\b|\byou drive me (?:crazy|mad|nuts|insane|up the wall)\b|\byou (?:ruined|wrecked|destroyed) (?:my|our|it|this|the|everything)\b`,
    {
      skip: (c) => positive(c.after) || positive(c.before) || positive(c.rest),
      suggest: 'Since [what happened], I have felt [your feeling].',
    },
  ),

  // disguised judgement: "I feel like you…".
  rule(
    'disguised-judgement',
    R`\b(?:i(?:'m| am)? (?:(?:really|just|sometimes|often|kind of|kinda|honestly|genuinely|still) )*(?:feel|felt|feeling) (?:(?:like|that|as if|as though) )?|it (?:feels|felt) (?:like|as if|as though) |(?<![a-z'] )feels (?:like|as if|as though) )you(?:'re|'ve|'d|'ll| are| were| have)?\b`,
    {
      // "I feel you." (I understand) and "I feel like you and I…" are not judgements; nor is praise.
      skip: (c) => /^\s*(?:and (?:i|me)\b|too\b|$)/.test(c.rest) || positive(c.after),
      suggest: (c) =>
        /care|matter|important|priorit/.test(c.rest)
          ? 'I feel unimportant when [what happened].'
          : 'I feel [lonely / hurt / scared] when [what happened].',
    },
  ),

  // conditional love.
  rule(
    'conditional',
    R`\bif you (?:(?:really|truly|actually|even|honestly|genuinely|ever) )*(?:loved|love|cared|care|respected|respect|valued|value|gave a (?:damn|shit)|want(?:ed)? (?:this|us|it) to work|want(?:ed)? to (?:make (?:this|it|us) work|fix (?:this|us|it)|be with me|stay)|wanted (?:to be with me|this|us)|were (?:really )?serious)\b(?: (?:about )?(?:me|us|this))?|\bif i (?:(?:really|actually|even|ever|truly) )*(?:mattered|meant (?:anything|something)|(?:was|were) (?:important|a priority)|counted) to you\b`,
    {
      skip: (c) =>
        /\b(?:sure|wonder|wondering|know|ask|asking|tell me|unsure|whether|doubt)\s*$/.test(c.before) || /^\s*to\b/.test(c.after),
      suggest: 'I need [what you need]. It would help me feel loved.',
    },
  ),

  // counter-attack (listener, apology).
  rule(
    'counter-attack',
    R`\bbut you\b(?!(?:'re| are| were| was)? (?:right|correct|not alone|important)\b|'?(?:re)? (?:deserve|matter)| (?:deserve|deserved|matter|matters|don'?t have to|didn'?t deserve|have every right|had every right|can|could|may|might|know best|know (?:how |that )?i)\b)`,
    {
      skip: (c) => positive(c.after),
      suggest: SAY_BACK,
    },
  ),
  rule(
    'counter-attack',
    R`\bwhat about (?:(?:when|the time|that time|all the times|the times) )?you\b|\bwell,? you\b(?<=(?:^|[.!?] ?)well,? you)(?! know)|\bso do you\b|\bso did you\b|\bneither do you\b|\blook who'?s talking\b|\b{you're} (?:one|the one|a fine one) to talk\b|\b{you're} (?:no better|just as bad|not perfect either|not (?:so )?innocent either)\b|\byou started it\b|\bthe pot calling the kettle\b`,
    {
      suggest: SAY_BACK,
    },
  ),
  rule(
    'counter-attack',
    R`\byou (?:do|did|say|said|have done|'ve done) (?:it|that|this|the same(?: thing)?|worse)(?: (?:thing|to me))? (?:too|as well|all the time|every day)\b|\byou (?:do|did) (?:the same|worse)\b`,
    {
      suggest: SAY_BACK,
    },
  ),

  // denial.
  rule(
    'denial',
    R`\b(?:{that's}|thats|{it's}|that was) (?:not|n't) true\b|\bthat isn'?t true\b|\b(?:{that's}|thats) (?:a lie|false|untrue|not what happened|not how it (?:happened|went)|not what i said)\b|\b(?:that|it) (?:never|{didn't}) happen(?:ed)?\b|\bi (?:never|{didn't}) (?:said|say|did|do) (?:that|it|this|anything like that)\b|\b{you're} (?:making (?:this|that|it|things|stuff) up|imagining (?:things|it|that)|lying)\b|\byou made (?:that|it|this) up\b`,
    {
      suggest: 'I remember it differently, and I can hear that it hurt you.',
    },
  ),

  // excuse.
  rule(
    'excuse',
    R`\bi only (?:[a-z']+ ){1,4}?because\b|\bi was (?:just|only) (?:joking|kidding|teasing|trying|being|saying|messing|playing|having|venting|asking|blowing off steam|doing my|following|${HARD_FEELING})\b`,
    {
      suggest: 'I did that, and I can see it hurt you.',
    },
  ),
  rule(
    'excuse',
    R`\bi had no (?:other )?(?:choice|option|alternative)\b|\bi {didn't} have (?:a|any) choice\b|\bi was (?:(?:so|really|very|just|too|completely) )?${HARD_FEELING}(?:(?:,? and| or) [a-z]+)?,? (?:so|that'?s why|which is why|and that'?s why)\b|\bbecause i was (?:(?:so|really|very|just|too) )?${HARD_FEELING}\b`,
    {
      suggest: 'I was [how you were], and that doesn’t change how it landed for you. I’m sorry.',
    },
  ),
  rule(
    'excuse',
    R`\b(?:{it's}|it was|its) not my fault\b|\bit {wasn't} my fault\b|\bi (?:couldn'?t|could not) help it\b|\bi {can't} help (?:it|the way i)\b|\b{that's} (?:just )?(?:how|the way|who) i am\b|\byou know how i (?:am|get)\b|\bwhat was i supposed to do\b`,
    {
      suggest: 'That was my choice, and I see what it cost you.',
    },
  ),

  // dismissal.
  rule(
    'dismissal',
    R`\b{you're} (?:(?:just|being|so|totally|completely|way|a bit|really) )*(?:overreacting|over-reacting|over reacting|exaggerating|(?:too|so|overly|hyper) ?sensitive|oversensitive|dramatic|hysterical|paranoid|overthinking (?:it|this|things)|blowing (?:this|it|things) (?:way )?out of proportion|making (?:a big deal|a mountain|a fuss|something) (?:out )?of (?:nothing|this|it))\b`,
    {
      suggest: 'I can see this matters to you. Can you tell me more?',
    },
  ),
  rule(
    'dismissal',
    R`\bwhatever(?<=(?:^|[.!?,;:] ?|\b(?:oh|ok|okay|fine|yeah|sure) )whatever)(?=\s*(?:[.!?,;…]|$|(?:fine|ok|okay|then|man|dude|mate)\b))|\bhere we go again\b|\bnot this again\b|\b(?:{it's}|its|that'?s|it was|this is) (?:not|n't|no) (?:a |that |such a |that big a |that big of a )?(?:big deal|serious)\b|\bno big deal\b|\bget over it\b|\bstop being so (?:dramatic|sensitive|emotional|hysterical|needy)\b|\b(?:just )?(?:move on|let it go) already\b|\bchill out\b|\bare we really doing this\b`,
    {
      skip: (c) => /^\s*(?:to|for) you\b/.test(c.after),
      suggest: 'I can see this matters to you. Can you tell me more?',
    },
  ),
  rule('dismissal', R`\bcalm down\b|\bjust let it go\b|\b(?:just )?relax(?=\s*(?:[.!?,]|$))`, {
    skip: (c) => SELF_STEP.test(c.before),
    suggest: 'I can see how strongly you feel this. I’m listening.',
  }),

  // non-apology (apology only).
  rule(
    'non-apology',
    R`\b(?:(?:{i'm}|i)(?: (?:so|really|very|truly|deeply))? )?sorry if(?: you(?:'re| are| were| felt| feel| got| took| thought| think|r))?\b|\bi {apologise} if\b|\bif i (?:hurt|offended|upset) you\b|\bif i did (?:something|anything) wrong\b`,
    {
      suggest: 'I’m sorry that I [what you did].',
    },
  ),
  rule('non-apology', R`\b(?:{i'm} )?sorry,? but\b`, { suggest: 'I’m sorry. (Stopping there lets the apology land.)' }),
  rule(
    'non-apology',
    R`\b(?:{i'm} )?sorry (?:that )?you (?:feel|felt|are feeling|were feeling) (?:that way|like that|this way|so)\b|\b(?:{i'm} )?sorry (?:that )?(?:{you're}|you were|you got) (?:upset|offended|so sensitive|hurt|bothered)\b|\bsorry you took it (?:that way|like that|the wrong way)\b|\bsorry (?:that )?you think\b`,
    {
      suggest: 'I’m sorry that I [what you did]. I can see how it affected you.',
    },
  ),
  rule('non-apology', R`\b(?:mistakes|errors) (?:were|have been|got) made\b`, {
    message:
      '“Mistakes were made” does not say who made them, so it can sound as if nobody did. An apology lands better when it says, in your own words, what you did and that you are sorry.',
    suggest: 'I made a mistake when I [what you did], and I’m sorry.',
  }),
  rule(
    'non-apology',
    R`\b(?:sorry|{apologise}) for (?:any|whatever) (?:hurt|inconvenience|offen[cs]e|upset|i did|it was)\b|\bsorry for whatever\b`,
    {
      message:
        '“Any” or “whatever” keeps the apology general, as if you are not sure anything happened. Naming what you did, and how it affected your partner, shows you see it.',
      suggest: 'I made a mistake when I [what you did], and I’m sorry.',
    },
  ),
  rule(
    'non-apology',
    R`\bi (?:already )?(?:said|told you) (?:that )?(?:{i'm}|i was) sorry\b|\bi (?:already )?said sorry\b|\bi already {apologise}d\b|\bwhat more do you want\b|\bhow many times do i (?:have|need) to (?:say|{apologise})\b|\bhappy now\?|\bi (?:guess|suppose) {i'm} sorry\b|\bfine,? {i'm} sorry\b`,
    {
      suggest: 'I’m sorry. I know one apology doesn’t undo it. What would help?',
    },
  ),
  rule(
    'non-apology',
    R`\b(?:it|that|this)(?:'s| is| was) (?:only|just) (?:a|an|one|some|words|joking|banter|harmless|nothing)\b`,
    {
      suggest: 'It mattered, and I’m sorry that I [what you did].',
    },
  ),
];

export const STATEMENT_RULES: readonly Rule[] = [...FIRST_RULES, ...FAMILY_RULES];
