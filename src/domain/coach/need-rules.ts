/**
 * The word lists behind the need coach. Every pattern runs on the canonical text from need-text.ts:
 * lower case, contractions expanded ("don't" -> "do not"), " , " between clauses.
 * All patterns are plain alternations (no nested quantifiers), so matching stays linear.
 */

/** Said often, but not a moment or a frequency: removed before looking for a "when". */
export const NOT_WHEN: readonly RegExp[] = [
  /\bevery (so often|now and (then|again)|once in a while)\b/g,
  /\b(once in a while|now and (then|again)|from time to time|at times|at some point|some ?day|sometime|all the time|at all times)\b/g,
  /\b(when|whenever|if|any ?time) (you|we|i) (can|could|want|wanna|remember|like|please|feel like it|think of it|get around to it)\b/g,
  /\b(when|whenever|if|any ?time) (you|we|i) (have|find|get|got) (the |some |a |any )?(time|moment|minute|second|chance)\b/g,
  /\b(when|whenever|if|any ?time) (you|we|i) (are|am) (able|free|ready|not busy|in the mood)\b/g,
  /\b(when|whenever|if) (possible|convenient|it is (possible|convenient)|you do not mind)\b/g,
  /\bany ?time\b/g,
  // A trip, not a moment: "plan a weekend away" names what to plan, not when.
  /(?<=\b(?:a|one|our|the) )weekends?(?= (?:away|break|trip|getaway|off)\b)/g,
];

const DAY = '(mon|tues|wednes|thurs|fri|satur|sun)days?';
const PART_OF_DAY = '(morning|evening|night|afternoon|lunchtime|bedtime|dinnertime)s?';
const NUMBER = '(once|twice|thrice|one|two|three|four|five|six|seven|\\d+|a few|a couple of|a couple|couple of|several)';
const COUNTED = '(times?|nights?|evenings?|mornings?|days?|afternoons?|lunchtimes?|weekends?|weeknights?)';
const SUBJECT = '(you|i|we|the kids|the children|the baby|he|she|they|it|our|my|your|there is)';
/** Up to two more words of a "when you ..." clause, stopping at words that begin a new part. */
const CLAUSE_WORDS = '( (?!and\\b|but\\b|then\\b|so\\b|instead\\b)[a-z0-9]+){0,2}\\b';

/** A frequency or a moment: "every day", "twice a week", "at dinner", "when I am upset", "before bed". */
export const WHEN: readonly RegExp[] = [
  // A moment told as a small clause, with its verb, so "be nicer when you come home" keeps no "come home".
  // Not "if you": "I would like it if you called" is a wish, not a moment.
  new RegExp(
    `\\b(when|whenever|each time|every time|as soon as|the moment|once|before|after|until) ${SUBJECT}${CLAUSE_WORDS}`,
    'g',
  ),
  new RegExp(
    `\\b(every|each)( single| other| few| couple of)? (day|week|weekend|weekday|weeknight|month|year|time|${PART_OF_DAY}|${DAY}|dinner|lunch|meal)s?\\b`,
    'g',
  ),
  /\bevery (two|three|four|\d+) (days|weeks|evenings|nights)\b/g,
  /\b(everyday|daily|nightly|weekly|monthly|fortnightly)\b/g,
  new RegExp(
    `\\b(${NUMBER} ${COUNTED}?|${NUMBER}) ?(a|per|each|every|in a) (day|week|month|fortnight|weekend|year|night|evening|morning)\\b`,
    'g',
  ),
  new RegExp(`\\b(most|many) (days|weekends|weekdays|weeknights|${PART_OF_DAY}|${DAY})\\b`, 'g'),
  new RegExp(`\\b(on |at |over |during )?(the )?(${DAY}|weekends?|weekdays?|weeknights?)\\b`, 'g'),
  /\b(before|after) (bed|bedtime|sleep|sleeping|going|leaving|work|school|church|the gym|dinner|breakfast|lunch|supper|tea|coffee|a long|a hard|a tough|a bad|an argument|arguments|a fight|fights|each|every)\b/g,
  /\b(over|during|at|around) (breakfast|lunch|lunchtime|dinner|dinnertime|supper|suppertime|teatime|bedtime|night|nighttime|noon|midday|midnight|meals|mealtimes?|the (weekend|door|table|dinner table|end of|start of|beginning of))\b/g,
  /\b(in|during|throughout) the (mornings?|evenings?|afternoons?|night|day|daytime|week|work ?day|working day|school run|commute)\b/g,
  /\bon (your|my|our|the) (lunch ?break|break|commute|way home|way to work|drive home|days? off|anniversary|birthday|walks?)\b/g,
  /\bon date nights?\b/g,
  /\b(tonight|today|tomorrow|(this|next) (morning|afternoon|evening|week|weekend|month))\b/g,
  /\b(first thing|last thing|end of (the|each|every|our) (day|week|evening|work ?day)|bedtime|lunchtime|dinnertime|mornings|evenings|(?<!date )nights)\b/g,
  /\b(at|around|by|before|after|from|until|till) \d{1,4}( ?(am|pm|oclock))?\b/g,
  /\b\d{1,4} ?(am|pm|oclock)\b/g,
];

/** Counted as a when but left in place, because the words also belong to the action ("say good night"). */
export const IMPLIED_WHEN: readonly RegExp[] = [
  // A greeting or a parting carries its own moment: "kiss me goodbye", "say good night".
  /\b(good ?morning|good ?night|goodbye|welcome home)\b/,
];

/** Trait and state phrases that borrow an action word ("make me feel", "walk away"): removed first. */
export const TRAIT_MASKS: readonly RegExp[] = [
  /\bmak(e|es|ing) (me|us|you) (feel|happy|smile|laugh|a priority)\b/g,
  /\bmak(e|es|ing) (an |more |the |some |a real |a bigger )?effort\b/g,
  /\bmak(e|es|ing) (it|things) (up|right|better|work|easier)\b/g,
  /\btak(e|es|ing) (me|us|it|this|my feelings|things) (for granted|seriously)\b/g,
  /\bhold(s|ing)? (me|us|yourself) accountable\b/g,
  /\bhold(s|ing)? space\b/g,
  /\bcall(s|ed|ing)? (me )?(names|out)\b/g,
  /\btell(s|ing)? me (off|what to do)\b/g,
  /\bwalk(s|ed|ing)? (away|out|off|all over)\b/g,
  /\b(i|we) (am |are |keep |have |just )?(ask|asks|asked|asking)\b/g,
  /\ball i (ask|want|need)\b/g,
];

export interface ActionRule {
  id: string;
  pattern: RegExp;
  /** The moment offered when this action is written without one. */
  when: string;
}

const rule = (id: string, when: string, ...patterns: RegExp[]): ActionRule[] =>
  patterns.map((pattern) => ({ id, pattern, when }));

/** Things one could see done or not done on a given day. The first rule that matches sets the offered "when". */
export const ACTIONS: readonly ActionRule[] = [
  ...rule(
    'phone-away',
    'at dinner',
    /\bput(s|ting)? (\w+ ){0,3}(phones?|laptops?|screens?|devices?|tablets?|ipads?|work)\b/,
    /\b(phones?|laptops?|screens?|devices?) (away|down|off)\b/,
    /\b(leave|leaving|keep|keeping) (\w+ ){0,2}(phones?|laptops?) (away|in|at|out|off|down|behind|face down)\b/,
    /\bstay(s|ing)? off (your|the|our) (phones?|laptops?|screens?)\b/,
    /\b(turn|switch)(s|ed|ing)? (off|down)\b/,
    /\b(turn|switch|shut)(s|ed|ing)? (\w+ ){1,3}off\b/,
    /\bsilenc(e|es|ing) (your|the)\b/,
  ),
  ...rule('call', 'once during the work day', /\bcall(s|ed|ing)?\b/, /\b(phone|ring) (me|us|home)\b/, /\bfacetime\b/),
  ...rule('text', 'once during the work day', /\btext(s|ed|ing)?\b/, /\bmessag(e|es|ed|ing)\b/, /\bemail(s|ed|ing)? (me|us)\b/),
  ...rule(
    'send',
    'once during the work day',
    /\bsend(s|ing)? (me |us )?(a |an |the |some )?(text|message|photo|picture|note|email|card|letter|update|voice note|flowers)/,
  ),
  ...rule('greet', 'when you come home', /\bhug(s|ged|ging)?\b/, /\bkiss(es|ed|ing)?\b/, /\bgreet(s|ed|ing)?\b/),
  ...rule(
    'hold',
    'before we go to sleep',
    /\bhold(s|ing)? (me|my hands?|hands|each others? hands?|us|each other)\b/,
    /\b(cuddl|snuggl)(e|es|ed|ing)\b/,
    /\bmassag(e|es|ed|ing)\b/,
    /\brub(s|bed|bing)? (my|your) (back|feet|shoulders|neck)\b/,
  ),
  ...rule('check-in', 'once during the work day', /\bcheck(s|ed|ing)? (in|on|with)\b/),
  ...rule('ask', 'at dinner, most evenings', /\bask(s|ed|ing)?\b/, /\blisten(s|ed|ing)?\b/),
  ...rule(
    'talk',
    'at dinner, most evenings',
    /\b(talk|chat)(s|ed|ted|ing|ting)? (to|with|about|through|together)\b/,
    /\bshar(e|es|ed|ing)\b/,
    /\blook(s|ing)? (me )?(in|into) (the |my )?eyes?\b/,
    /\blook(s|ing)? up (from|at)\b/,
    /\blet(s|ting)? me (finish|talk|speak|vent)\b/,
    /\b(repl(y|ies|ied|ying)|respond(s|ed|ing)?|answer(s|ed|ing)?) (to )?(my|me|the|your)\b/,
  ),
  ...rule(
    'tell',
    'before bed each night',
    /\btell(s|ing)?\b/,
    /\bsay(s|ing)? (good ?morning|good ?night|goodbye|hello|hi|thank you|thanks|sorry|i love you|you love me|one thing|something kind)\b/,
    /\bthank(s|ed|ing)? (me|you|us|each other)\b/,
    /\bcompliment(s|ed|ing)?\b/,
    /\bapologi[sz](e|es|ed|ing)\b/,
    /\bwrit(e|es|ing) (me |us )?(a |an )?(\w+ )?(note|letter|card|message)s?\b/,
    /\bleav(e|es|ing) (me )?(a |an )?(\w+ )?(note|message)s?\b/,
  ),
  ...rule(
    'date',
    'once a month',
    /\bplan(s|ned|ning)? (a|an|the|our|some|something|one|two|three|dates?|date nights?|time|trips?|weekends?|things|for|ahead|with|together|dinner|outings?|evenings?|nights?|days? out|holidays?|surprises?)\b/,
    /\bdate nights?\b/,
    /\bgo(es|ing)? (for|on) (a |an )?(date|drive|bike ride|ride|coffee|dinner|picnic|trip|hike|swim)/,
    /\bgo(es|ing)? out (together|with me|for|on)\b/,
    /\b(book|schedul)(s|e|es|ed|ing)? (a|an|us|the|our|tickets|dinner|table)\b/,
    /\btak(e|es|ing) (me|us) (out|to|on|for)\b/,
    /\b(invit|celebrat)(e|es|ed|ing)\b/,
  ),
  ...rule(
    'meal',
    'twice a week',
    /\bcook(s|ed|ing)?\b/,
    /\bmak(e|es|ing) (\w+ )?(dinner|breakfast|lunch|supper|tea|coffee|a meal|meals|a cup|the bed)\b/,
    /\bmak(e|es|ing) (me|us) (a|an|some) (\w+ )?(tea|coffee|cuppa|cup|sandwich|snack|cake|meal|dinner|breakfast|lunch|hot chocolate|drink)\b/,
    /\beat(s|ing)? (together|with (me|us)|dinner|breakfast|lunch|meals?)\b/,
    /\bha(ve|s|ving) (a |an )?(\w+ ){0,2}(dinner|breakfast|lunch|meals?|coffee|date|conversation|talk|chat|catch up|bath)\b/,
  ),
  ...rule(
    'walk',
    'after dinner, twice a week',
    /\bwalk(s|ed|ing)?\b/,
    /\bgo(es|ing)? (for|on) (a |an )?(walk|run)/,
    /\bdanc(e|es|ed|ing)\b/,
  ),
  ...rule(
    'time',
    'three evenings a week',
    /\bspend(s|ing)? (\w+ ){0,4}time\b/,
    /\bset(s|ting)? aside (\w+ ){0,3}time\b/,
    /\bgiv(e|es|ing) (me|us) (a few|a couple of|one|two|five|ten|fifteen|twenty|thirty|half an|an|\d+) (minutes?|hours?)\b/,
    /\b(block|carve)(s|ed|ing)? (out|off) (\w+ ){0,3}time\b/,
    /\bmak(e|es|ing) (\w+ )?(time|eye contact|plans?|a plan|a date)\b/,
    /\bsit(s|ting)? (with|down with|down and|together|next to|beside|close)\b/,
    /\bread(s|ing)? (together|to (me|us|each other|the kids)|with (me|us)|aloud|(a|the same|one) (book|chapter|story))\b/,
    /\bwatch(es|ed|ing)? (a |an |our |something |tv|films?|movies?|shows?|series|the (kids|children|news|match|game|sunset))/,
    /\bplay(s|ed|ing)? (a |an |cards|games?|with|board|music|tennis|together)/,
    /\bjoin(s|ed|ing)? (me|us)\b/,
    /\bgo(es|ing)? to (bed|sleep) (together|with me|at the same time)\b/,
    /\b(come|comes|coming) (home|to bed|with me)\b/,
    /\b(be|get|gets|getting) (home|back home)\b/,
    /\bbe on time\b/,
    /\bleav(e|es|ing) (work|the office)\b/,
    /\bsmil(e|es|ing) at me\b/,
  ),
  ...rule(
    'chores',
    'after dinner',
    /\b(do|does|doing) (the |some )?(dishes|laundry|washing up|washing|shopping|cooking|cleaning|school run|bedtime|bath time|bins|hoovering|vacuuming|chores)\b/,
    /\bwash(es|ed|ing)? up\b/,
    /\b(clean|tidy|tidies|tidied|tidying)(s|ed|ing)?\b/,
    /\bhelp(s|ed|ing)? (me |us )?(with|out|cook|clean|tidy)\b/,
    /\btak(e|es|ing) (out )?(the )?(bins|trash|rubbish)( out)?\b/,
    /\btak(e|es|ing) (the kids|the children|the dog|turns|over)\b/,
    /\bpick(s|ed|ing)? (me |us |the kids |the children )?up\b/,
    /\bput(s|ting)? (the )?(kids|children|baby) to bed\b/,
    /\bbring(s|ing)? (me|us|home)\b/,
  ),
];

/** Words that switch the rest of a clause to "do not do this"; see RESET for what ends that. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'stop',
  'stops',
  'stopped',
  'stopping',
  'quit',
  'quitting',
  'avoid',
  'refrain',
]);

/** Words that start a fresh, positive part of a clause: "stop X and instead Y" counts Y. */
export const RESET: ReadonlySet<string> = new Set(['and', 'instead', 'but', 'rather', 'then', 'so', 'just']);

/** Phrases whose negation is not a negation: "do not forget to call", "why do not you hug me". */
export const NOT_A_NEGATION: readonly RegExp[] = [
  /\b(not|never) forget (to )?/g,
  /\b(why )?(do|can|could|would|will) not you\b/g,
  /\bwhy not\b/g,
];
