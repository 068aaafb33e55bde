/**
 * Two partners who both wrote something in every place Attune has, through the API (decision 025's
 * tests): every word, name and address either of them typed carries their own token (`aye…` for a,
 * `bee…` for b), so a test can tell whose words a response holds by scanning it for one token.
 *
 * Shared and answered things run both ways, so each side's export has answers to the other's things
 * and each side's erasure touches the other's: needs with a proposal, a direct acceptance and a
 * decline; commitments for each other (one made on the other's agreement); both sides of the log;
 * shared check-ins with replies; a conversation each started (b's on one device, b recording a's
 * turn), acknowledgements answered by the other; revealed causes with understandings; a revealed
 * closeness pair with reactions and replies; appreciations; and everything private: drafts, in-person
 * notes, bids, self-checks, journal entries with tags, safety answers, pulses, skips, rituals,
 * reminders, a calendar feed, a push device, therapist invitations with consents, summary notes.
 */
import { randomBytes } from 'node:crypto';
import { PULSE_ITEMS } from '../../src/domain/pulse.js';
import { SAFETY_QUESTIONS } from '../../src/domain/safety.js';
import { consent, invitedTherapist, type TherapistAccess } from './couple-therapist.js';
import type { Person, TestApp, TestResponse } from './test-app.js';
import { newBrowserKeys } from './web-push-decrypt.js';

export const DAY1 = '2026-11-16';
export const DAY2 = '2026-11-17';
export const DAY3 = '2026-11-18';

function ok<T>(res: TestResponse<T>, ...statuses: number[]): T {
  if (!(statuses.length ? statuses : [200, 201, 204]).includes(res.status)) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

export interface Side {
  p: Person;
  /** In every word this person typed (lower case, so it fits an email address too). */
  token: string;
  /** Their distinct words for one place. */
  w(place: string): string;
}

export interface AccountStory {
  a: Side;
  b: Side;
  therapist: TherapistAccess;
  /** a's need, agreed in b's proposed words; b's commitment hangs on it. */
  agreementInBWords: string;
  /** a's need, accepted by b as written; a's commitment for b hangs on it. */
  agreementBAccepted: string;
  /** b's need, accepted by a. */
  agreementOnBNeed: string;
  /** a acts, b is the receiver. */
  commitmentA: string;
  /** b acts, a is the receiver. */
  commitmentB: string;
  /** Started by b on one device: b recorded a's turn. */
  conversationB: string;
  /** Started by a on two devices. */
  conversationA: string;
  checkinA: string;
  checkinB: string;
  needA: string;
  needB: string;
  /** The question of day 2: both answered it, both responded. */
  closenessQuestion: string;
}

function side(p: Person, token: string): Side {
  return { p, token, w: (place) => `${place} words ${token}` };
}

const ANSWERS = (k: number) => Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, k]));
const SAFETY = Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'no']));

async function reauth(p: Person): Promise<void> {
  ok(await p.client.call('auth.reauth', { body: { password: p.password } }), 204);
}

/** Signs up a and b, each name carrying their token, and puts them in one space. */
export async function writeAccountStory(t: TestApp): Promise<AccountStory> {
  const hex = randomBytes(4).toString('hex');
  t.clock.set(`${DAY1}T08:50:00.000Z`);
  const a = side(await t.signUp(`Ayla aye${hex}`), `aye${hex}`);
  t.clock.set(`${DAY1}T08:55:00.000Z`);
  const b = side(await t.signUp(`Bryn bee${hex}`), `bee${hex}`);
  t.clock.set(`${DAY1}T09:00:00.000Z`);
  const invite = ok(await a.p.client.call('spaces.invites.create'));
  ok(await b.p.client.call('spaces.invites.accept', { params: { token: invite.token } }));
  const both = [a, b] as const;

  // Needs: a's need agreed in b's words; a's need accepted by b; b's need accepted by a; b's need
  // declined by a with a reason; a private draft each.
  const needA = ok(await a.p.client.call('needs.create', { body: { text: a.w('need-proposed') } })).id;
  ok(await a.p.client.call('needs.share', { params: { id: needA } }));
  const proposed = ok(
    await b.p.client.call('needs.respond', { params: { id: needA }, body: { kind: 'propose', text: b.w('proposal') } }),
  );
  const proposalId = proposed.history[proposed.history.length - 1]?.id as string;
  const agreementInBWords = ok(await a.p.client.call('needs.proposals.accept', { params: { id: needA, proposalId } }))
    .agreementId as string;
  const needA2 = ok(await a.p.client.call('needs.create', { body: { text: a.w('need-accepted') } })).id;
  ok(await a.p.client.call('needs.share', { params: { id: needA2 } }));
  const agreementBAccepted = ok(await b.p.client.call('needs.respond', { params: { id: needA2 }, body: { kind: 'accept' } }))
    .agreementId as string;
  const needB = ok(await b.p.client.call('needs.create', { body: { text: b.w('need-accepted') } })).id;
  ok(await b.p.client.call('needs.share', { params: { id: needB } }));
  const agreementOnBNeed = ok(await a.p.client.call('needs.respond', { params: { id: needB }, body: { kind: 'accept' } }))
    .agreementId as string;
  const needB2 = ok(await b.p.client.call('needs.create', { body: { text: b.w('need-declined') } })).id;
  ok(await b.p.client.call('needs.share', { params: { id: needB2 } }));
  ok(
    await a.p.client.call('needs.respond', { params: { id: needB2 }, body: { kind: 'decline', reason: a.w('decline-reason') } }),
  );
  for (const s of both) ok(await s.p.client.call('needs.create', { body: { text: s.w('need-draft') } }));

  // Commitments for each other, each on an agreement, and a pause.
  t.clock.set(`${DAY1}T09:05:00.000Z`);
  const commitmentA = ok(
    await a.p.client.call('commitments.create', {
      body: {
        agreementId: agreementBAccepted,
        what: a.w('commitment'),
        schedule: { kind: 'daily', by: '21:00' },
        startsOn: DAY1,
      },
    }),
  ).id;
  const commitmentB = ok(
    await b.p.client.call('commitments.create', {
      body: { agreementId: agreementInBWords, what: b.w('commitment'), schedule: { kind: 'daily', by: '21:00' }, startsOn: DAY1 },
    }),
  ).id;

  // Check-ins shared with a line, each answered by the other.
  const checkinA = ok(
    await a.p.client.call('checkins.put', {
      params: { date: DAY1 },
      body: { connected: 7, heard: 6, mood: 'hopeful', line: a.w('checkin-line'), visibility: 'couple' },
    }),
  ).id;
  const checkinB = ok(
    await b.p.client.call('checkins.put', {
      params: { date: DAY1 },
      body: { connected: 5, heard: 5, mood: 'tired', line: b.w('checkin-line'), visibility: 'couple' },
    }),
  ).id;
  ok(
    await b.p.client.call('checkins.replies.create', {
      params: { id: checkinA },
      body: { kind: 'note', text: b.w('checkin-reply') },
    }),
  );
  ok(
    await a.p.client.call('checkins.replies.create', {
      params: { id: checkinB },
      body: { kind: 'note', text: a.w('checkin-reply') },
    }),
  );

  // b starts a conversation on one device and records a's turn too; a starts one on two devices.
  const conversationB = ok(await b.p.client.call('conversations.start', { body: { mode: 'one-device' } })).id;
  const turnB = async (s: Side, body: Record<string, unknown>) =>
    ok(await s.p.client.call('conversations.turn', { params: { id: conversationB }, body: body as never }));
  await turnB(b, { kind: 'share', text: b.w('turn-share') });
  await turnB(b, { kind: 'reflect', text: a.w('turn-reflect-recorded-by-b'), forPartner: true });
  await turnB(b, { kind: 'confirm' });
  ok(await b.p.client.call('conversations.move', { params: { id: conversationB }, body: { action: 'close' } }));
  await turnB(b, { kind: 'takeaway', text: b.w('takeaway') });
  await turnB(b, { kind: 'takeaway', text: a.w('takeaway-recorded-by-b'), forPartner: true });
  const conversationA = ok(await a.p.client.call('conversations.start', { body: { mode: 'two-devices' } })).id;
  const turnA = async (s: Side, body: Record<string, unknown>) =>
    ok(await s.p.client.call('conversations.turn', { params: { id: conversationA }, body: body as never }));
  await turnA(a, { kind: 'share', text: a.w('turn-share') });
  await turnA(b, { kind: 'reflect', text: b.w('turn-reflect') });
  await turnA(a, { kind: 'confirm' });
  ok(await a.p.client.call('conversations.move', { params: { id: conversationA }, body: { action: 'close' } }));
  await turnA(a, { kind: 'takeaway', text: a.w('takeaway') });
  await turnA(b, { kind: 'takeaway', text: b.w('takeaway') });
  // Each acknowledges in the conversation the other started; each answers the other's.
  const ackB = ok(
    await b.p.client.call('acknowledgements.create', {
      params: { id: conversationA },
      body: { did: b.w('ack-did'), effect: b.w('ack-effect'), change: b.w('ack-change') },
    }),
  ).id;
  const ackA = ok(
    await a.p.client.call('acknowledgements.create', {
      params: { id: conversationB },
      body: { did: a.w('ack-did'), effect: a.w('ack-effect'), change: a.w('ack-change') },
    }),
  ).id;
  ok(
    await a.p.client.call('acknowledgements.reply', {
      params: { id: conversationA, ackId: ackB },
      body: { felt: 'partly', missing: a.w('ack-missing') },
    }),
  );
  ok(
    await b.p.client.call('acknowledgements.reply', {
      params: { id: conversationB, ackId: ackA },
      body: { felt: 'partly', missing: b.w('ack-missing') },
    }),
  );

  for (const s of both) {
    const p = s.p.client;
    ok(await p.call('drafts.create', { body: { text: s.w('talk-draft') } }));
    ok(
      await p.call('conversations.inPerson', {
        body: { heldOn: DAY1, said: s.w('in-person-said'), wentHow: s.w('in-person-went') },
      }),
    );
    ok(
      await p.call('causes.put', {
        body: { causes: [{ id: 'outside-stress', note: s.w('cause-note') }], ownWords: [{ text: s.w('cause-own'), note: null }] },
      }),
    );
    ok(await p.call('causes.reveal'));
    ok(await p.call('pulse.put', { params: { week: '2026-W47' }, body: { answers: ANSWERS(s === a ? 5 : 3), shared: true } }));
    ok(await p.call('bids.create', { body: { kind: 'bid', text: s.w('bid'), response: 'toward' } }));
    ok(
      await p.call('understand.selfChecks.create', {
        body: { ratings: { 'ignored-when-sharing': 3 }, note: s.w('self-check') },
      } as never),
    );
    ok(await p.call('journal.create', { body: { text: s.w('journal'), mood: 'calm', tags: [s.w('journal-tag')] } }));
    ok(await p.call('safety.put', { body: { answers: SAFETY } } as never));
    ok(await p.call('progress.therapyInterest', { body: { asked: true } }));
    ok(await p.call('appreciations.create', { body: { text: s.w('appreciation'), on: DAY1 } }));
    ok(await p.call('notifications.preferences.put', { body: { checkinTime: '09:45', email: false, push: true } }));
    ok(await p.call('calendar.create'));
    ok(
      await p.call('rituals.adopt', {
        params: { ritualId: s === a ? 'ten-minutes-about-their-day' : 'weekly-walk' },
        body: { schedule: { kind: 'weekly', times: 2 } },
      } as never),
    );
    const keys = newBrowserKeys(randomBytes(16)).json;
    ok(
      await p.call('push.subscribe', {
        body: { endpoint: `http://127.0.0.1:9/push/${s.token}`, keys, device: s.w('push-device') },
      } as never),
    );
  }
  for (const s of both) ok(await s.p.client.call('causes.understanding.put', { body: { text: s.w('understanding') } }));
  ok(await b.p.client.call('closeness.theme', { body: { theme: 'memories' } }));

  // Therapist: a invites by email and a therapist accepts; both consent; b invites another by email.
  const therapist = await invitedTherapist(t, a.p, `Robin ${randomBytes(3).toString('hex')}`);
  for (const s of both) {
    await reauth(s.p);
    await consent(s.p, therapist.accessId, ['agreements', 'figures']);
  }
  await reauth(b.p);
  ok(await b.p.client.call('therapists.invite', { body: { email: `therapist.${b.token}@example.org` } }));

  // Day 1, 22:00: both sides of the log, with notes.
  t.clock.set(`${DAY1}T22:00:00.000Z`);
  const mark = (s: Side, id: string, body: Record<string, unknown>) =>
    s.p.client.call('log.mark', { params: { id, key: DAY1 }, body: body as never });
  const ackOcc = (s: Side, id: string, body: Record<string, unknown>) =>
    s.p.client.call('log.ack', { params: { id, key: DAY1 }, body: body as never });
  ok(await mark(a, commitmentA, { status: 'done', note: a.w('mark-note') }));
  ok(await mark(b, commitmentB, { status: 'done', note: b.w('mark-note') }));
  ok(await ackOcc(b, commitmentA, { noticed: true, helped: 3 }));
  ok(await ackOcc(a, commitmentB, { noticed: true, helped: 2 }));

  // Day 2: a revealed closeness pair with reactions and replies; private check-ins.
  t.clock.set(`${DAY2}T09:00:00.000Z`);
  const q = ok(await a.p.client.call('closeness.today')).question.id;
  for (const s of both)
    ok(await s.p.client.call('closeness.answer', { params: { questionId: q }, body: { text: s.w('closeness-answer') } }));
  for (const s of both) {
    ok(
      await s.p.client.call('closeness.respond', {
        params: { questionId: q },
        body: { reaction: 'moved', reply: s.w('closeness-reply') },
      }),
    );
    ok(
      await s.p.client.call('checkins.put', {
        params: { date: DAY2 },
        body: { connected: 3, heard: 3, mood: 'low', line: s.w('private-checkin'), visibility: 'private' },
      }),
    );
    ok(await s.p.client.call('commitments.pause', { params: { id: s === a ? commitmentA : commitmentB } }));
  }

  // Day 3: each skips the question; each chooses their notes for the summary and writes one.
  t.clock.set(`${DAY3}T09:00:00.000Z`);
  for (const s of both) {
    ok(await s.p.client.call('closeness.today'));
    ok(await s.p.client.call('closeness.skip'), 204);
    const mine = ok(await s.p.client.call('summary.mine'));
    const first = mine.candidates[0]?.id;
    ok(await s.p.client.call('summary.mine.put', { body: { notes: first ? [first] : [], note: s.w('summary-note') } }));
  }
  // The therapist opens a page, so the couple's record of it is not empty.
  ok(
    await therapist.therapist.client.call('therapists.view.figures', { params: { id: therapist.accessId } } as never),
    200,
    403,
    404,
  );

  return {
    a,
    b,
    therapist,
    agreementInBWords,
    agreementBAccepted,
    agreementOnBNeed,
    commitmentA,
    commitmentB,
    conversationB,
    conversationA,
    checkinA,
    checkinB,
    needA,
    needB,
    closenessQuestion: q,
  };
}
