/**
 * The journey shown on the home screen: the eight steps and the two private places from DESIGN.md,
 * and the rule for "the next useful thing to do". Pure: no I/O, no clock, no browser APIs.
 */

export type StepMode = 'private' | 'shared' | 'alone-or-together';

export interface JourneyStep {
  /** 0-7 for the steps; null for the private places. */
  number: number | null;
  slug: string;
  title: string;
  summary: string;
  mode: StepMode;
  /** False until the step is really built: the UI must then say so, never show made-up content. */
  built: boolean;
}

export const JOURNEY_STEPS: readonly JourneyStep[] = [
  {
    number: 0,
    slug: 'understand',
    title: 'Understand',
    mode: 'private',
    built: true,
    summary: 'Learn what emotional neglect can look like and what it does, and check in with yourself privately.',
  },
  {
    number: 1,
    slug: 'talk',
    title: 'Talk',
    mode: 'alone-or-together',
    built: true,
    summary: 'Prepare what you want to say on your own, then take turns speaking and really listening.',
  },
  {
    number: 2,
    slug: 'why',
    title: 'Why',
    mode: 'alone-or-together',
    built: true,
    summary: 'Each of you marks what you think led here, then you look at where you agree and differ.',
  },
  {
    number: 3,
    slug: 'needs',
    title: 'Needs',
    mode: 'shared',
    built: true,
    summary: 'Say clearly what would help you feel supported, as things that can be done.',
  },
  {
    number: 4,
    slug: 'act',
    title: 'Act',
    mode: 'shared',
    built: true,
    summary: 'Small commitments, short check-ins, and noticing what the other person does.',
  },
  {
    number: 5,
    slug: 'patience',
    title: 'Patience',
    mode: 'shared',
    built: true,
    summary: 'See over weeks whether things are changing, with an honest reading instead of guesses.',
  },
  {
    number: 6,
    slug: 'support',
    title: 'Help',
    mode: 'alone-or-together',
    built: true,
    summary: 'When a couples therapist could help, how to find one, and what to expect.',
  },
  {
    number: 7,
    slug: 'closeness',
    title: 'Closeness',
    mode: 'shared',
    built: true,
    summary: 'Questions to know each other again, answered privately and shown only when you both have answered.',
  },
];

export const PRIVATE_PLACES: readonly JourneyStep[] = [
  {
    number: null,
    slug: 'is-it-working',
    title: 'Is it working?',
    mode: 'private',
    built: true,
    summary: 'A private, honest look at whether your needs are being met. Only you can see it.',
  },
  {
    number: null,
    slug: 'for-me',
    title: 'For me',
    mode: 'private',
    built: true,
    summary: 'A private journal and prompts that are about you, not the relationship. Only you can see it.',
  },
];

export function findStep(slug: string): JourneyStep | undefined {
  return [...JOURNEY_STEPS, ...PRIVATE_PLACES].find((s) => s.slug === slug);
}

export function modeLabel(mode: StepMode): string {
  switch (mode) {
    case 'private':
      return 'Just for you';
    case 'shared':
      return 'With your partner';
    case 'alone-or-together':
      return 'On your own or together';
  }
}

export interface SpaceState {
  hasPartner: boolean;
  hasOpenInvite: boolean;
  /** The shared space was closed and the person has not dismissed the notice yet. */
  noticePending: boolean;
}

export type NextThingKind = 'space-closed' | 'together-at-your-pace' | 'waiting-for-partner' | 'invite-partner';

export interface NextThing {
  kind: NextThingKind;
  title: string;
  body: string;
  action: { label: string; href: string } | null;
}

const ALONE_WORKS =
  'Everything that does not need a partner works on your own: learning, preparing what you want to say, and your private places.';

/** The one suggestion the home screen leads with. Never pushy: every suggestion can be ignored. */
export function nextUsefulThing(state: SpaceState): NextThing {
  if (state.hasPartner) {
    const notYet = JOURNEY_STEPS.filter((s) => !s.built).map((s) => s.title);
    return {
      kind: 'together-at-your-pace',
      title: 'Go at your own pace, together',
      body: `The steps below are a guide, not a test: start wherever feels right, and come back to any of them. Small things done again and again, and noticed, are what Act is for.${
        notYet.length ? ` Not built yet: ${notYet.join(', ')}. Their cards say so.` : ''
      }`,
      action: { label: 'See today in Act', href: '/act' },
    };
  }
  if (state.noticePending) {
    return {
      kind: 'space-closed',
      title: 'Take the time you need',
      body: `You can keep using Attune on your own. ${ALONE_WORKS} If you ever want to, you can invite someone to share a space again.`,
      action: { label: 'Help lines, if you would like to talk to someone', href: '/help' },
    };
  }
  if (state.hasOpenInvite) {
    return {
      kind: 'waiting-for-partner',
      title: 'Your invite is waiting',
      body: `When your partner opens the link and joins, you will share this space. If the link got lost, you can make a new one. ${ALONE_WORKS}`,
      action: { label: 'Manage invite links', href: '/invite' },
    };
  }
  return {
    kind: 'invite-partner',
    title: 'When you are ready, you can invite your partner',
    body: `There is no rush. ${ALONE_WORKS}`,
    action: { label: 'Invite your partner', href: '/invite' },
  };
}
