// A need is written by the person who has it ("Ask about my day at dinner, without your phone").
// When their partner makes a commitment from it, the words are offered back in the doer's voice
// ("Ask about your day at dinner, without my phone"): first and second person swap, nothing else
// changes. It is an offer the person can edit, so a rare wrong guess costs one correction.

/** Words after which "you" is the subject ("when you call" → "when I call"); otherwise it is the object. */
const SUBJECT_BEFORE =
  /(?:^|[.!?;:,(—–-]\s*|\b(?:and|but|or|so|because|when|whenever|if|that|while|before|after|until|as|since|though|where|how|what|why|then)\s+)$/i;
/** Words that, right after "you", show it is the subject ("you call", "you are", "you can"). */
const VERB_AFTER =
  /^\s+(?:are|were|have|had|do|did|don't|didn't|can|could|will|would|should|may|might|must|need|want|feel|felt|get|got|come|came|go|went|say|said|tell|told|ask|asked|call|called|text|texted|let|make|made|take|took|put|look|listen|know|knew|think|thought|see|saw|help|try|tried|remember|forget|forgot|keep|kept|leave|left|plan|plans|check|notice|spend|give|gave|hold|show|stop|start|sit|walk|cook|work|read|write|wrote|hug|kiss|turn|bring|share|mean|always|never|also|both|often|sometimes|just|really|still|usually)\b/i;

function caseLike(model: string, word: string): string {
  if (model === model.toUpperCase() && model.length > 1 && !/^I['’]/.test(model)) return word.toUpperCase();
  if (model[0] === model[0]?.toUpperCase()) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}

const SWAP: Record<string, string> = {
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  me: 'you',
  i: 'you',
  "i'm": "you're",
  'i’m': 'you’re',
  "i've": "you've",
  'i’ve': 'you’ve',
  "i'll": "you'll",
  'i’ll': 'you’ll',
  "i'd": "you'd",
  'i’d': 'you’d',
  your: 'my',
  yours: 'mine',
  yourself: 'myself',
  "you're": "I'm",
  'you’re': 'I’m',
  "you've": "I've",
  'you’ve': 'I’ve',
  "you'll": "I'll",
  'you’ll': 'I’ll',
  "you'd": "I'd",
  'you’d': 'I’d',
};

const WORD = /\b(?:i['’](?:m|ve|ll|d)|you['’](?:re|ve|ll|d)|myself|yourself|mine|yours|my|your|me|i|you)\b/gi;

/** At the start of the text or of a sentence: where a capital belongs whatever the word. */
const SENTENCE_START = /(?:^|[.!?]\s+|["“(]\s*)$/;

/** The need's words turned to the voice of the partner who will act on them. */
export function toDoersVoice(text: string): string {
  const swapped = text.replace(WORD, (found: string, offset: number) => {
    const lower = found.toLowerCase();
    if (lower === 'you') {
      const before = text.slice(0, offset);
      const after = text.slice(offset + found.length);
      const subject = SUBJECT_BEFORE.test(before) || VERB_AFTER.test(after);
      // "I" is always written as a capital; "me" keeps the case "you" had.
      return subject ? 'I' : caseLike(found, 'me');
    }
    const to = SWAP[lower] ?? found;
    if (/^I\b/.test(to)) return to;
    // "I" is always a capital, so for "I…" words only the place in the sentence says which case fits.
    const model = /^i\b/.test(lower) ? (SENTENCE_START.test(text.slice(0, offset)) ? 'I' : 'i') : found;
    return caseLike(model, to);
  });
  // The verb "to be" follows its new subject.
  return swapped
    .replace(/\b(you) am\b/gi, '$1 are')
    .replace(/\b(you) was\b/gi, '$1 were')
    .replace(/\bI are\b/g, 'I am')
    .replace(/\bI were\b/g, 'I was');
}
