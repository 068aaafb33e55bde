import type { ComponentType } from 'preact';
import { lazyScreen } from './components/lazy';
import { Home } from './screens/Home';
import { SignIn } from './screens/SignIn';

// The app's screens: which address shows which screen, and to whom. The first match wins, so a
// fixed address comes before a pattern that would also match it. A trailing slash is always fine.
// Sign-in and home ship with the app; every other screen loads when first shown (lazyScreen).

/**
 * Who may see a screen. `signed-in` is a partner's screen, `therapist` a therapist's (decision 023),
 * `account` either kind's; signed-out visitors are sent to sign in, signed-in people are sent home
 * from `signed-out` screens, and an account of the other kind is sent to its own home.
 */
export type Audience = 'signed-in' | 'therapist' | 'account' | 'signed-out' | 'anyone';
export type Role = 'partner' | 'therapist';

// `:name` stands for one part of the address, passed to the screen as a prop; `:name([a-z]+)` limits
// it to what the regular expression in brackets matches (no brackets of its own); a `?` after either
// means it may be left out (the prop is then ''). Screens' props are checked against their pattern.
type Name<P extends string> = P extends `${infer N}(${string}` ? N : P extends `${infer N}?` ? N : P;
type ParamNames<P extends string> = P extends `${string}:${infer Param}/${infer Rest}`
  ? Name<Param> | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Param}`
    ? Name<Param>
    : never;
export type ParamsOf<P extends string> = { [K in ParamNames<P>]: string };

export interface ScreenRoute {
  pattern: string;
  who: Audience;
  screen: ComponentType<Record<string, string>>;
  match: (path: string) => Record<string, string> | null;
}

/** A malformed link must not take the app (and its quick exit) down: it just becomes an unknown code. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function screen<P extends string>(pattern: P, who: Audience, view: ComponentType<ParamsOf<P>>): ScreenRoute {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^:([a-z]+)(?:\((.+)\))?(\?)?$/i.exec(part);
      if (!param) return `/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      const [, name = '', only = '[^/]+', optional] = param;
      names.push(name);
      return optional ? `(?:/(${only}))?` : `/(${only})`;
    })
    .join('');
  const regex = new RegExp(`^${source === '/' ? '' : source}/?$`);
  return {
    pattern,
    who,
    screen: view as unknown as ComponentType<Record<string, string>>,
    match: (path) => {
      const found = regex.exec(path);
      if (!found) return null;
      return Object.fromEntries(names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')]));
    },
  };
}

const SignUp = lazyScreen(() => import('./screens/SignUp'));
const Forgot = lazyScreen(() => import('./screens/Forgot'));
const Reset = lazyScreen(() => import('./screens/Reset'));
const Help = lazyScreen(() => import('./screens/Help'));
const Support = lazyScreen(() => import('./screens/support/index'));
const Join = lazyScreen(() => import('./screens/Join'));
const Invite = lazyScreen(() => import('./screens/Invite'));
const Safety = lazyScreen(() => import('./screens/Safety'));
const Settings = lazyScreen(() => import('./screens/Settings'));
const AccountDeleted = lazyScreen(() => import('./screens/account/Deleted'));
const Understand = lazyScreen(() => import('./screens/understand/index'));
const Why = lazyScreen(() => import('./screens/why/index'));
const Needs = lazyScreen(() => import('./screens/needs/index'));
const Talk = lazyScreen(() => import('./screens/talk/index'));
const Act = lazyScreen(() => import('./screens/act/index'));
const Checkin = lazyScreen(() => import('./screens/checkin/index'));
const Bids = lazyScreen(() => import('./screens/bids/index'));
const Pulse = lazyScreen(() => import('./screens/pulse/index'));
const Patience = lazyScreen(() => import('./screens/patience/index'));
const IsItWorking = lazyScreen(() => import('./screens/is-it-working/index'));
const Notifications = lazyScreen(() => import('./screens/notifications/index'));
const Closeness = lazyScreen(() => import('./screens/closeness/index'));
const ForMe = lazyScreen(() => import('./screens/for-me/index'));
const WorkWithTherapist = lazyScreen(() => import('./screens/therapists/index'));
const Summary = lazyScreen(() => import('./screens/summary/index'));
const TherapistHome = lazyScreen(() => import('./screens/therapist/Home'));
const TherapistJoin = lazyScreen(() => import('./screens/therapist/Join'));
const TherapistCouple = lazyScreen(() => import('./screens/therapist/Couple'));
const NotBuilt = lazyScreen(() => import('./screens/NotBuilt'));
export const NotFound = lazyScreen(() => import('./screens/NotFound'));

export const routes: readonly ScreenRoute[] = [
  screen('/', 'signed-in', Home),
  // A therapist's home is their couples; they see no partner's screen.
  screen('/', 'therapist', TherapistHome),
  screen('/sign-in', 'signed-out', SignIn),
  screen('/sign-up', 'signed-out', SignUp),
  screen('/forgot', 'anyone', Forgot),
  screen('/reset', 'anyone', Reset),
  screen('/help', 'anyone', Help),
  screen('/support', 'anyone', Support),
  screen('/support/therapist', 'signed-in', WorkWithTherapist),
  screen('/summary', 'signed-in', Summary),
  // Open to anyone: a therapist makes an account through the link, or signs in to theirs.
  screen('/therapist/join/:token', 'anyone', TherapistJoin),
  // One tab per view the couple allowed: /therapist/couples/<access id>/figures.
  screen('/therapist/couples/:id/:view([a-z]+)?', 'therapist', TherapistCouple),
  // Open to anyone: the invitation offers to sign in or sign up on the spot.
  screen('/join/:token', 'anyone', Join),
  screen('/invite', 'signed-in', Invite),
  screen('/safety', 'signed-in', Safety),
  screen('/settings', 'account', Settings),
  // Where a person lands once their account is deleted (decision 025): signed out, and told it is done.
  screen('/account-deleted', 'signed-out', AccountDeleted),
  screen('/understand/:page([a-z-]+)?', 'signed-in', Understand),
  screen('/steps/understand/:page([a-z-]+)?', 'signed-in', Understand),
  screen('/why', 'signed-in', Why),
  screen('/steps/why', 'signed-in', Why),
  screen('/needs', 'signed-in', Needs),
  screen('/talk/:sub([a-z0-9-]+)?', 'signed-in', Talk),
  screen('/act/:sub([a-z0-9-]+)?', 'signed-in', Act),
  screen('/checkin', 'signed-in', Checkin),
  screen('/bids', 'signed-in', Bids),
  screen('/pulse', 'signed-in', Pulse),
  screen('/patience', 'signed-in', Patience),
  screen('/is-it-working', 'signed-in', IsItWorking),
  screen('/for-me', 'signed-in', ForMe),
  // /closeness, /closeness/deck, /closeness/rituals and /closeness/<question id> (such as memories-003).
  screen('/closeness/:sub([a-z0-9-]+)?', 'signed-in', Closeness),
  screen('/notifications/:sub(settings)?', 'signed-in', Notifications),
  // Journey steps not built yet say so plainly (an unknown step is "not found").
  screen('/steps/:slug([a-z-]+)', 'signed-in', NotBuilt),
];

/** Whether a screen is for this kind of account (any screen while it is not known yet, or signed out). */
function fits(who: Audience, role: Role | null): boolean {
  if (role === 'therapist') return who !== 'signed-in';
  if (role === 'partner') return who !== 'therapist';
  return true;
}

/**
 * The screen for an address and the parts of it the screen reads, among those for this kind of
 * account; null for an unknown address (or one only the other kind of account has).
 */
export function routeFor(path: string, role: Role | null = null): { route: ScreenRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (!fits(route.who, role)) continue;
    const params = route.match(path);
    if (params) return { route, params };
  }
  return null;
}
