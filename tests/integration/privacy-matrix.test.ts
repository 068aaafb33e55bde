/**
 * The privacy matrix: every route in the route table, called by each kind of actor, answers the
 * status the access policy allows, and no response carries another person's private text.
 * Generated from the table: a route without a scenario here fails the first test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/http/contract.js';
import { routeTable } from '../../src/routes.js';
import { createTestApp, freshReauth, leaveSpace, type Person, type TestApp, type TestResponse } from '../support/test-app.js';
import { accountScenarios } from './privacy/account.scenarios.js';
import { bidsScenarios } from './privacy/bids.scenarios.js';
import { calendarScenarios } from './privacy/calendar.scenarios.js';
import { causesScenarios } from './privacy/causes.scenarios.js';
import { checkinsScenarios } from './privacy/checkins.scenarios.js';
import { closenessScenarios } from './privacy/closeness.scenarios.js';
import { commitmentsScenarios } from './privacy/commitments.scenarios.js';
import { conversationsScenarios } from './privacy/conversations.scenarios.js';
import { eventsScenarios } from './privacy/events.scenarios.js';
import { journalScenarios } from './privacy/journal.scenarios.js';
import { needsScenarios } from './privacy/needs.scenarios.js';
import { notificationsScenarios } from './privacy/notifications.scenarios.js';
import { passkeysScenarios } from './privacy/passkeys.scenarios.js';
import { progressScenarios } from './privacy/progress.scenarios.js';
import { pulseScenarios } from './privacy/pulse.scenarios.js';
import { pushScenarios } from './privacy/push.scenarios.js';
import { reflectionScenarios } from './privacy/reflection.scenarios.js';
import { ritualsScenarios } from './privacy/rituals.scenarios.js';
import { safetyScenarios } from './privacy/safety.scenarios.js';
import { summaryScenarios } from './privacy/summary.scenarios.js';
import { therapistsScenarios } from './privacy/therapists.scenarios.js';
import { therapistViewsScenarios } from './privacy/therapistViews.scenarios.js';
import { todayScenarios } from './privacy/today.scenarios.js';
import {
  ACTORS,
  type ActorKey,
  type Call,
  isTherapistActor,
  type Scenario,
  THERAPIST_ACTORS,
  type TherapistKey,
  type World,
} from './privacy/types.js';
import { understandScenarios } from './privacy/understand.scenarios.js';
import { hasTherapists, newWorld } from './privacy/world.js';

const freshEmail = () => `new.${randomUUID().slice(0, 8)}@example.org`;

const foundationScenarios: Record<string, Scenario> = {
  'auth.signup': {
    // A fresh address for each actor: signing up acts on nothing of anyone else's.
    prepare: async () => () => ({
      method: 'POST',
      path: '/api/v1/auth/signup',
      body: { email: freshEmail(), password: 'a brand new long phrase', name: 'Newcomer' },
    }),
    expected: { author: 201, partner: 201, outsider: 201, signedOut: 201 },
    successesShareWorld: true,
  },
  'auth.login': {
    prepare: async (_t, w) => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { email: w.author.email, password: 'not the password' },
    }),
    expected: { author: 401, partner: 401, outsider: 401, signedOut: 401 },
  },
  'auth.logout': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/auth/logout' }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 204 },
    successesShareWorld: true,
  },
  'auth.me': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/me' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'auth.updateMe': {
    prepare: async () => ({ method: 'PATCH', path: '/api/v1/me', body: { timeZone: 'Asia/Tokyo' } }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
    successesShareWorld: true,
  },
  'auth.sessions.list': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/auth/sessions' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'auth.sessions.delete': {
    prepare: async (_t, w) => {
      const list = await w.author.client.get('/api/v1/auth/sessions');
      return { method: 'DELETE', path: `/api/v1/auth/sessions/${list.body.sessions[0].id}` };
    },
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: () => ({ method: 'DELETE', path: `/api/v1/auth/sessions/${randomUUID()}` }),
  },
  'auth.sessions.signOutEverywhere': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/auth/sessions/sign-out-everywhere' }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
    successesShareWorld: true,
  },
  'auth.passwordReset.request': {
    prepare: async (_t, w) => ({ method: 'POST', path: '/api/v1/auth/password-reset', body: { email: w.author.email } }),
    expected: { author: 202, partner: 202, outsider: 202, signedOut: 202 },
    successesShareWorld: true,
  },
  'auth.passwordReset.confirm': {
    prepare: async () => ({
      method: 'POST',
      path: '/api/v1/auth/password-reset/confirm',
      body: { token: 'x'.repeat(43), password: 'another long phrase here' },
    }),
    expected: { author: 400, partner: 400, outsider: 400, signedOut: 400 },
  },
  'spaces.get': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/space' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'spaces.invites.create': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/space/invites' }),
    expected: { author: 409, partner: 409, outsider: 201, signedOut: 401 },
  },
  'spaces.invites.list': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/space/invites' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 401 },
  },
  'spaces.invites.revoke': {
    // The author's own invite, made after the couple parted: the former partner is a stranger to it.
    prepare: async (_t, w) => {
      await leaveSpace(w.author);
      const invite = await w.author.client.post('/api/v1/space/invites');
      return { method: 'DELETE', path: `/api/v1/space/invites/${invite.body.id}` };
    },
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: () => ({ method: 'DELETE', path: `/api/v1/space/invites/${randomUUID()}` }),
  },
  'spaces.invites.preview': {
    prepare: async (_t, w) => ({ method: 'GET', path: `/api/v1/invites/${w.outsiderInviteToken}` }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
    inviterNameShown: true,
  },
  'spaces.invites.accept': {
    prepare: async (_t, w) => ({ method: 'POST', path: `/api/v1/invites/${w.outsiderInviteToken}/accept` }),
    expected: { author: 409, partner: 409, outsider: 409, signedOut: 401 },
  },
  'spaces.leave': {
    // Each actor has just typed their password again (decision 024), so what is measured is access;
    // without it a partner is asked first (tests/integration/account-reauth-required.test.ts).
    prepare: async (_t, w) => async (actor) => {
      if (actor !== 'signedOut') await freshReauth(w[actor]);
      return { method: 'POST', path: '/api/v1/space/leave' };
    },
    expected: { author: 200, partner: 200, outsider: 409, signedOut: 401 },
  },
  'spaces.notices.dismiss': {
    prepare: async (_t, w) => {
      await leaveSpace(w.partner);
      const space = await w.author.client.get('/api/v1/space');
      return { method: 'DELETE', path: `/api/v1/space/notices/${space.body.notice.id}` };
    },
    expected: { author: 204, partner: 404, outsider: 404, signedOut: 401 },
    missing: () => ({ method: 'DELETE', path: `/api/v1/space/notices/${randomUUID()}` }),
  },
  'config.get': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/config' }),
    expected: { author: 200, partner: 200, outsider: 200, signedOut: 200 },
  },
};

// Each feature adds its routes' scenarios in its own file under ./privacy/.
const scenarios: Record<string, Scenario> = {
  ...foundationScenarios,
  ...safetyScenarios,
  ...eventsScenarios,
  ...understandScenarios,
  ...causesScenarios,
  ...needsScenarios,
  ...conversationsScenarios,
  ...commitmentsScenarios,
  ...checkinsScenarios,
  ...bidsScenarios,
  ...todayScenarios,
  ...notificationsScenarios,
  ...calendarScenarios,
  ...pushScenarios,
  ...pulseScenarios,
  ...progressScenarios,
  ...reflectionScenarios,
  ...closenessScenarios,
  ...ritualsScenarios,
  ...journalScenarios,
  ...accountScenarios,
  ...passkeysScenarios,
  ...therapistsScenarios,
  ...therapistViewsScenarios,
  ...summaryScenarios,
};

let t: TestApp;

/** Every actor's status: the scenario's, or for a therapist what the route's access implies. */
function expectationsFor(route: Contract, scenario: Scenario): Record<ActorKey, number> {
  const byAccess = (key: TherapistKey): number => {
    if (route.access === 'signed-in') return 403;
    if (route.access === 'therapist') return key === 'therapistActive' ? route.success.status : 404;
    return scenario.expected.outsider;
  };
  const therapists = Object.fromEntries(THERAPIST_ACTORS.map((key) => [key, scenario.expected[key] ?? byAccess(key)]));
  return { ...scenario.expected, ...therapists } as Record<ActorKey, number>;
}

/**
 * The order actors run in, sharing the route's one world: every refusal first (a refusal changes
 * nothing, so each meets the world as prepared), then the successes. A write that several actors may
 * succeed at would change the world for the next, so each success after the first gets its own world,
 * unless the scenario says the successes share it.
 */
function runOrder(route: Contract, scenario: Scenario, expected: Record<ActorKey, number>) {
  const refused = ACTORS.filter((a) => expected[a] >= 400);
  const succeeded = ACTORS.filter((a) => expected[a] < 400);
  const share = route.method === 'GET' || scenario.successesShareWorld === true;
  return [
    ...refused.map((actor) => ({ actor, ownWorld: false })),
    ...succeeded.map((actor, i) => ({ actor, ownWorld: !share && i > 0 })),
  ];
}

/** A world and the request prepared in it; a world of its own for a partner or the outsider has no therapists. */
async function prepared(scenario: Scenario, withTherapists: boolean) {
  const w = await newWorld(t, withTherapists);
  return { w, request: await scenario.prepare(t, w) };
}

async function call(w: World, actor: ActorKey, c: Call): Promise<TestResponse> {
  const client = actor === 'signedOut' ? t.client('signed-out') : w[actor].client;
  if (!c.stream) return client.request(c.method, c.path, c.body);
  // A stream never ends by itself: read what it sends for a moment, then close it.
  const reader = await client.stream(c.path);
  if (reader.status !== 200) {
    const text = await reader.response.text();
    return { status: reader.status, body: JSON.parse(text), text, headers: reader.response.headers };
  }
  const events = await reader.drain(300);
  reader.close();
  const text = JSON.stringify(events);
  return { status: 200, body: events, text, headers: reader.response.headers };
}

type Someone = 'author' | 'partner' | 'outsider' | 'otherA' | 'otherB' | TherapistKey;

/** Whose name this actor may read: their partner's; a therapist, its own couple's; the couple, their therapists'. */
function mayReadName(actor: ActorKey, person: Someone, scenario: Scenario): boolean {
  const couple = actor === 'author' || actor === 'partner';
  if (person === 'author' || person === 'partner') return couple || actor === 'therapistActive';
  if (person === 'outsider') return scenario.inviterNameShown === true;
  if (person === 'otherA' || person === 'otherB') return actor === 'therapistOther';
  return couple && person !== 'therapistOther';
}

/** Words of other people this actor must never receive: everyone's email, and names it may not read. */
function forbiddenWords(w: World, actor: ActorKey, scenario: Scenario): string[] {
  const people: [Someone, Person | undefined][] = [
    ['author', w.author],
    ['partner', w.partner],
    ['outsider', w.outsider],
  ];
  // A world made for one more successful write by the couple or the outsider has no therapists.
  if (hasTherapists(w)) {
    people.push(['otherA', w.otherCouple.a], ['otherB', w.otherCouple.b]);
    for (const key of THERAPIST_ACTORS) people.push([key, w[key]]);
  }
  const words: string[] = [];
  for (const [key, person] of people) {
    if (key === actor || !person) continue;
    words.push(person.email);
    if (!mayReadName(actor, key, scenario)) words.push(person.name);
  }
  return words;
}

beforeAll(async () => {
  // Hundreds of worlds, a dozen sign-ups each, from one test "address": lift the per-address limit
  // (tested on its own in platform.test.ts) so the matrix measures access, not throttling.
  t = await createTestApp({ env: { RATE_LIMIT_PER_ADDRESS: '1000000' } });
});
afterAll(async () => {
  await t?.close();
});

describe('privacy matrix', () => {
  it('has a scenario for every route in the route table, and no stale ones', () => {
    const ids = routeTable.map((r) => r.id).sort();
    expect(Object.keys(scenarios).sort()).toEqual(ids);
  });

  for (const route of routeTable) {
    const scenario = scenarios[route.id];
    if (!scenario) continue;
    const expected = expectationsFor(route, scenario);
    describe(`${route.method} ${route.path}`, () => {
      // One world per route, made by its first test and shared (see runOrder).
      let shared: ReturnType<typeof prepared> | undefined;
      const sharedWorld = () => {
        shared ??= prepared(scenario, true);
        return shared;
      };
      for (const { actor, ownWorld } of runOrder(route, scenario, expected)) {
        it(`${actor} → ${expected[actor]}${ownWorld ? ' (own world)' : ''}`, async () => {
          const { w, request } = await (ownWorld ? prepared(scenario, isTherapistActor(actor)) : sharedWorld());
          const forActor = async (c: typeof request) => (typeof c === 'function' ? c(actor) : c);
          const res = await call(w, actor, await forActor(request));
          expect(res.status, res.text).toBe(expected[actor]);
          for (const word of forbiddenWords(w, actor, scenario)) {
            expect(res.text, `response to ${actor} must not contain ${word}`).not.toContain(word);
          }
          if (isTherapistActor(actor) && route.access === 'therapist' && expected[actor] === 404) {
            expect(scenario.missing, 'a therapist route refusing a therapist must compare with a missing couple').toBeDefined();
          }
          if (res.status === 404 && scenario.missing) {
            const missing = await call(w, actor, scenario.missing(await forActor(request)));
            expect(missing.status).toBe(404);
            expect(missing.text).toBe(res.text);
          }
          if (res.status >= 400) expect(res.body?.error?.code, res.text).toEqual(expect.any(String));
        });
      }
    });
  }
});
