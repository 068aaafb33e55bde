// Step 7, Closeness: small connection rituals, written for Attune. A partner who opts in to a ritual
// becomes its doer, and the other partner its receiver, so `what` is phrased as what the doer does
// for the other ("them"). `suggested` is only a starting schedule: the doer can change it.
// Ids are stable slugs (commitments made from a ritual keep pointing at them). Pure data: no I/O.

export type RitualSchedule =
  | { kind: 'daily'; by: string | null } // by: 'HH:MM' local time, or null for any time of day
  | { kind: 'weekdays'; days: number[]; by: string | null } // 1 = Monday … 7 = Sunday
  | { kind: 'weekly'; times: number }; // 1–7 times a week

export interface Ritual {
  id: string;
  title: string;
  what: string;
  why: string;
  suggested: RitualSchedule;
}

const anyTimeDaily: RitualSchedule = { kind: 'daily', by: null };

export const RITUALS: readonly Ritual[] = [
  {
    id: 'reunion-hug',
    title: 'A slow hello',
    what: 'When you meet again after time apart, offer them a hug and hold it for one slow breath, about six seconds, before anything else.',
    why: 'A few unhurried seconds say that you are glad they are here. A passing moment becomes a real welcome.',
    suggested: anyTimeDaily,
  },
  {
    id: 'ten-minutes-about-their-day',
    title: 'Ten minutes about their day',
    what: 'Ask about their day and listen for ten minutes, without fixing anything.',
    why: 'Being listened to without advice is one of the plainest ways to feel that your inner life matters. Solutions can wait, if they are wanted at all.',
    suggested: { kind: 'daily', by: '20:00' },
  },
  {
    id: 'weekly-walk',
    title: 'Time outside together',
    what: 'Invite them for a walk, or another unhurried spell outdoors together, once a week.',
    why: 'Side by side, with something else to look at, hard and easy things both come up more freely. The rhythm matters more than the distance.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'phone-free-meal',
    title: 'A phone-free meal',
    what: 'Put your phone out of sight for a meal you share, and give them your full attention.',
    why: 'A phone on the table quietly suggests that something else might come first. Putting it away is a small, visible way of choosing them.',
    suggested: { kind: 'weekly', times: 3 },
  },
  {
    id: 'week-look-back',
    title: 'Looking back at the week',
    what: 'Invite them to share the best and the hardest moment of their week, listen, and then share yours.',
    why: 'Small good things get noticed instead of forgotten. Hard things get said before they pile up.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'goodnight',
    title: 'A real goodnight',
    what: 'Say goodnight to them, in person or by message, with one warm sentence about them or about the day.',
    why: 'Ending the day with warmth leaves a last impression of being wanted. It takes less than a minute.',
    suggested: { kind: 'daily', by: '22:30' },
  },
  {
    id: 'morning-question',
    title: 'A morning question',
    what: 'Ask them one small, curious question about the day ahead of them.',
    why: 'Curiosity about someone’s plans tells them their day is on your mind. It also gives you something to come back to later.',
    suggested: { kind: 'daily', by: '09:00' },
  },
  {
    id: 'thank-you-out-loud',
    title: 'Thank you, out loud',
    what: 'Thank them out loud for one specific thing they did today, naming exactly what it was.',
    why: 'Thanks that name the act show that it was seen. Being seen for small efforts makes them feel worth making.',
    suggested: anyTimeDaily,
  },
  {
    id: 'small-note',
    title: 'A small note',
    what: 'Leave them a short note, on paper or by message, about something you noticed and liked.',
    why: 'A note can be read again later, on a harder day. It carries attention across the hours you are apart.',
    suggested: { kind: 'weekly', times: 2 },
  },
  {
    id: 'shared-playlist',
    title: 'A shared playlist',
    what: 'Add one song to a playlist you share, with a line about why it made you think of them.',
    why: 'Music can say what is hard to put plainly. Over time the playlist becomes a small record of the two of you.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'midday-message',
    title: 'A midday thought',
    what: 'Send them one message in the middle of the day that is not about plans, chores or logistics.',
    why: 'A message with no task in it says you thought of them simply because you did.',
    suggested: { kind: 'daily', by: '14:00' },
  },
  {
    id: 'remember-and-return',
    title: 'Remember and return',
    what: 'Pick something they mentioned earlier in the week and ask them how it went.',
    why: 'Coming back to what someone told you shows their words stayed with you. Remembering is a quiet form of care.',
    suggested: { kind: 'weekly', times: 2 },
  },
  {
    id: 'ideas-or-company',
    title: 'Ideas or company?',
    what: 'When they bring you a problem, first ask whether they would like ideas or simply company right now, and offer that.',
    why: 'Help that fits the moment feels like care. Help that misses it can feel like not being heard.',
    suggested: anyTimeDaily,
  },
  {
    id: 'three-things-noticed',
    title: 'Three things I noticed',
    what: 'Tell them three qualities or moments of theirs you noticed and valued this week.',
    why: 'Hearing what someone values in you, in specific words, is steadying. It can be held on to when doubts come.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'turn-toward',
    title: 'Turning toward',
    what: 'When they point something out or start a small conversation, pause what you are doing and respond with interest.',
    why: 'Small reaches for attention happen many times a day. Each one answered adds to a sense that reaching out is safe.',
    suggested: anyTimeDaily,
  },
  {
    id: 'protected-hour',
    title: 'A protected hour',
    what: 'Keep one hour a week for just the two of you, chosen with them, and protect it from other plans.',
    why: 'Time that is kept safe says the relationship is a priority, not what is left over at the end.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'question-from-the-deck',
    title: 'A question from the deck',
    what: 'Offer them a question from the Closeness deck and listen to the answer without rushing.',
    why: 'Good questions open doors that daily life keeps shut. Listening fully is what lets them stay open.',
    suggested: { kind: 'weekly', times: 2 },
  },
  {
    id: 'what-would-help',
    title: 'What would help?',
    what: 'When they seem tired or low, ask what would help right now, and do that one thing if you can.',
    why: 'Asking, instead of guessing, respects that they know what they need. Doing it shows the question was real.',
    suggested: anyTimeDaily,
  },
  {
    id: 'something-funny',
    title: 'Something to laugh about',
    what: 'Share something that made you laugh with them: a story, a clip, a memory.',
    why: 'Laughing together eases tension and reminds you both that lightness is still possible.',
    suggested: anyTimeDaily,
  },
  {
    id: 'make-them-something',
    title: 'Make them something',
    what: 'Prepare something small for them, such as a warm drink, a snack or a tidy corner, without being asked.',
    why: 'Being looked after without having to ask is a relief. The size of the gesture matters less than the thought in it.',
    suggested: { kind: 'weekly', times: 2 },
  },
  {
    id: 'something-to-look-forward-to',
    title: 'Something to look forward to',
    what: 'Plan one small, new thing for the two of you in the coming week and tell them about it.',
    why: 'Anticipation is a pleasure of its own. Something new, even small, adds fresh moments to share.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'proper-goodbye',
    title: 'A proper goodbye',
    what: 'When you part for the day, stop for a moment to say goodbye to them properly, not in passing.',
    why: 'A goodbye with full attention says they still matter while you are away. It sets a warm tone for the hours apart.',
    suggested: anyTimeDaily,
  },
  {
    id: 'week-ahead',
    title: 'The week ahead',
    what: 'Spend fifteen minutes with them on a set evening sharing what each of your weeks holds.',
    why: 'Knowing what the other is facing means fewer surprises and more chances to offer support at the right moment.',
    suggested: { kind: 'weekdays', days: [7], by: '19:00' },
  },
  {
    id: 'speak-well-of-them',
    title: 'Speaking well of them',
    what: 'Say something kind and true about them to someone else, or in front of others.',
    why: 'Being spoken of warmly, especially where others can hear, tells someone they are valued in public as well as in private.',
    suggested: { kind: 'weekly', times: 1 },
  },
  {
    id: 'quiet-start',
    title: 'Ten quiet minutes before the day',
    what: 'On chosen mornings, sit with them for ten minutes over a drink before the day begins, in person or on a call.',
    why: 'A calm start together gives the day a shared beginning. It is easier to stay close when the day opens that way.',
    suggested: { kind: 'weekdays', days: [1, 2, 3, 4, 5], by: '08:00' },
  },
  {
    id: 'voice-message',
    title: 'A voice message',
    what: 'Send them a short voice or video message about a moment from your day.',
    why: 'Hearing or seeing someone carries warmth that text can lose. It lets them into a piece of your day.',
    suggested: { kind: 'weekly', times: 3 },
  },
  {
    id: 'one-feeling-word',
    title: 'One word for today',
    what: 'At the end of the day, invite them to name one word for how they feel, then offer yours.',
    why: 'A single word is easy to give on a tired day. Over time it keeps you in touch with each other’s inner weather.',
    suggested: { kind: 'weekdays', days: [1, 3, 5], by: '21:00' },
  },
  {
    id: 'close-for-a-while',
    title: 'Close for a while',
    what: 'Offer them a few quiet minutes of closeness, holding hands or sitting together, with nothing else to do.',
    why: 'Closeness with no purpose is restful. It says you are enjoying being with them, not only getting things done.',
    suggested: { kind: 'weekly', times: 3 },
  },
];

const BY_ID: ReadonlyMap<string, Ritual> = new Map(RITUALS.map((ritual) => [ritual.id, ritual]));

/** The ritual with this id, or undefined. */
export function ritualById(id: string): Ritual | undefined {
  return BY_ID.get(id);
}
