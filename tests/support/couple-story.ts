/**
 * A couple with a little of everything, written through the API with the test clock: shared things
 * (an agreement with its negotiation, commitments with both sides of their log, a shared check-in with
 * a reply, a conversation with takeaways and an acknowledgement with its answer, revealed causes, a
 * shared pulse, a revealed closeness pair) and, beside them, something private in every private place,
 * each holding its own canary word. Used by the therapist views and summary tests.
 */
import { randomBytes } from 'node:crypto';
import { PULSE_ITEMS } from '../../src/domain/pulse.js';
import { SAFETY_QUESTIONS, safetyConcern } from '../../src/domain/safety.js';
import type { Person, TestApp, TestResponse } from './test-app.js';

/** Monday 16 November 2026: London is on UTC, so 09:00Z is 09:00 where everyone lives. */
export const DAY1 = '2026-11-16';
export const DAY2 = '2026-11-17';
export const DAY3 = '2026-11-18';

function ok<T>(res: TestResponse<T>, ...statuses: number[]): T {
  if (!(statuses.length ? statuses : [200, 201, 204]).includes(res.status)) throw new Error(`${res.status} ${res.text}`);
  return res.body;
}

const tag = () => randomBytes(4).toString('hex');

const SHARED_KEYS = [
  'needA',
  'proposalB',
  'whatB',
  'whatA',
  'markNoteB',
  'lineA',
  'replyB',
  'shareA',
  'reflectB',
  'takeawayA',
  'takeawayB',
  'ackDid',
  'ackEffect',
  'ackChange',
  'ackMissing',
  'causeNoteA',
  'understandingA',
  'understandingB',
  'answerA',
  'answerB',
  'closeReplyA',
] as const;
/** The words of the shared things, by what they are. */
export type StoryWords = Record<(typeof SHARED_KEYS)[number], string>;

export interface Story {
  a: Person;
  b: Person;
  /** Words of the shared things, as the partners wrote them. */
  shared: StoryWords;
  /** One canary word per private place: never in anything a therapist (or the other partner) reads. */
  canaries: Record<string, string>;
  agreementId: string;
  /** b acts for a (on the agreement); a acts for b (directly). */
  commitmentB: string;
  commitmentA: string;
  checkinA: string;
  checkinPrivateB: string;
  conversationId: string;
}

export interface StoryOptions {
  names?: [string, string];
  /** b reveals their causes too (true), or keeps them private with canary notes (false). */
  bReveals?: boolean;
}

const concerningSafety = () => {
  const allNo = Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'no']));
  for (const q of SAFETY_QUESTIONS) {
    const answers = { ...allNo, [q.id]: 'yes' };
    if (safetyConcern(answers as never)) return answers;
  }
  throw new Error('no single yes raises concern');
};

export async function writeStory(t: TestApp, options: StoryOptions = {}): Promise<Story> {
  const [nameA, nameB] = options.names ?? ['Maya Rivers', 'Daniel Okafor'];
  const id = tag();
  const shared: StoryWords = {
    needA: `Ask about my day at dinner ${id}`,
    proposalB: `Ask about my day at dinner, most evenings ${id}`,
    whatB: `Put my phone away at dinner ${id}`,
    whatA: `Send a kind word at lunch ${id}`,
    markNoteB: `SharedMarkNote ${id}`,
    lineA: `SharedLine felt closer today ${id}`,
    replyB: `SharedReply glad to hear it ${id}`,
    shareA: `SharedShare I felt alone at weekends ${id}`,
    reflectB: `SharedReflect you felt alone ${id}`,
    takeawayA: `SharedTakeawayA we can plan Saturdays ${id}`,
    takeawayB: `SharedTakeawayB I will ask more ${id}`,
    ackDid: `SharedAckDid I stopped asking ${id}`,
    ackEffect: `SharedAckEffect you felt unseen ${id}`,
    ackChange: `SharedAckChange I will ask each evening ${id}`,
    ackMissing: `SharedAckMissing the weekends too ${id}`,
    causeNoteA: `SharedCauseNoteA work took everything ${id}`,
    understandingA: `SharedUnderstandingA we both withdrew ${id}`,
    understandingB: `SharedUnderstandingB stress crowded us out ${id}`,
    answerA: `SharedAnswerA the lake in June ${id}`,
    answerB: `SharedAnswerB the first winter ${id}`,
    closeReplyA: `SharedCloseReplyA I remember that too ${id}`,
  };
  const canaries = {
    heldAnswerB: `CANARY-held-answer-${id}`,
    needDraftA: `CANARY-need-draft-${id}`,
    checkinPrivateB: `CANARY-private-checkin-${id}`,
    talkDraftB: `CANARY-talk-draft-${id}`,
    inPersonA: `CANARY-in-person-${id}`,
    bidA: `CANARY-bid-${id}`,
    selfCheckA: `CANARY-self-check-${id}`,
    journalB: `CANARY-journal-${id}`,
    unrevealedAnswerA: `CANARY-unrevealed-answer-${id}`,
    ...(options.bReveals === false ? { causeNoteB: `CANARY-cause-note-${id}`, causeWordsB: `CANARY-cause-words-${id}` } : {}),
  };

  // Day 1, 09:00. b, still alone, answers the question of the day: held, never offered for a reveal.
  // (a minute apart each, so the order they joined is plain).
  t.clock.set(`${DAY1}T08:50:00.000Z`);
  const a = await t.signUp(nameA);
  t.clock.set(`${DAY1}T08:55:00.000Z`);
  const b = await t.signUp(nameB);
  const q1 = ok(await b.client.call('closeness.today')).question.id;
  ok(await b.client.call('closeness.answer', { params: { questionId: q1 }, body: { text: canaries.heldAnswerB } }));
  t.clock.set(`${DAY1}T09:00:00.000Z`);
  const invite = ok(await a.client.call('spaces.invites.create'));
  ok(await b.client.call('spaces.invites.accept', { params: { token: invite.token } }));

  // An agreement with a negotiation: a's need, b's proposal, a accepts it.
  const need = ok(await a.client.call('needs.create', { body: { text: shared.needA } }));
  ok(await a.client.call('needs.share', { params: { id: need.id } }));
  t.clock.set(`${DAY1}T09:01:00.000Z`);
  const proposed = ok(
    await b.client.call('needs.respond', { params: { id: need.id }, body: { kind: 'propose', text: shared.proposalB } }),
  );
  const proposalId = proposed.history[proposed.history.length - 1]?.id as string;
  t.clock.set(`${DAY1}T09:02:00.000Z`);
  const agreed = ok(await a.client.call('needs.proposals.accept', { params: { id: need.id, proposalId } }));
  const agreementId = agreed.agreementId as string;
  ok(await a.client.call('needs.create', { body: { text: canaries.needDraftA } }));
  // Everything else of day 1 happens at 09:05.
  t.clock.set(`${DAY1}T09:05:00.000Z`);

  // Commitments: b for a on the agreement, a for b directly.
  const commitmentB = ok(
    await b.client.call('commitments.create', {
      body: { agreementId, what: shared.whatB, schedule: { kind: 'daily', by: '21:00' }, startsOn: DAY1 },
    }),
  ).id;
  const commitmentA = ok(
    await a.client.call('commitments.create', {
      body: { agreementId: null, what: shared.whatA, schedule: { kind: 'daily', by: '13:00' }, startsOn: DAY1 },
    }),
  ).id;

  // Check-ins: a shares one with a line, b replies; b keeps theirs private.
  const checkinA = ok(
    await a.client.call('checkins.put', {
      params: { date: DAY1 },
      body: { connected: 7, heard: 6, mood: 'hopeful', line: shared.lineA, visibility: 'couple' },
    }),
  ).id;
  ok(await b.client.call('checkins.replies.create', { params: { id: checkinA }, body: { kind: 'note', text: shared.replyB } }));
  const checkinPrivateB = ok(
    await b.client.call('checkins.put', {
      params: { date: DAY1 },
      body: { connected: 2, heard: 1, mood: 'low', line: canaries.checkinPrivateB, visibility: 'private' },
    }),
  ).id;

  // A conversation held together, to the end, and an acknowledgement with its answer.
  const conversationId = ok(await a.client.call('conversations.start', { body: { mode: 'two-devices' } })).id;
  const turn = async (p: Person, body: Record<string, unknown>) =>
    ok(await p.client.call('conversations.turn', { params: { id: conversationId }, body: body as never }));
  await turn(a, { kind: 'share', text: shared.shareA });
  await turn(b, { kind: 'reflect', text: shared.reflectB });
  await turn(a, { kind: 'confirm' });
  ok(await a.client.call('conversations.move', { params: { id: conversationId }, body: { action: 'close' } }));
  await turn(a, { kind: 'takeaway', text: shared.takeawayA });
  await turn(b, { kind: 'takeaway', text: shared.takeawayB });
  const ack = ok(
    await a.client.call('acknowledgements.create', {
      params: { id: conversationId },
      body: { did: shared.ackDid, effect: shared.ackEffect, change: shared.ackChange },
    }),
  );
  ok(
    await b.client.call('acknowledgements.reply', {
      params: { id: conversationId, ackId: ack.id },
      body: { felt: 'partly', missing: shared.ackMissing },
    }),
  );
  ok(await b.client.call('drafts.create', { body: { text: canaries.talkDraftB } }));
  ok(
    await a.client.call('conversations.inPerson', {
      body: { heldOn: DAY1, said: canaries.inPersonA, wentHow: `${canaries.inPersonA} went` },
    }),
  );

  // Causes: a reveals; b reveals too, or keeps marks with canary notes private.
  ok(
    await a.client.call('causes.put', {
      body: {
        causes: [
          { id: 'outside-stress', note: shared.causeNoteA },
          { id: 'unvoiced-feelings', note: null },
        ],
        ownWords: [],
      },
    }),
  );
  ok(await a.client.call('causes.reveal'));
  if (options.bReveals === false) {
    ok(
      await b.client.call('causes.put', {
        body: {
          causes: [{ id: 'patterns', note: `CANARY-cause-note-${id}` }],
          ownWords: [{ text: `CANARY-cause-words-${id}`, note: null }],
        },
      }),
    );
  } else {
    ok(
      await b.client.call('causes.put', {
        body: {
          causes: [
            { id: 'outside-stress', note: null },
            { id: 'patterns', note: null },
          ],
        },
      }),
    );
    ok(await b.client.call('causes.reveal'));
    ok(await a.client.call('causes.understanding.put', { body: { text: shared.understandingA } }));
    ok(await b.client.call('causes.understanding.put', { body: { text: shared.understandingB } }));
  }

  // The trust pulse: a shares the score, b keeps theirs.
  const answers = (k: number) => Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, k]));
  ok(await a.client.call('pulse.put', { params: { week: '2026-W47' }, body: { answers: answers(5), shared: true } }));
  ok(await b.client.call('pulse.put', { params: { week: '2026-W47' }, body: { answers: answers(2), shared: false } }));

  // The private places: a bid, a self-check, a journal entry, safety answers, the wish for therapy.
  ok(await a.client.call('bids.create', { body: { kind: 'bid', text: canaries.bidA, response: 'away' } }));
  ok(
    await a.client.call('understand.selfChecks.create', {
      body: { ratings: { 'ignored-when-sharing': 4 }, note: canaries.selfCheckA },
    } as never),
  );
  ok(await b.client.call('journal.create', { body: { text: canaries.journalB } }));
  ok(await b.client.call('safety.put', { body: { answers: concerningSafety() } } as never));
  ok(await b.client.call('progress.therapyInterest', { body: { asked: true } }));

  // Day 1, 22:00: both sides of the log.
  t.clock.set(`${DAY1}T22:00:00.000Z`);
  const mark = (p: Person, cid: string, key: string, body: Record<string, unknown>) =>
    p.client.call('log.mark', { params: { id: cid, key }, body: body as never });
  const ackOcc = (p: Person, cid: string, key: string, body: Record<string, unknown>) =>
    p.client.call('log.ack', { params: { id: cid, key }, body: body as never });
  ok(await mark(b, commitmentB, DAY1, { status: 'done', note: shared.markNoteB }));
  ok(await ackOcc(a, commitmentB, DAY1, { noticed: true, helped: 3 }));
  ok(await mark(a, commitmentA, DAY1, { status: 'done' }));
  ok(await ackOcc(b, commitmentA, DAY1, { noticed: false }));

  // Day 2: a revealed closeness pair with a response; the log again.
  t.clock.set(`${DAY2}T09:00:00.000Z`);
  const q2 = ok(await a.client.call('closeness.today')).question.id;
  ok(await a.client.call('closeness.answer', { params: { questionId: q2 }, body: { text: shared.answerA } }));
  ok(await b.client.call('closeness.answer', { params: { questionId: q2 }, body: { text: shared.answerB } }));
  ok(
    await a.client.call('closeness.respond', {
      params: { questionId: q2 },
      body: { reaction: 'moved', reply: shared.closeReplyA },
    }),
  );
  t.clock.set(`${DAY2}T22:00:00.000Z`);
  ok(await mark(b, commitmentB, DAY2, { status: 'missed' }));
  ok(await mark(a, commitmentA, DAY2, { status: 'done' }));
  ok(await ackOcc(b, commitmentA, DAY2, { noticed: true, helped: 2 }));

  // Day 3: a answers a question b has not: unrevealed.
  t.clock.set(`${DAY3}T09:00:00.000Z`);
  const q3 = ok(await a.client.call('closeness.today')).question.id;
  ok(await a.client.call('closeness.answer', { params: { questionId: q3 }, body: { text: canaries.unrevealedAnswerA } }));

  return { a, b, shared, canaries, agreementId, commitmentB, commitmentA, checkinA, checkinPrivateB, conversationId };
}
