/**
 * No surveillance, proven (issue 13). Random sequences of private actions by one partner (a) leave
 * everything the other partner (b) can fetch byte for byte as it was:
 *  - every GET route b may call, derived from the contracts table and called with real ids of a
 *    seeded couple (a route added later without a line in READS fails the first test);
 *  - b's notification centre (one of those routes), the mail and the pushes sent to b (a reminders
 *    tick runs after each sequence), b's live event stream (open all along: nothing arrives while a
 *    acts) and a replay of b's stream from its first event;
 *  - b's export, and the views of the couple's therapist (at the start and once at the end only:
 *    exports are limited per hour, and every therapist view is logged where b can read it).
 * The clock stands still for the whole file, so nothing changes unless someone changes it. The last
 * test shows the comparison can fail: one shared action by a changes b's answers and stream.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../../src/contracts.js';
import { CAUSE_IDS } from '../../src/domain/causes.js';
import { MOODS } from '../../src/domain/checkins.js';
import { PULSE_ITEMS } from '../../src/domain/pulse.js';
import { SAFETY_QUESTIONS } from '../../src/domain/safety.js';
import { THERAPIST_VIEWS } from '../../src/domain/therapist-access.js';
import { SELF_CHECK_ITEM_IDS } from '../../src/domain/understand.js';
import { runReminderTick } from '../../src/features/reminders/reminders.service.js';
import { buildRequest } from '../../src/http/client.js';
import type { Contract } from '../../src/http/contract.js';
import { DAY1, writeStory } from '../support/couple-story.js';
import { activeTherapist } from '../support/couple-therapist.js';
import { type PushService, startPushService } from '../support/push-service.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type Person, type TestApp, type TestClient, type TestResponse } from '../support/test-app.js';
import { newBrowserKeys } from '../support/web-push-decrypt.js';

/** Thursday 19 November 2026, the fourth day of the story: London is on UTC. */
const DAY4 = '2026-11-19';
const WEEK = '2026-W47';
const FROZEN = `${DAY4}T10:00:00.000Z`;
const RANGE = { from: DAY1, to: DAY4 };
/** A place before every event (events are numbered in commit order from 1): a stream resumed after it replays everything it may. */
const FIRST_EVENT = '0';
const NUM_RUNS = Number(process.env.NO_SURVEILLANCE_RUNS) || 20;

let t: TestApp;
let sink: SmtpSink;
let pushService: PushService;

beforeAll(async () => {
  [sink, pushService] = await Promise.all([startSmtpSink(), startPushService()]);
  t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'attune@localhost', RATE_LIMIT_PER_ADDRESS: '100000' } });
});
afterAll(async () => {
  await t?.close();
  await Promise.all([sink?.close(), pushService?.close()]);
});

// ---------------------------------------------------------------------------------------------
// The world: a couple with a little of everything (tests/support/couple-story.ts), an active
// therapist, and beside the shared things something private of each partner's.

interface World {
  /** Acts, privately. (The story's b: their causes are marked and not revealed.) */
  a: Person;
  /** Watches: everything they can fetch must stay as it was. (The story's a.) */
  b: Person;
  therapist: Person;
  accessId: string;
  agreementId: string;
  commitments: string[];
  conversationId: string;
  sharedCheckin: string;
  /** Question days: a's held answer from before they joined, a revealed pair, one b answered alone, today's. */
  questions: string[];
  todayQuestion: string;
  needs: { shared: string; bDraft: string; aDraft: string };
  bids: { b: string; a: string };
  selfChecks: { b: string; a: string };
  journal: { b: string; a: string };
  aPrivateCheckin: string;
  calendarToken: string;
  spaceInviteToken: string;
  therapistInviteToken: string;
}

function ok<T>(res: TestResponse<T>, ...statuses: number[]): T {
  const allowed = statuses.length ? statuses : [200, 201, 204];
  if (!allowed.includes(res.status)) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

type Recorded = { id: string; body: any };

/** The story's people, with every answer they were given kept (ids the story does not return). */
function recording(app: TestApp, log: Recorded[]): TestApp {
  return {
    ...app,
    async signUp(name, password) {
      const p = await app.signUp(name, password);
      const call = p.client.call.bind(p.client);
      p.client.call = (async (id: string, ...rest: unknown[]) => {
        const res = await (call as (...args: unknown[]) => Promise<TestResponse>)(id, ...rest);
        log.push({ id, body: res.body });
        return res;
      }) as typeof p.client.call;
      return p;
    },
  };
}

async function seedWorld(): Promise<World> {
  const log: Recorded[] = [];
  const story = await writeStory(recording(t, log), { names: ['Maya Rivers', 'Daniel Okafor'], bReveals: false });
  const a = story.b;
  const b = story.a;
  const answersOf = (id: string) => log.filter((r) => r.id === id).map((r) => r.body);
  const spaceInviteToken = answersOf('spaces.invites.create')[0]?.token as string;
  const questions = answersOf('closeness.today').map((q) => q.question.id as string);
  expect(new Set(questions).size).toBe(3);

  t.clock.set(`${DAY4}T09:30:00.000Z`);
  // A therapist both consented to, with every view (consent may ask for a fresh password).
  for (const p of [a, b]) ok(await p.client.call('auth.reauth', { body: { password: p.password } }));
  const access = await activeTherapist(t, b, a, THERAPIST_VIEWS);
  const pending = ok(await b.client.call('therapists.invite', { body: { email: null } }));

  // Today's question, offered to both; b's own things to read by id.
  const todayQuestion = ok(await b.client.call('closeness.today')).question.id;
  ok(await a.client.call('closeness.today'));
  const bJournal = ok(await b.client.call('journal.create', { body: { text: 'A quiet evening, just for me' } })).id;
  const calendar = ok(await b.client.call('calendar.create'));
  const calendarToken = new URL(calendar.url).pathname.split('/').pop() as string;
  const needIds = ok(await b.client.call('needs.list')).needs.map((n) => n.id);
  const sharedNeed = answersOf('needs.create')[0]?.id as string;
  const bDraftNeed = answersOf('needs.create')[1]?.id as string;
  expect(needIds).toEqual(expect.arrayContaining([sharedNeed, bDraftNeed]));
  const bBid = ok(await b.client.call('bids.list')).bids[0]?.id as string;
  const bSelfCheck = ok(await b.client.call('understand.selfChecks.list')).selfChecks[0]?.id as string;

  // a's private things, to be asked for by id (b gets 404, as for a missing one).
  const aDraftNeed = ok(await a.client.call('needs.create', { body: { text: 'A need still in draft' } })).id;
  const aBid = ok(await a.client.call('bids.create', { body: { kind: 'gesture', text: 'Made tea' } })).id;
  const aSelfCheck = ok(
    await a.client.call('understand.selfChecks.create', { body: { ratings: { [SELF_CHECK_ITEM_IDS[0] as string]: 3 } } }),
  ).id;
  const aJournal = ok(await a.client.call('journal.list')).entries[0]?.id as string;

  // b hears reminders by email and on a phone; the first ticks send what is due by now.
  ok(await b.client.call('notifications.preferences.put', { body: { checkinTime: '09:45', email: true, push: true } }));
  const phone = newBrowserKeys(randomBytes(16));
  ok(await b.client.call('push.subscribe', { body: { endpoint: pushService.endpoint('b-phone'), keys: phone.json } }));
  await runReminderTick(t.deps, 'no-surveillance'); // plans b's reminder for 09:45

  t.clock.set(FROZEN);
  await runReminderTick(t.deps, 'no-surveillance'); // sends it
  await runReminderTick(t.deps, 'no-surveillance');

  return {
    a,
    b,
    therapist: access.therapist,
    accessId: access.accessId,
    agreementId: story.agreementId,
    commitments: [story.commitmentA, story.commitmentB],
    conversationId: story.conversationId,
    sharedCheckin: story.checkinA,
    questions: [...questions, todayQuestion],
    todayQuestion,
    needs: { shared: sharedNeed, bDraft: bDraftNeed, aDraft: aDraftNeed },
    bids: { b: bBid, a: aBid },
    selfChecks: { b: bSelfCheck, a: aSelfCheck },
    journal: { b: bJournal, a: aJournal },
    aPrivateCheckin: story.checkinPrivateB,
    calendarToken,
    spaceInviteToken,
    therapistInviteToken: pending.token,
  };
}

// ---------------------------------------------------------------------------------------------
// What b can fetch: every GET route of the contracts table, each with the inputs b could have.

type Inputs = (w: World) => unknown[];
const none: Inputs = () => [{}];
const id =
  (pick: (w: World) => string | string[]): Inputs =>
  (w) =>
    [pick(w)].flat().map((value) => ({ params: { id: value } }));
const ranged: Inputs = () => [{}, { query: RANGE }];

interface Read {
  inputs: Inputs;
  /** Read at the start and once at the end only (an export is limited per hour, and the clock stands still). */
  rare?: true;
}

const READS: Record<string, Read> = {
  'auth.session': { inputs: none },
  'auth.me': { inputs: none },
  'auth.outboxKey': { inputs: none },
  'account.export': { inputs: none, rare: true },
  'passkeys.list': { inputs: none },
  'auth.sessions.list': { inputs: none },
  'spaces.get': { inputs: none },
  'spaces.invites.list': { inputs: none },
  'spaces.invites.preview': { inputs: (w) => [{ params: { token: w.spaceInviteToken } }] },
  'config.get': { inputs: none },
  'safety.get': { inputs: none },
  'understand.selfChecks.list': { inputs: none },
  'understand.selfChecks.get': { inputs: id((w) => [w.selfChecks.b, w.selfChecks.a]) },
  'causes.get': { inputs: none },
  'needs.list': { inputs: none },
  'needs.get': { inputs: id((w) => [w.needs.shared, w.needs.bDraft, w.needs.aDraft]) },
  'agreements.list': { inputs: none },
  'agreements.get': { inputs: id((w) => w.agreementId) },
  'drafts.list': { inputs: none },
  'conversations.list': { inputs: none },
  'conversations.get': { inputs: id((w) => w.conversationId) },
  'acknowledgements.list': { inputs: id((w) => w.conversationId) },
  'commitments.list': { inputs: none },
  'commitments.get': { inputs: id((w) => w.commitments) },
  'appreciations.list': { inputs: ranged },
  'log.occurrences': {
    inputs: (w) => w.commitments.flatMap((c) => [{ params: { id: c } }, { params: { id: c }, query: RANGE }]),
  },
  'log.today': { inputs: none },
  'log.figures': { inputs: ranged },
  'checkins.list': { inputs: ranged },
  'checkins.today': { inputs: none },
  'checkins.preferences': { inputs: none },
  'checkins.get': { inputs: id((w) => [w.sharedCheckin, w.aPrivateCheckin]) },
  'bids.list': { inputs: ranged },
  'bids.summary': { inputs: () => [{}, { query: { weeks: '8' } }] },
  'bids.get': { inputs: id((w) => [w.bids.b, w.bids.a]) },
  'today.get': { inputs: none },
  'calendar.get': { inputs: none },
  'calendar.feed': { inputs: (w) => [{ params: { token: w.calendarToken } }] },
  'notifications.preferences.get': { inputs: none },
  'notifications.list': { inputs: none },
  'push.get': { inputs: none },
  'pulse.get': { inputs: none },
  'progress.get': { inputs: () => [{}, { query: { weeks: '12' } }] },
  'reflection.weekly': { inputs: none },
  'reflection.isItWorking': { inputs: none },
  'closeness.deck': { inputs: none },
  'closeness.today': { inputs: none },
  'closeness.overview': { inputs: none },
  'closeness.pair': { inputs: (w) => w.questions.map((q) => ({ params: { questionId: q } })) },
  'rituals.list': { inputs: none },
  'journal.list': { inputs: () => [{}, { query: { q: 'evening' } }] },
  'journal.prompts': { inputs: none },
  'journal.get': { inputs: id((w) => [w.journal.b, w.journal.a]) },
  'therapists.list': { inputs: none },
  'therapists.invitePreview': { inputs: (w) => [{ params: { token: w.therapistInviteToken } }] },
  // A partner is refused these (403, before anything is looked up); asked with the real couple id all the same.
  'therapists.couples': { inputs: none },
  'therapists.view.agreements': { inputs: id((w) => w.accessId) },
  'therapists.view.commitments': { inputs: id((w) => w.accessId) },
  'therapists.view.figures': { inputs: id((w) => w.accessId) },
  'therapists.view.checkins': { inputs: id((w) => w.accessId) },
  'therapists.view.conversations': { inputs: id((w) => w.accessId) },
  'therapists.view.causes': { inputs: id((w) => w.accessId) },
  'therapists.view.pulse': { inputs: id((w) => w.accessId) },
  'therapists.view.closeness': { inputs: id((w) => w.accessId) },
  'therapists.view.summary': { inputs: id((w) => w.accessId) },
  'summary.get': { inputs: ranged },
  'summary.mine': { inputs: none },
};

/** GET routes b's snapshot does not call, and why. */
const NOT_READ: Record<string, string> = {
  'events.stream': 'a stream, not an answer: b keeps one open while a acts, and a replay from the first event is compared',
};

const getRoutes = (contracts as readonly Contract[]).filter((c) => c.method === 'GET');
const contractOf = (routeId: string) => getRoutes.find((c) => c.id === routeId) as Contract;

async function fetchText(client: TestClient, routeId: string, input: unknown): Promise<string> {
  const built = buildRequest(contractOf(routeId), input as never);
  const res = await client.request(built.method, built.url);
  const headers = ['content-type', 'content-disposition', 'cache-control']
    .map((h) => `${h}: ${res.headers.get(h) ?? ''}`)
    .join('; ');
  return `${res.status} ${headers}\n${res.text}`;
}

type Snapshot = Record<string, string>;

/** Everything b can fetch, by route and input; `rare` routes only when asked. */
async function snapshotOf(w: World, options: { rare?: boolean } = {}): Promise<Snapshot> {
  const seen: Snapshot = {};
  for (const [routeId, read] of Object.entries(READS)) {
    if (read.rare && !options.rare) continue;
    for (const input of read.inputs(w)) {
      seen[`${routeId} ${JSON.stringify(input)}`] = await fetchText(w.b.client, routeId, input);
    }
  }
  return seen;
}

/** What the couple's therapist reads, every view, with and without a period. */
async function therapistSnapshot(w: World): Promise<Snapshot> {
  const seen: Snapshot = {};
  for (const c of getRoutes.filter((r) => r.access === 'therapist')) {
    const inputs = c.path.includes(':id') ? [{ params: { id: w.accessId } }, { params: { id: w.accessId }, query: RANGE }] : [{}];
    for (const input of c.query || inputs.length === 1 ? inputs : inputs.slice(0, 1)) {
      seen[`${c.id} ${JSON.stringify(input)}`] = await fetchText(w.therapist.client, c.id, input);
    }
  }
  return seen;
}

async function replayFromStart(client: TestClient): Promise<string[]> {
  const stream = await client.stream(`/api/v1/events?lastEventId=${FIRST_EVENT}`);
  const events = await stream.drain(300);
  stream.close();
  return events.map((e) => `${e.id ?? ''} ${e.event ?? ''} ${e.data}`);
}

const mailsTo = async (email: string) =>
  (await sink.messages()).filter((m) => m.envelopeTo.includes(email)).map((m) => `${m.subject}\n${m.text}`);
const pushesTo = (name: string) => pushService.received.filter((r) => r.path === `/push/${name}`).length;

// ---------------------------------------------------------------------------------------------
// a's private actions: each an arbitrary record the runner reads by its kind.

const WORDS = ['quiet', 'kitchen', 'alone', 'tired', 'hoping', 'unsaid', 'Ünïcode', '“quoted”', '<b>tag</b>', 'moon 🌙', 'again'];
let written = 0;
/** Every word a writes carries a marker of its own, to look for in b's answers. */
const PRIVATE_MARK = 'zqprivate';

const KINDS = [
  'draft.write',
  'draft.edit',
  'draft.delete',
  'need.write',
  'need.edit',
  'need.delete',
  'checkin.private',
  'checkin.delete',
  'bid.write',
  'bid.edit',
  'bid.delete',
  'causes.mark',
  'causes.clear',
  'safety.answer',
  'safety.clear',
  'selfCheck.write',
  'selfCheck.delete',
  'pulse.answer',
  'pulse.delete',
  'journal.write',
  'journal.edit',
  'journal.delete',
  'journal.search',
  'notifications.readOne',
  'notifications.readAll',
  'isItWorking.open',
  'progress.open',
  'therapy.wish',
  'closeness.answer',
  'closeness.skip',
  'closeness.unskip',
  'reauth',
  'look',
  'session.new',
  'session.end',
  'password.change',
  'email.change',
  'passkey.ask',
  'reminders.choose',
  'push.on',
  'push.off',
  'calendar.make',
  'calendar.titles',
  'calendar.off',
  'export',
] as const;
type Kind = (typeof KINDS)[number];

interface Action {
  kind: Kind;
  words: string[];
  n: number;
  flag: boolean;
}

const action: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom(...KINDS),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }),
  n: fc.nat({ max: 1000 }),
  flag: fc.boolean(),
});

interface RunState {
  /** Ids of a's private things made in this run, by the GET route b would ask them at. */
  made: { routeId: string; id: string }[];
  elsewhere: TestClient[];
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

async function perform(w: World, act: Action, state: RunState): Promise<void> {
  const a = w.a.client;
  const text = () => {
    written += 1;
    return `${PRIVATE_MARK}${written} ${act.words.join(' ')}`;
  };
  const key = { 'idempotency-key': randomUUID() };
  const reauth = async () => ok(await a.call('auth.reauth', { body: { password: w.a.password } }), 204);
  const myDrafts = async () => ok(await a.call('drafts.list')).drafts.map((d) => d.id);
  const myDraftNeeds = async () =>
    ok(await a.call('needs.list'))
      .needs.filter((n) => n.mine && n.state === 'draft')
      .map((n) => n.id);
  const myBids = async () => ok(await a.call('bids.list')).bids.map((b) => b.id);
  const mySelfChecks = async () => ok(await a.call('understand.selfChecks.list')).selfChecks.map((s) => s.id);
  const myJournal = async () => ok(await a.call('journal.list')).entries.map((e) => e.id);

  switch (act.kind) {
    case 'draft.write': {
      ok(await a.call('drafts.create', { body: { text: text() } }, key), 201);
      return;
    }
    case 'draft.edit': {
      const draft = pick(await myDrafts(), act.n);
      if (!draft) return perform(w, { ...act, kind: 'draft.write' }, state);
      ok(await a.call('drafts.save', { params: { id: draft }, body: { text: text() } }, key), 200);
      return;
    }
    case 'draft.delete': {
      const draft = pick(await myDrafts(), act.n);
      if (draft) ok(await a.call('drafts.delete', { params: { id: draft } }, key), 204);
      return;
    }
    case 'need.write': {
      const need = ok(await a.call('needs.create', { body: { text: text() } }, key), 201);
      state.made.push({ routeId: 'needs.get', id: need.id });
      return;
    }
    case 'need.edit': {
      const need = pick(await myDraftNeeds(), act.n);
      if (!need) return perform(w, { ...act, kind: 'need.write' }, state);
      ok(await a.call('needs.edit', { params: { id: need }, body: { text: text() } }, key), 200);
      return;
    }
    case 'need.delete': {
      const need = pick(await myDraftNeeds(), act.n);
      if (need) ok(await a.call('needs.delete', { params: { id: need } }, key), 204);
      return;
    }
    case 'checkin.private': {
      const line = act.flag ? text() : null;
      const mood = pick(MOODS, act.n) as (typeof MOODS)[number];
      const body = { connected: act.n % 11, heard: (act.n >> 2) % 11, mood, line, visibility: 'private' as const };
      const checkin = ok(await a.call('checkins.put', { params: { date: DAY4 }, body }, key), 200, 201);
      state.made.push({ routeId: 'checkins.get', id: checkin.id });
      return;
    }
    case 'checkin.delete': {
      const mine = ok(await a.call('checkins.today')).mine;
      if (mine) ok(await a.call('checkins.delete', { params: { id: mine.id } }, key), 204);
      return;
    }
    case 'bid.write': {
      const body = {
        kind: act.flag ? ('bid' as const) : ('gesture' as const),
        text: text(),
        response: act.flag ? ('away' as const) : null,
      };
      const bid = ok(await a.call('bids.create', { body }, key), 201);
      state.made.push({ routeId: 'bids.get', id: bid.id });
      return;
    }
    case 'bid.edit': {
      const bid = pick(await myBids(), act.n);
      if (!bid) return perform(w, { ...act, kind: 'bid.write' }, state);
      ok(await a.call('bids.update', { params: { id: bid }, body: { text: text() } }, key), 200);
      return;
    }
    case 'bid.delete': {
      const bid = pick(await myBids(), act.n);
      if (bid) ok(await a.call('bids.delete', { params: { id: bid } }, key), 204);
      return;
    }
    case 'causes.mark': {
      const causes = CAUSE_IDS.filter((_, i) => (act.n >> i) & 1).map((c) => ({ id: c, note: act.flag ? text() : null }));
      const ownWords = act.flag ? [{ text: text(), note: null }] : [];
      ok(await a.call('causes.put', { body: { causes, ownWords } }, key), 200);
      return;
    }
    case 'causes.clear': {
      ok(await a.call('causes.delete', undefined, key), 204);
      return;
    }
    case 'safety.answer': {
      const values = ['no', 'sometimes', 'yes', 'prefer-not-to-say'] as const;
      const answers = Object.fromEntries(SAFETY_QUESTIONS.map((q, i) => [q.id, values[(act.n + i * (act.flag ? 1 : 3)) % 4]]));
      ok(await a.call('safety.put', { body: { answers } } as never, key), 200);
      return;
    }
    case 'safety.clear': {
      ok(await a.call('safety.delete', undefined, key), 204);
      return;
    }
    case 'selfCheck.write': {
      const item = pick(SELF_CHECK_ITEM_IDS, act.n) as string;
      const body = { ratings: { [item]: (act.n % 5) + 1 }, note: act.flag ? text() : null };
      const check = ok(await a.call('understand.selfChecks.create', { body } as never, key), 201);
      state.made.push({ routeId: 'understand.selfChecks.get', id: check.id });
      return;
    }
    case 'selfCheck.delete': {
      const check = pick(await mySelfChecks(), act.n);
      if (check) ok(await a.call('understand.selfChecks.delete', { params: { id: check } }, key), 204);
      return;
    }
    case 'pulse.answer': {
      const answers = Object.fromEntries(PULSE_ITEMS.map((item, i) => [item.id, ((act.n + i) % 7) + 1]));
      ok(await a.call('pulse.put', { params: { week: WEEK }, body: { answers, shared: false } }, key), 200, 201);
      return;
    }
    case 'pulse.delete': {
      const mine = ok(await a.call('pulse.get')).mine;
      if (mine) ok(await a.call('pulse.delete', { params: { id: mine.id } }, key), 204);
      return;
    }
    case 'journal.write': {
      await reauth();
      const entry = ok(await a.call('journal.create', { body: { text: text(), tags: act.flag ? ['mine'] : [] } }, key), 201);
      state.made.push({ routeId: 'journal.get', id: entry.id });
      return;
    }
    case 'journal.edit': {
      await reauth();
      const entry = pick(await myJournal(), act.n);
      if (!entry) return perform(w, { ...act, kind: 'journal.write' }, state);
      ok(await a.call('journal.update', { params: { id: entry }, body: { text: text() } }, key), 200);
      return;
    }
    case 'journal.delete': {
      await reauth();
      const entry = pick(await myJournal(), act.n);
      if (entry) ok(await a.call('journal.delete', { params: { id: entry } }, key), 204);
      return;
    }
    case 'journal.search': {
      await reauth();
      ok(await a.call('journal.list', { query: { q: pick(act.words, act.n) as string } }));
      const entry = pick(await myJournal(), act.n);
      if (entry) ok(await a.call('journal.get', { params: { id: entry } }));
      return;
    }
    case 'notifications.readOne': {
      const list = ok(await a.call('notifications.list')).notifications;
      const unread = list.filter((n) => n.readAt === null);
      const one = pick(unread.length ? unread : list, act.n);
      if (one) ok(await a.call('notifications.read', { params: { id: one.id } }, key), 204);
      return;
    }
    case 'notifications.readAll': {
      ok(await a.call('notifications.readAll', undefined, key), 204);
      return;
    }
    case 'isItWorking.open': {
      if (act.flag) ok(await a.call('reflection.unlock', { body: { password: w.a.password } }), 204);
      else await reauth();
      ok(await a.call('reflection.isItWorking'));
      ok(await a.call('reflection.weekly'));
      return;
    }
    case 'progress.open': {
      ok(await a.call('progress.get', { query: { weeks: String((act.n % 20) + 4) } } as never));
      return;
    }
    case 'therapy.wish': {
      ok(await a.call('progress.therapyInterest', { body: { asked: act.flag } }, key), 200);
      return;
    }
    case 'closeness.answer': {
      ok(await a.call('closeness.answer', { params: { questionId: w.todayQuestion }, body: { text: text() } }, key), 200);
      return;
    }
    case 'closeness.skip': {
      ok(await a.call('closeness.skip', undefined, key), 204);
      return;
    }
    case 'closeness.unskip': {
      ok(await a.call('closeness.unskip', undefined, key), 204);
      return;
    }
    case 'reauth': {
      await reauth();
      return;
    }
    case 'look': {
      // a opens one of their own screens (every GET of theirs without an id, and the question pairs).
      const plain = getRoutes.filter(
        (c) => c.access !== 'therapist' && c.access !== 'public' && !c.path.includes(':') && !c.success.stream,
      );
      const choice = act.n % (plain.length + w.questions.length);
      const route = plain[choice];
      if (route) {
        if (route.id === 'journal.list' || route.id === 'reflection.isItWorking') await reauth();
        // An export is limited per hour (429 once spent): answered either way, never to b.
        const res = await a.request('GET', route.path);
        expect([200, ...(route.id === 'account.export' ? [403, 429] : [])], `${route.id} ${res.text}`).toContain(res.status);
      } else {
        const questionId = w.questions[choice - plain.length] as string;
        ok(await a.call('closeness.pair', { params: { questionId } }), 200, 404);
      }
      return;
    }
    case 'session.new': {
      const elsewhere = t.client('a elsewhere');
      ok(await elsewhere.call('auth.login', { body: { email: w.a.email, password: w.a.password } }), 200);
      ok(await elsewhere.call('today.get'));
      state.elsewhere.push(elsewhere);
      return;
    }
    case 'session.end': {
      const other = pick(
        ok(await a.call('auth.sessions.list')).sessions.filter((s) => !s.current),
        act.n,
      );
      if (other) ok(await a.call('auth.sessions.delete', { params: { id: other.id } }, key), 204);
      return;
    }
    case 'password.change': {
      // Ends a's other sessions and forgets their push devices: nothing of it reaches b.
      const newPassword = `a new and private phrase ${act.n} ${randomUUID().slice(0, 8)}`;
      ok(await a.call('auth.password', { body: { currentPassword: w.a.password, newPassword } }), 204);
      w.a.password = newPassword;
      return;
    }
    case 'email.change': {
      await reauth();
      const email = `daniel.${randomUUID().slice(0, 8)}@example.org`;
      ok(await a.call('auth.updateMe', { body: { email } }, key), 200);
      w.a.email = email;
      return;
    }
    case 'passkey.ask': {
      // The first step of adding a passkey (a challenge for this person); the authenticator's
      // answer needs a browser (tests/browser: the virtual authenticator).
      await reauth();
      ok(await a.call('passkeys.registerOptions'), 200);
      ok(await a.call('passkeys.list'));
      return;
    }
    case 'reminders.choose': {
      const body = act.flag
        ? {
            checkinTime: `${String(act.n % 24).padStart(2, '0')}:30`,
            email: act.n % 2 === 0,
            push: true,
            commitmentNudgeMinutes: 30,
          }
        : { checkinTime: null, email: false, push: false, commitmentNudgeMinutes: null };
      ok(await a.call('notifications.preferences.put', { body }, key), 200);
      return;
    }
    case 'push.on': {
      const keys = newBrowserKeys(randomBytes(16)).json;
      ok(await a.call('push.subscribe', { body: { endpoint: pushService.endpoint(`a-${act.n}`), keys } }, key), 200, 201);
      return;
    }
    case 'push.off': {
      const device = pick(ok(await a.call('push.get')).subscriptions, act.n);
      if (device) ok(await a.call('push.unsubscribe', { params: { id: device.id } }, key), 204);
      return;
    }
    case 'calendar.make': {
      ok(await a.call('calendar.create', undefined, key), 200, 201);
      return;
    }
    case 'calendar.titles': {
      ok(await a.call('calendar.update', { body: { showTitles: act.flag } }, key), 200, 409);
      return;
    }
    case 'calendar.off': {
      ok(await a.call('calendar.revoke', undefined, key), 204, 404);
      return;
    }
    case 'export': {
      // Built by issue 13 (GET /api/v1/me/export): a's own export, after a fresh re-authentication.
      const exportRoute = getRoutes.find((c) => c.id === 'account.export');
      if (!exportRoute) return;
      await reauth();
      const res = await a.request('GET', exportRoute.path);
      expect([200, 429], res.text).toContain(res.status);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------

describe('no surveillance', () => {
  let w: World;
  let baseline: Snapshot;
  let rareBaseline: Snapshot;
  let therapistBaseline: Snapshot;
  let replayBaseline: string[];
  let mailsBaseline: string[];
  let pushesBaseline: number;
  let live: Awaited<ReturnType<TestClient['stream']>>;

  beforeAll(async () => {
    w = await seedWorld();
    // b's private places are open (they re-entered the password), as when they look at everything.
    ok(await w.b.client.call('auth.reauth', { body: { password: w.b.password } }), 204);
    therapistBaseline = await therapistSnapshot(w);
    // A first look stamps what looking stamps on b's side (b's calendar app read the feed, b was
    // offered today's question): from then on b's answers stay as they are while nothing changes.
    await snapshotOf(w);
    rareBaseline = await snapshotOf(w, { rare: true });
    baseline = await snapshotOf(w);
    replayBaseline = await replayFromStart(w.b.client);
    mailsBaseline = await mailsTo(w.b.email);
    pushesBaseline = pushesTo('b-phone');
    live = await w.b.client.stream('/api/v1/events');
    expect((await live.drain(300)).map((e) => e.event)).toEqual(['ready']);
  }, 120_000);
  afterAll(() => live?.close());

  it('reads every GET route b may call, or says why not', () => {
    const ids = getRoutes.map((c) => c.id);
    const listed = [...Object.keys(READS), ...Object.keys(NOT_READ)];
    expect([...listed].sort()).toEqual([...ids].sort());
    expect(Object.keys(READS).filter((r) => Object.hasOwn(NOT_READ, r))).toEqual([]);
  });

  it('starts from a world with something in every place b reads, stable on its own', async () => {
    expect(await snapshotOf(w)).toEqual(baseline);
    const all = Object.values(baseline).join('\n');
    // b's screens are full: the shared things, b's own, and a's name.
    expect(all).toContain('SharedLine felt closer today');
    expect(all).toContain('SharedAnswerA the lake in June');
    expect(all).toContain('A quiet evening, just for me');
    expect(all).toContain(w.a.name);
    expect(all).toContain('BEGIN:VCALENDAR');
    // Every read answered something: 403 only for the therapist's routes, 404 only for a's private ids.
    const refused = Object.entries(baseline)
      .filter(([, v]) => !/^20\d /.test(v))
      .map(([k]) => k.split(' ')[0]);
    expect(new Set(refused)).toEqual(
      new Set([
        'spaces.invites.preview',
        'understand.selfChecks.get',
        'needs.get',
        'checkins.get',
        'bids.get',
        'journal.get',
        'closeness.pair',
        ...Object.keys(READS).filter((r) => r.startsWith('therapists.view.') || r === 'therapists.couples'),
      ]),
    );
    // b's export: an attachment holding b's own words (b re-entered the password: a fresh re-authentication).
    const exported = rareBaseline['account.export {}'] ?? '';
    expect(exported).toMatch(/^200 .*attachment/);
    expect(exported).toContain('A quiet evening, just for me');
    expect(replayBaseline.length).toBeGreaterThan(10);
    expect(mailsBaseline.length).toBeGreaterThan(0); // b's check-in reminder went by email...
    expect(pushesBaseline).toBeGreaterThan(0); // ...and to b's phone
    expect(Object.keys(therapistBaseline).length).toBeGreaterThan(9);
    expect(t.clock.now().toISOString()).toBe(FROZEN);
  });

  it('leaves everything b can fetch byte for byte as it was, whatever a does privately', async () => {
    let expected = baseline;
    let runs = 0;
    let actions = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (sequence) => {
        runs += 1;
        const state: RunState = { made: [], elsewhere: [] };
        const writtenBefore = written;
        for (const act of sequence) {
          await perform(w, act, state);
          actions += 1;
        }
        await runReminderTick(t.deps, 'no-surveillance');

        // Nothing reached b's open stream while a acted.
        expect(await live.drain(250)).toEqual([]);
        const after = await snapshotOf(w);
        const leakedMarks = Object.entries(after).filter(([, v]) => v.includes(PRIVATE_MARK));
        expect(leakedMarks.map(([k]) => k)).toEqual([]);
        // Each route and input, compared whole: status, headers and body.
        const changed = Object.keys(expected).filter((k) => after[k] !== expected[k]);
        const before = expected;
        expected = after; // a failing run's shrinking compares against what b saw after it
        expect(changed.map((k) => ({ read: k, before: before[k], after: after[k] }))).toEqual([]);
        expect(Object.keys(after)).toEqual(Object.keys(before));
        expect(await replayFromStart(w.b.client)).toEqual(replayBaseline);
        expect(await mailsTo(w.b.email)).toEqual(mailsBaseline);
        expect(pushesTo('b-phone')).toBe(pushesBaseline);
        // a's new private things, asked for by id, answer b exactly like ids that never existed.
        for (const made of state.made) {
          const real = await fetchText(w.b.client, made.routeId, { params: { id: made.id } });
          const missing = await fetchText(w.b.client, made.routeId, { params: { id: randomUUID() } });
          expect(real, made.routeId).toBe(missing);
          expect(real).toMatch(/^404 /);
        }
        expect(written).toBeGreaterThanOrEqual(writtenBefore);
      }),
      {
        numRuns: NUM_RUNS,
        // Every kind of action at least once, whatever the random runs draw: all of them in order with
        // words, then all of them backwards without, before the random sequences.
        examples: [
          [KINDS.map((kind, i) => ({ kind, words: ['quiet', 'moon 🌙'], n: i * 7, flag: true }))],
          [[...KINDS].reverse().map((kind, i) => ({ kind, words: ['<b>tag</b>'], n: i * 3 + 1, flag: false }))],
        ],
      },
    );
    expect(runs).toBeGreaterThanOrEqual(NUM_RUNS); // the two examples are among them
    expect(actions).toBeGreaterThan(2 * KINDS.length);
    expect(t.clock.now().toISOString()).toBe(FROZEN);
  }, 600_000);

  it('leaves b’s export and the therapist’s views as they were at the start', async () => {
    expect(await snapshotOf(w, { rare: true })).toEqual(rareBaseline);
    expect(await therapistSnapshot(w)).toEqual(therapistBaseline);
    expect(Object.values(therapistBaseline).join('\n')).not.toContain(PRIVATE_MARK);
  });

  it('would see a shared action: a check-in a shares reaches b’s answers and stream', async () => {
    // (The therapist's last look added to the access log b reads: compared from here on.)
    const before = await snapshotOf(w);
    const line = `${PRIVATE_MARK} shared on purpose`;
    ok(
      await w.a.client.call('checkins.put', {
        params: { date: DAY4 },
        body: { connected: 6, heard: 6, mood: 'okay', line, visibility: 'couple' },
      }),
      200,
      201,
    );
    const heard = await live.drain(300);
    expect(heard.map((e) => e.event)).toContain('checkin.changed');
    const after = await snapshotOf(w);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual(
      expect.arrayContaining(['today.get {}', 'checkins.today {}', 'notifications.list {}']),
    );
    expect(after['today.get {}']).toContain(line);
  });
});
