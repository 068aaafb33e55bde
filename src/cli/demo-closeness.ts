import type { DemoCall } from './demo-call.js';

// Step 7 and "For me" for the demo couple, day by day inside demo-act.ts's walk: the question of the
// day on eighteen evenings (most answered by both and revealed, a few by one only, one set aside),
// reactions and replies on some revealed pairs, Daniel's ritual from day 7 (marked by him at 21:00,
// noticed or not by Maya in the walk's 22:30 round), and a few private journal entries of Maya's.
// Fixed patterns, no randomness. The theme is Memories, whose 18 light and medium questions fit the
// 18 question days exactly: the first 7 revealed pairs come within the first 9 days, so the light
// ones run out just as medium ones are allowed (domain/closeness/offer.ts), and nothing spills over.

/** What one day of the walk gives this step: which day it is and how to set the clock on it. */
export interface DemoDay {
  day: number;
  date: string;
  week: number;
  at: (date: string, time: string) => void;
}

type Who = 'a' | 'b';

/** The demo couple's answers to the Memories questions (Maya, then Daniel). */
const ANSWERS: Record<string, [maya: string, daniel: string]> = {
  'memories-001': [
    'The first time you walked me to the station and missed your own train so we could keep talking.',
    'You laughing at the wrong moment in that terrible play, and then trying so hard to stop that you cried.',
  ],
  'memories-002': [
    'The soup we made in your tiny kitchen when the power went out. We ate it by torchlight and it was the best thing ever.',
    'Chips on the sea wall in the rain. Cold hands, hot chips, and you stealing the crispy ones.',
  ],
  'memories-003': [
    'The time we got locked out and you tried to climb in through the bathroom window in your good coat.',
    'The satnav that sent us round the same roundabout four times. You started narrating it like a nature programme.',
  ],
  'memories-004': [
    'That little town by the lake, where we walked everywhere and nobody needed anything from us.',
    'The campsite with the owl. I would go back just to lie there and listen to it again with you.',
  ],
  'memories-005': [
    'At the library, then the long way home past the allotments. I liked having nowhere to be.',
    'Taking my bike apart and putting it back together, usually with a few pieces left over.',
  ],
  'memories-006': [
    'The smell of pine needles. It takes me straight back to our first winter.',
    'That song from the wedding we went to. I still turn it up when it comes on.',
  ],
  'memories-007': [
    'The Sunday the plans fell through and we just walked and talked until it got dark.',
    'Waiting for the boiler engineer all day. We ended up playing cards on the floor and I did not want it to end.',
  ],
  'memories-008': [
    'Drawing. I filled whole sketchbooks and never showed anyone.',
    'Playing in a terrible band. I miss making noise with people.',
  ],
  'memories-009': [
    'You left a note in my coat pocket before my interview. I found it on the bus and kept it.',
    'When my dad was ill, you drove three hours with food and did not make me talk.',
  ],
  'memories-010': [
    'When you stayed up with me the night before my exam, even though you had work in the morning.',
    'When you sat with me in the hospital waiting room and just held my hand. I knew then.',
  ],
  'memories-011': [
    'Moving flat in one weekend. We barely argued, and we laughed about the sofa for months.',
    'Planning your sister’s surprise. We each took a part and trusted the other to do theirs.',
  ],
  'memories-012': [
    'Sunday phone calls with my family. I still do it, and I would like you on some of them again.',
    'I let go of shouting matches over dinner. I am still learning what to put in their place.',
  ],
  'memories-013': [
    'The beach at the end of our first holiday, when we did not say much and did not need to.',
    'The night of the snowstorm, when we walked home in the middle of the road.',
  ],
  'memories-014': [
    'My grandmother. She listened to every story as if it was the only one that mattered.',
    'My older brother. He never said much, but he always turned up.',
  ],
  'memories-015': [
    'The year your job ended. Talking late at night, even when it was hard, got us through.',
    'Last winter, when everything was hard. What got me through was you not giving up on us, even when I went quiet.',
  ],
  'memories-016': [
    'The second date, when you admitted you were nervous too.',
    'When you fell asleep on my shoulder on the train. You trusted me, and I relaxed.',
  ],
  'memories-017': [
    'We used to tell each other the small things, every evening. I would like that back.',
    'We were curious about each other. I want to ask you more questions again.',
  ],
  'memories-018': [
    'The seaside town where I grew up. It taught me to love weather and long walks.',
    'My first flat share. It taught me how to live with people, and how much I need quiet.',
  ],
};

/** For a question the demo did not expect (the deck may grow): a plain answer that fits any. */
const FALLBACK: [string, string] = [
  'I had to think about this one. I would like to tell you the rest in person.',
  'I am still thinking about this one. Ask me about it at dinner?',
];

/** Who answers on the nth question day: both (revealed), one only (Daniel reads it and leaves it for later), or Daniel sets it aside. */
function plan(n: number): { maya: boolean; daniel: 'answer' | 'skip' | 'later' } {
  if (n === 4) return { maya: true, daniel: 'later' };
  if (n === 12) return { maya: false, daniel: 'answer' };
  if (n === 15) return { maya: true, daniel: 'skip' };
  if (n === 17) return { maya: true, daniel: 'later' };
  return { maya: true, daniel: 'answer' };
}

type Reaction = 'moved' | 'smile' | 'grateful' | 'me-too';

/**
 * Reactions and replies, by question: said when that question's pair is revealed. Six questions have
 * a reply from each of them, so however the questions fall on the days, some revealed pair has both.
 */
const RESPONSES: Record<string, { who: Who; reaction: Reaction; reply?: string }[]> = {
  'memories-001': [
    { who: 'b', reaction: 'smile', reply: 'I remember that train. I would miss it again.' },
    { who: 'a', reaction: 'me-too' },
  ],
  'memories-002': [
    { who: 'b', reaction: 'smile', reply: 'I still have the torch. We should do that again, power cut or not.' },
    { who: 'a', reaction: 'me-too', reply: 'Only if you let me keep the crispy chips.' },
  ],
  'memories-003': [
    { who: 'a', reaction: 'smile', reply: 'I am laughing again just reading this.' },
    { who: 'b', reaction: 'smile' },
  ],
  'memories-006': [{ who: 'a', reaction: 'smile' }],
  'memories-009': [
    { who: 'a', reaction: 'moved', reply: 'I would do it again. I did not know how much it meant to you.' },
    { who: 'b', reaction: 'grateful', reply: 'I was so nervous for you that day. I am glad you kept it.' },
  ],
  'memories-010': [
    { who: 'b', reaction: 'grateful' },
    { who: 'a', reaction: 'moved' },
  ],
  'memories-013': [
    { who: 'a', reaction: 'me-too', reply: 'The snow night is one of mine too.' },
    { who: 'b', reaction: 'moved', reply: 'We did not say much on that beach, and it was one of the best days.' },
  ],
  'memories-015': [
    {
      who: 'a',
      reaction: 'moved',
      reply: 'Thank you for saying that. There were times I felt very alone, and I am glad we are talking now.',
    },
    { who: 'b', reaction: 'grateful', reply: 'You carried more of that year than I noticed.' },
  ],
  'memories-017': [
    { who: 'a', reaction: 'grateful', reply: 'Yes. Let’s start with tonight.' },
    { who: 'b', reaction: 'me-too', reply: 'Then I will ask tonight, and really listen.' },
  ],
};

/** Maya's private journal, on a few evenings: For me is hers alone. */
const JOURNAL: Record<
  number,
  { text: string; mood: 'calm' | 'tired' | 'tender' | 'hopeful' | 'low'; tags: string[]; promptId: string | null }
> = {
  4: {
    text: 'I do not know yet whether this will help. I want to write down how I feel at the start, so I can be honest with myself later.',
    mood: 'tired',
    tags: ['start'],
    promptId: null,
  },
  18: {
    text: 'What I need: to be asked, and then listened to. Not fixed. Just listened to.',
    mood: 'tender',
    tags: ['needs'],
    promptId: 'what-i-need',
  },
  32: {
    text: 'Walked to the river on my own on Saturday and stayed as long as I liked. That was for me.',
    mood: 'calm',
    tags: ['walks', 'me'],
    promptId: 'did-for-myself',
  },
  46: {
    text: 'The dinners still feel like a box being ticked. I said so, and it was hard. I am proud that I said it anyway.',
    mood: 'low',
    tags: ['dinners', 'honesty'],
    promptId: 'proud-of',
  },
  58: {
    text: 'Some evenings are good now. Some are not. Both can be true, and I am allowed to notice both.',
    mood: 'hopeful',
    tags: ['evenings'],
    promptId: null,
  },
};

/** The first day of each question, Memories from day 1 (chosen the day before), and every third day from day 9. */
const QUESTION_DAY = (day: number) => (day >= 9 && day <= 60 && day % 3 === 0 ? (day - 9) / 3 : null);

const RITUAL = 'reunion-hug';
const roll = (day: number, salt: number) => ((day + 5) * 41 + salt * 97 + ((day * salt) % 11) * 9) % 100;

/** Step 7 and For me for the demo, one day at a time; keeps what later days need (the ritual's commitment). */
export function demoCloseness(call: DemoCall, password: string) {
  let ritualCommitment: string | null = null;

  const answer = async (who: Who, d: DemoDay, time: string) => {
    d.at(d.date, time);
    const today = await call(who, 'closeness.today');
    const words = ANSWERS[today.question.id] ?? FALLBACK;
    await call(who, 'closeness.answer', {
      params: { questionId: today.question.id },
      body: { text: words[who === 'a' ? 0 : 1] },
    });
    return today.question.id;
  };

  return async function closenessDay(d: DemoDay): Promise<void> {
    // The evening before the first question, Maya chooses Memories for both of them.
    if (d.day === 0) {
      d.at(d.date, '20:00');
      await call('a', 'closeness.theme', { body: { theme: 'memories' } });
    }

    // Daniel takes up a ritual in the second week: a commitment in Act, for Maya.
    if (d.day === 7) {
      d.at(d.date, '09:00');
      const ritual = await call('b', 'rituals.adopt', {
        params: { ritualId: RITUAL },
        body: { schedule: { kind: 'daily', by: null } },
      });
      ritualCommitment = ritual.mine?.commitmentId ?? null;
    }

    // Maya's journal: the private places open again with her password after the quiet days between.
    const entry = JOURNAL[d.day];
    if (entry) {
      d.at(d.date, '18:00');
      await call('a', 'auth.reauth', { body: { password } });
      await call('a', 'journal.create', { body: entry });
    }

    const n = QUESTION_DAY(d.day);
    if (n !== null) {
      const who = plan(n);
      let questionId: string | null = null;
      if (who.maya) questionId = await answer('a', d, '19:30');
      if (who.daniel === 'answer') questionId = await answer('b', d, '20:15');
      if (who.daniel === 'skip') {
        d.at(d.date, '20:15');
        await call('b', 'closeness.skip');
      }
      if (who.daniel === 'later') {
        // He reads it and means to come back to it: it waits among his earlier questions.
        d.at(d.date, '20:15');
        await call('b', 'closeness.today');
      }
      if (questionId && who.maya && who.daniel === 'answer') {
        d.at(d.date, '20:45');
        for (const r of RESPONSES[questionId] ?? []) {
          await call(r.who, 'closeness.respond', {
            params: { questionId },
            body: { reaction: r.reaction, ...(r.reply ? { reply: r.reply } : {}) },
          });
        }
        // Once, Daniel adds a line to his answer after reading Maya's: both see it marked as edited.
        if (n === 14) {
          const words = ANSWERS[questionId] ?? FALLBACK;
          await call('b', 'closeness.answer', {
            params: { questionId },
            body: { text: `${words[1]} Writing it down, I realised how much it still means to me.` },
          });
        }
      }
    }

    // Daniel's ritual: he marks the day's hello before the evening round of marks in demo-act.ts,
    // more often as the weeks go on; Maya says whether she noticed in the 22:30 round.
    if (ritualCommitment) {
      d.at(d.date, '21:00');
      const today = await call('b', 'log.today');
      for (const occ of today.toMark) {
        if (occ.commitmentId !== ritualCommitment) continue;
        const done = roll(d.day, 3) < 50 + d.week * 6;
        await call('b', 'log.mark', {
          params: { id: occ.commitmentId, key: occ.key },
          body: { status: done ? 'done' : 'missed', note: done || d.day % 4 !== 0 ? null : 'I came in on the phone and forgot.' },
        });
      }
    }
  };
}
