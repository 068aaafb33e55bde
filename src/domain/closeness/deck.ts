// Step 7, Closeness: the question deck. Every question is written for Attune.
// Each partner answers privately; answers are revealed to both once both have answered.
// Pure data: no I/O.
//
// Rules for anyone adding a question (deck.test.ts checks most of them):
// - Ids are stable forever, because answers are stored against them: '<theme-id>-<3 digits>'.
//   Never renumber, never reuse a retired id; a new question takes the next free number in its theme.
// - Asked of one person, about themselves, their partner or the two of them. Open (no yes/no),
//   answerable in a few sentences, never a test of what one knows about the other.
// - Never about blame. Deep questions invite vulnerability gently; they do not reopen wounds.
// - Assume nothing about gender, children, marriage, living together, faith, money or bodies.

export const DEPTHS = ['light', 'medium', 'deep'] as const;
export type Depth = (typeof DEPTHS)[number];

export interface Theme {
  id: string;
  name: string;
  about: string;
}

export const THEMES = [
  {
    id: 'knowing',
    name: 'Who you are now',
    about: 'People keep changing. These questions are about who each of you is today, not who you were when you met.',
  },
  {
    id: 'memories',
    name: 'Memories',
    about: 'Moments from your lives and from your time together, the small ones as much as the big ones.',
  },
  { id: 'hopes', name: 'Hopes and dreams', about: 'What each of you is reaching for, alone and together, near and far.' },
  { id: 'fears', name: 'Fears and worries', about: 'Worries, held gently. Share only as much as feels right today.' },
  { id: 'appreciation', name: 'Appreciation', about: 'Noticing what is good in each other, and saying it.' },
  {
    id: 'needs',
    name: 'Needs and care',
    about: 'How each of you likes to be cared for. Not a list of demands: a map the other can learn to read.',
  },
  { id: 'everyday', name: 'Everyday life', about: 'The ordinary hours, where most of a shared life happens.' },
  {
    id: 'gentle',
    name: 'Something lighter',
    about: 'Easy, kind questions for days when things feel heavy. Nothing here needs digging.',
  },
] as const satisfies readonly Theme[];

export type ThemeId = (typeof THEMES)[number]['id'];

export interface Question {
  id: string;
  text: string;
  theme: ThemeId;
  depth: Depth;
}

/** [number within the theme, depth, text]. The number is part of the stored id: never change it. */
type Entry = readonly [number: string, depth: Depth, text: string];

const DECK: Record<ThemeId, readonly Entry[]> = {
  knowing: [
    ['001', 'light', 'What has been on your mind most this week, big or small?'],
    ['002', 'light', 'Which small pleasure has been making your days better lately?'],
    ['003', 'light', 'What is a topic you could happily talk about for an hour?'],
    ['004', 'light', 'What story, in any form, has stayed with you recently, and what caught you about it?'],
    ['005', 'light', 'Which time of day feels most like yours, and how do you like to spend it?'],
    ['006', 'light', 'What have you become curious about in the past year?'],
    ['007', 'light', 'What is a new word, idea or fact you learned recently that stuck with you?'],
    ['008', 'light', 'What small, ordinary thing puts you in a good mood almost every time?'],
    ['009', 'light', 'What are you looking forward to in the coming weeks?'],
    ['010', 'medium', 'How have you changed in the last few years, in ways you would like your partner to know about?'],
    ['011', 'medium', 'What do you believe now that you did not believe five years ago?'],
    ['012', 'medium', 'Which part of your life right now feels most like you, and which feels least like you?'],
    ['013', 'medium', 'What does a good day look like for you at this point in your life?'],
    ['014', 'medium', 'When do you feel most at ease with yourself these days?'],
    ['015', 'medium', 'What strength of yours has not had much room to show lately?'],
    ['016', 'medium', 'What do you find yourself worrying about less than you used to?'],
    ['017', 'medium', 'Who or what outside the relationship has shaped your thinking lately, and in what way?'],
    ['018', 'medium', 'What are you learning about yourself in this season of your life?'],
    ['019', 'deep', 'What part of you do you keep most hidden, and what would it take to let it show a little?'],
    ['020', 'deep', 'When do you feel most alive, and what is it about those moments?'],
    ['021', 'deep', 'What is a question you wish people asked you, and how would you answer it today?'],
    ['022', 'deep', 'What are you still trying to make peace with?'],
    ['023', 'deep', 'What is true about you that is hard to put into words, but that you would like understood?'],
    ['024', 'deep', 'Which feeling do you find hardest to show, and what happens inside you when it comes up?'],
    ['025', 'deep', 'What do you hope your partner is beginning to understand about who you are now?'],
  ],
  memories: [
    ['001', 'light', 'What small moment from your early days together still makes you smile?'],
    ['002', 'light', 'Which meal the two of you shared do you remember fondly, and what made it special?'],
    ['003', 'light', 'What funny thing happened between the two of you that you still laugh about?'],
    ['004', 'light', 'Where have the two of you been together that you would happily go back to?'],
    ['005', 'light', 'How did you like to spend a free afternoon when you were younger?'],
    ['006', 'light', 'What object, song or scent carries a good memory of the two of you?'],
    ['007', 'light', 'What ordinary day together turned out better than you expected?'],
    ['008', 'light', 'What did you enjoy as a teenager that you have not done in years?'],
    ['009', 'light', 'What small kindness from your partner do you remember clearly?'],
    ['010', 'medium', 'What moment made you realise your partner mattered to you?'],
    ['011', 'medium', 'When did the two of you work well as a team, and what made it go well?'],
    ['012', 'medium', 'What tradition from where you grew up do you still carry, or have you chosen to let go?'],
    ['013', 'medium', 'Which memory of the two of you do you return to when you want to feel close?'],
    ['014', 'medium', 'Who made you feel looked after when you were younger, and how did they do it?'],
    ['015', 'medium', 'What difficult stretch of life did you come through together, and what got you through?'],
    ['016', 'medium', 'When did you first feel at ease around your partner, and what made that possible?'],
    ['017', 'medium', 'What was good about an earlier chapter of the two of you that you would like to carry forward?'],
    ['018', 'medium', 'What is a place from your past that shaped you, and how?'],
    ['019', 'deep', 'What did the people who raised you teach you about showing feelings, and what would you keep?'],
    ['020', 'deep', 'What memory have you rarely shared that you would like your partner to know?'],
    ['021', 'deep', 'When you were small, what made you feel safe, and who gave you that feeling?'],
    ['022', 'deep', 'What turning point in your life shaped the way you love?'],
    ['023', 'deep', 'When did you feel deeply understood by someone, and what did they do?'],
    ['024', 'deep', 'Which memory of your younger self would you like to treat more kindly?'],
    ['025', 'deep', 'What did you need back then that you are still learning to ask for?'],
  ],
  hopes: [
    ['001', 'light', 'What is a small thing you would like to try in the next few months?'],
    ['002', 'light', 'Which skill would you love to pick up purely for the fun of it?'],
    ['003', 'light', 'What is a place, near or far, you would love to explore someday?'],
    ['004', 'light', 'What would you enjoy creating, in any form at all?'],
    ['005', 'light', 'What small adventure would you enjoy sharing with your partner this year?'],
    ['006', 'light', 'What would you like more of when the next season comes around?'],
    ['007', 'light', 'Which hobby or interest have you been meaning to return to?'],
    ['008', 'light', 'What would make the coming month feel good to you?'],
    ['009', 'light', 'What is a silly dream you still smile about?'],
    ['010', 'medium', 'What does a good life look like to you ten years from now, in a few sentences?'],
    ['011', 'medium', 'What dream did you set aside, and how do you feel about it now?'],
    ['012', 'medium', 'What would you like the two of you to build or share in the next year?'],
    ['013', 'medium', 'What kind of person do you hope to grow into?'],
    ['014', 'medium', 'Which of your hopes feels closest within reach right now?'],
    ['015', 'medium', 'What would help you make room for something you care about?'],
    ['016', 'medium', 'What do you hope your partner gets to enjoy more of in life?'],
    ['017', 'medium', 'What tradition would you like the two of you to start?'],
    ['018', 'medium', 'What would you try if you were less afraid of getting it wrong?'],
    ['019', 'deep', 'What do you hope people will remember about the way you treated them?'],
    ['020', 'deep', 'What is a longing you rarely say out loud?'],
    ['021', 'deep', 'What does a relationship that truly nourishes you feel like from the inside?'],
    ['022', 'deep', 'Which hope for the two of you feels fragile right now, and how could it be held gently?'],
    ['023', 'deep', 'What would being fully at peace with yourself look like?'],
    ['024', 'deep', 'What would you want your future self to thank you for?'],
    ['025', 'deep', 'What kind of closeness are you hoping for, in your own words?'],
  ],
  fears: [
    ['001', 'light', 'What is a small, silly fear you have carried for years?'],
    ['002', 'light', 'What helps you settle when you feel nervous before something new?'],
    ['003', 'light', 'What everyday thing makes you oddly nervous?'],
    ['004', 'light', 'Which kind of film or story is too tense for you, and what do you pick instead?'],
    ['005', 'light', 'What worry turned out much smaller than you expected?'],
    ['006', 'light', 'How do you calm your mind at the end of a busy day?'],
    ['007', 'light', 'Who do you turn to first when something is bothering you?'],
    ['008', 'light', 'What used to scare you that no longer does?'],
    ['009', 'light', 'What comforting thing do you reach for on a stressful day?'],
    ['010', 'medium', 'What worry has been taking up space in your mind this month?'],
    ['011', 'medium', 'When stress builds up, what eases it for you?'],
    ['012', 'medium', 'What fear has held you back from something you wanted?'],
    ['013', 'medium', 'When you are worried, what do you tend to need: words, company, quiet, or something else?'],
    ['014', 'medium', 'Which changes in life feel hardest for you to face?'],
    ['015', 'medium', 'What helps you feel steady when things are uncertain?'],
    ['016', 'medium', 'What do you worry about for the people you love?'],
    ['017', 'medium', 'When you feel anxious, what do you wish others understood about it?'],
    ['018', 'medium', 'What worry do you usually keep to yourself, and what makes it hard to share?'],
    ['019', 'deep', 'What makes it feel safe enough to bring up something difficult?'],
    ['020', 'deep', 'What are you afraid might happen if you let yourself need someone?'],
    ['021', 'deep', 'What fear about the future of the two of you would you like to say gently, so it feels less alone?'],
    ['022', 'deep', 'When you feel unseen, what story do you start telling yourself?'],
    ['023', 'deep', 'What fear about yourself are you learning to question?'],
    ['024', 'deep', 'What do you need from your partner when old fears come back?'],
    ['025', 'deep', 'What helps you believe you are worth comforting when you are scared?'],
  ],
  appreciation: [
    ['001', 'light', 'What did your partner do recently that made your day a little easier?'],
    ['002', 'light', 'Which of your partner’s habits quietly makes you smile?'],
    ['003', 'light', 'What word or phrase of your partner’s do you find endearing?'],
    ['004', 'light', 'Which talent of your partner’s do you enjoy most?'],
    ['005', 'light', 'What made you laugh with your partner lately?'],
    ['006', 'light', 'What small thing about the two of you works well?'],
    ['007', 'light', 'What message or note from your partner have you kept, on a screen or in your head?'],
    ['008', 'light', 'Which quality of your partner’s would a good friend notice first?'],
    ['009', 'light', 'What is your partner good at that they might not recognise in themselves?'],
    ['010', 'medium', 'In what way has your partner grown that you admire?'],
    ['011', 'medium', 'When did your partner show up for you in a way that mattered, however small?'],
    ['012', 'medium', 'What do you appreciate about how your partner treats other people?'],
    ['013', 'medium', 'What effort from your partner have you noticed lately, even if you did not mention it?'],
    ['014', 'medium', 'What about your partner has stayed lovely through the years?'],
    ['015', 'medium', 'Which part of your partner’s character do you lean on?'],
    ['016', 'medium', 'What do you admire in the way your partner handles hard things?'],
    ['017', 'medium', 'What would you like to thank your partner for that you have not said yet?'],
    ['018', 'medium', 'What do you appreciate about yourself in this relationship?'],
    ['019', 'deep', 'What about your partner moves you most deeply?'],
    ['020', 'deep', 'When have you felt proud of your partner, and what was that like inside?'],
    ['021', 'deep', 'What does your partner give you that nobody else quite does?'],
    ['022', 'deep', 'What change in your partner would you like to honour, however small it is?'],
    ['023', 'deep', 'When did your partner truly listen to you, and what did it mean?'],
    ['024', 'deep', 'How has knowing your partner changed you for the better?'],
    ['025', 'deep', 'What do you most want your partner to know you value in them?'],
  ],
  needs: [
    ['001', 'light', 'What small gesture makes you feel thought of?'],
    ['002', 'light', 'How do you like to be greeted after time apart?'],
    ['003', 'light', 'What is your favourite kind of comfort on a tired evening?'],
    ['004', 'light', 'Which words of encouragement land best for you?'],
    ['005', 'light', 'How do you like to celebrate a small win?'],
    ['006', 'light', 'What helps you feel cared for when you are unwell?'],
    ['007', 'light', 'What kind of message during the day would brighten your mood?'],
    ['008', 'light', 'How do you like to recharge on your own?'],
    ['009', 'light', 'What makes a conversation feel easy for you?'],
    ['010', 'medium', 'What helps you feel heard when you tell your partner about your day?'],
    ['011', 'medium', 'When you are upset, what helps more: some space first, or company first?'],
    ['012', 'medium', 'What are the early signs that you need a little extra care, and what helps then?'],
    ['013', 'medium', 'What kind of support helps you most when you face a big decision?'],
    ['014', 'medium', 'Which kind of help do you find easy to accept, and which is harder?'],
    ['015', 'medium', 'How would you like your partner to bring up something that is bothering them?'],
    ['016', 'medium', 'What does feeling respected look like for you, day to day?'],
    ['017', 'medium', 'What helps you move back toward closeness after a tense moment?'],
    ['018', 'medium', 'What kind of attention from your partner feels most nourishing?'],
    ['019', 'deep', 'What helps you feel truly seen by your partner?'],
    ['020', 'deep', 'What kind of care feels unfamiliar to receive, and what would help you let it in?'],
    ['021', 'deep', 'When you feel alone even with your partner nearby, what would help you reach out?'],
    ['022', 'deep', 'What would it mean to you to have your feelings met with curiosity rather than fixing?'],
    ['023', 'deep', 'What does being cared for feel like when it really lands?'],
    ['024', 'deep', 'What helps you believe your needs are reasonable, and not too much?'],
    ['025', 'deep', 'How would you like your partner to respond when you share something tender?'],
  ],
  everyday: [
    ['001', 'light', 'What is the best part of an ordinary day for you?'],
    ['002', 'light', 'Which chore do you secretly not mind, and which one do you dread?'],
    ['003', 'light', 'What is your ideal way to start a morning?'],
    ['004', 'light', 'What small routine of yours would be hard to give up?'],
    ['005', 'light', 'What snack, drink or little treat makes a long day better?'],
    ['006', 'light', 'What made you smile today?'],
    ['007', 'light', 'Which small task feels surprisingly satisfying once it is done?'],
    ['008', 'light', 'What would a cosy evening in look like for you?'],
    ['009', 'light', 'What little thing did you notice today that most people would miss?'],
    ['010', 'medium', 'What part of your daily life feels too rushed, and what would ease it?'],
    ['011', 'medium', 'How do you like to share the small news of the day with your partner?'],
    ['012', 'medium', 'What makes a shared task feel fair and friendly rather than tense?'],
    ['013', 'medium', 'Which moment of your week do you guard, and what makes it precious?'],
    ['014', 'medium', 'What small habit of the two of you would you like to keep?'],
    ['015', 'medium', 'At what point in the day do you most want some connection, and in what form?'],
    ['016', 'medium', 'What daily moment could the two of you make a little kinder?'],
    ['017', 'medium', 'How do you like to handle plans changing at the last minute?'],
    ['018', 'medium', 'What does rest mean to you, and how much of it have you had lately?'],
    ['019', 'deep', 'What would help your ordinary days feel less lonely?'],
    ['020', 'deep', 'Which everyday moment makes you feel most connected to your partner, and what makes it work?'],
    ['021', 'deep', 'What do you carry through the day that nobody sees?'],
    ['022', 'deep', 'What would you like the rhythm of your days together to feel like a year from now?'],
    ['023', 'deep', 'When you are worn out at the end of a day, what kind of presence helps most?'],
    ['024', 'deep', 'Which part of your days would you love your partner to ask about, and what would you tell them?'],
    ['025', 'deep', 'What ordinary thing your partner does tells you that you matter?'],
  ],
  gentle: [
    ['001', 'light', 'If today were a kind of weather, what would it be, and what might help it clear?'],
    ['002', 'light', 'What comfort food gets it right every time?'],
    ['003', 'light', 'What is the cosiest place you can think of, real or imagined?'],
    ['004', 'light', 'What film, show or story would you happily revisit for the tenth time?'],
    ['005', 'light', 'What tiny thing went right today, even if the rest was hard?'],
    ['006', 'light', 'What would your ideal lazy afternoon include?'],
    ['007', 'light', 'What is a word you simply like, for how it sounds or what it means?'],
    ['008', 'light', 'What soft, warm or calming thing could you enjoy in the next hour?'],
    ['009', 'light', 'Which animal do you find funniest, and what do they do that makes you laugh?'],
    ['010', 'light', 'What plant, tree or flower are you fond of, and what do you like about it?'],
    ['011', 'light', 'What would you name a boat, a pet or a café, given the chance?'],
    ['012', 'light', 'What simple pleasure would you like to have tomorrow?'],
    ['013', 'light', 'Which season feels most like a warm blanket to you?'],
    ['014', 'light', 'What do you turn to when you need to feel a little better: a song, a show, a place, a person?'],
    ['015', 'light', 'What easy thing could the two of you enjoy together this week, with no effort at all?'],
    ['016', 'light', 'What is a kind sentence you could say to yourself right now?'],
    ['017', 'light', 'What small win from this week deserves a quiet cheer?'],
    ['018', 'light', 'What made you feel even a tiny bit lighter recently?'],
    ['019', 'medium', 'What is taking up most of your energy right now?'],
    ['020', 'medium', 'What would feel kind from your partner today, in a very small way?'],
    ['021', 'medium', 'What is one thing you could set down for the rest of the day?'],
    ['022', 'medium', 'What has felt heavier than usual lately, and what has helped even a little?'],
    ['023', 'medium', 'What would you like your partner to know about how today went, with nothing to solve?'],
  ],
};

export const QUESTIONS: readonly Question[] = Object.freeze(
  THEMES.flatMap(({ id: theme }) =>
    DECK[theme].map(([number, depth, text]): Question => Object.freeze({ id: `${theme}-${number}`, text, theme, depth })),
  ),
);

const BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((question) => [question.id, question]));

/** The question with this id, or undefined for an id the deck does not hold (for example one retired long ago). */
export function questionById(id: string): Question | undefined {
  return BY_ID.get(id);
}
