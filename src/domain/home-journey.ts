// Where a couple is on the journey, as home shows it: which steps the person has begun, this week's
// figures said kindly, the latest trend in a word, and the one next thing worth doing. Pure: the
// facts come from the today.get answer. Action labels never repeat a step card's "Open …" link. Never a score of a person, never guilt: what is not begun
// yet is simply not mentioned as missing, and a quiet week is said as a quiet week.

import type { TrendVerdictKind } from './trend.js';

/** The steps whose beginning home can see, in journey order. */
export const BEGUN_STEPS = ['understand', 'talk', 'why', 'needs', 'act', 'patience', 'closeness'] as const;
export type BegunStep = (typeof BEGUN_STEPS)[number];

export interface WeekSide {
  due: number;
  done: number;
  noticed: number;
}

export interface HomeFacts {
  hasPartner: boolean;
  partnerName: string | null;
  begun: readonly BegunStep[];
  /** Mine to mark today, and my partner's done ones waiting for me to look at. */
  toMark: number;
  toAcknowledge: number;
  checkedInToday: boolean;
  pulseAnsweredThisWeek: boolean;
  /** Monday to today: what I did and what my partner noticed; what my partner did and what I noticed. */
  thisWeek: { mine: WeekSide; partners: WeekSide };
  trend: TrendVerdictKind;
}

export interface NextStep {
  title: string;
  body: string;
  action: { label: string; href: string };
}

/** The latest trend of the person's own trust pulse, in a word (the same words as every verdict). */
export function trendInAWord(trend: TrendVerdictKind): string {
  switch (trend) {
    case 'too-early':
      return 'Too early to tell';
    case 'improving':
      return 'Improving';
    case 'steady':
      return 'Steady';
    case 'declining':
      return 'Declining';
  }
}

const timesWord = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** This week's follow-through and what was noticed, as sentences; empty when nothing was due. */
export function weekWords(f: Pick<HomeFacts, 'thisWeek' | 'partnerName'>): string[] {
  const partner = f.partnerName ?? 'Your partner';
  const out: string[] = [];
  const m = f.thisWeek.mine;
  if (m.due > 0)
    out.push(
      `You followed through ${m.done} of ${m.due} ${m.due === 1 ? 'time' : 'times'} so far this week, and ${partner} noticed ${m.noticed === 0 ? 'none yet' : timesWord(m.noticed)}.`,
    );
  const p = f.thisWeek.partners;
  if (p.due > 0)
    out.push(
      `${partner} followed through ${p.done} of ${p.due} ${p.due === 1 ? 'time' : 'times'}, and you noticed ${p.noticed === 0 ? 'none yet' : timesWord(p.noticed)}.`,
    );
  return out;
}

/** The one next thing worth doing, for someone sharing a space (home uses nextUsefulThing otherwise). */
export function nextStepTogether(f: HomeFacts): NextStep {
  const partner = f.partnerName ?? 'your partner';
  const begun = new Set(f.begun);
  if (f.toAcknowledge > 0)
    return {
      title: `${capital(partner)} did something for you`,
      body: 'Saying whether you noticed it takes a moment, and it is how the two of you see what is reaching each other.',
      action: { label: 'Look at it in Act', href: '/act' },
    };
  if (f.toMark > 0)
    return {
      title: 'Something of yours is open today',
      body: 'Marking it, done or not, keeps the picture honest for you both.',
      action: { label: 'Mark it in Act', href: '/act' },
    };
  if (!begun.has('understand'))
    return {
      title: 'A quiet place to start',
      body: 'A private check-in with yourself about what you have noticed. Only you will see it.',
      action: { label: 'Check in with yourself', href: '/understand' },
    };
  if (!begun.has('talk'))
    return {
      title: 'When you are ready, prepare what you want to say',
      body: 'Write it privately first, with a coach that points out words that may be hard to hear.',
      action: { label: 'Prepare in Talk', href: '/talk/prepare' },
    };
  if (!begun.has('needs'))
    return {
      title: 'Name one thing that would help',
      body: `One need, said as something ${partner} could do, is enough to begin with.`,
      action: { label: 'Write a need', href: '/needs' },
    };
  if (!begun.has('act'))
    return {
      title: 'One small, steady promise',
      body: 'A commitment on a rhythm you can keep. Small and steady is better than big and rare.',
      action: { label: 'Make a commitment', href: '/act/new' },
    };
  if (!f.checkedInToday)
    return {
      title: 'How was today?',
      body: 'A thirty-second check-in, kept just for you or shared, as you choose.',
      action: { label: 'Check in', href: '/checkin' },
    };
  if (!f.pulseAnsweredThisWeek)
    return {
      title: 'This week’s trust pulse',
      body: 'About a minute. Over the weeks it shows the direction things are going.',
      action: { label: 'Answer the pulse', href: '/pulse' },
    };
  return {
    title: 'You are keeping it going',
    body: 'Nothing is waiting for you today. Patience shows how things have moved over the weeks.',
    action: { label: 'See how things have moved', href: '/patience' },
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
