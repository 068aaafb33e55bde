import { questionById } from '../../../src/domain/closeness/deck.js';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import { newId } from '../../../src/shared/ids.js';
import { toDbTime } from '../../../src/shared/time.js';
import { leaveSpace, type Person, type TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// Step 7, closeness. The question of the day belongs to a space: the partner shares it, the outsider
// (another space) never does. An answer not yet revealed, a skip, and anything about a question day
// not offered to someone answer exactly like a missing question. Everyone lives in London.

/** A question no space can have offered yet: medium, while a space with no revealed pairs is offered light ones only. */
const MEDIUM = 'knowing-010';
const MISSING = 'knowing-999';
if (questionById(MEDIUM)?.depth !== 'medium' || questionById(MISSING)) throw new Error('the scenario questions moved');

const missingQuestion = (c: Call): Call => ({
  ...c,
  path: c.path.replace(/\/(answers|questions)\/[a-z]+-\d{3}/, `/$1/${MISSING}`),
});

/**
 * Arranges today's question of the couple's space directly (a factory step): a medium one, which
 * the outsider's space, with nothing revealed, can never be offered, so their 404 never depends on chance.
 */
async function seedTodaysQuestion(t: TestApp, w: World): Promise<string> {
  const space = await w.author.client.call('spaces.get');
  const now = t.clock.now();
  await t.deps.db
    .insertInto('closeness_days')
    .values({
      id: newId(now),
      space_id: space.body.id,
      day: localDateOf(now, 'Europe/London'),
      question_id: MEDIUM,
      created_at: toDbTime(now),
    })
    .execute();
  return MEDIUM;
}

async function answer(p: Person, questionId: string, text: string): Promise<void> {
  const res = await p.client.call('closeness.answer', { params: { questionId }, body: { text } });
  if (res.status !== 200) throw new Error(`answer failed: ${res.status} ${res.text}`);
}

async function todaysQuestion(p: Person): Promise<string> {
  const res = await p.client.call('closeness.today');
  if (res.status !== 200) throw new Error(`today failed: ${res.status} ${res.text}`);
  return res.body.question.id;
}

/** Both partners answered today's (medium) question: a revealed pair. */
async function revealedPair(t: TestApp, w: World): Promise<string> {
  const id = await seedTodaysQuestion(t, w);
  await answer(w.author, id, 'A morning walk, the quiet part before anyone else is up');
  await answer(w.partner, id, 'The evenings we cook without hurrying');
  return id;
}

const signedInAll = { author: 200, partner: 200, outsider: 200, signedOut: 401 };

export const closenessScenarios: Record<string, Scenario> = {
  'closeness.deck': {
    prepare: async () => ({ method: 'GET', path: '/api/v1/closeness/deck' }),
    expected: signedInAll,
  },
  'closeness.today': {
    // The author's answer is private: the partner's today says nothing of it.
    prepare: async (_t, w) => {
      await answer(w.author, await todaysQuestion(w.author), 'Something only I have read so far');
      return { method: 'GET', path: '/api/v1/closeness/today' };
    },
    expected: signedInAll,
  },
  'closeness.overview': {
    prepare: async (_t, w) => {
      await answer(w.author, await todaysQuestion(w.author), 'Something only I have read so far');
      await w.author.client.call('closeness.skip');
      return { method: 'GET', path: '/api/v1/closeness' };
    },
    expected: signedInAll,
  },
  'closeness.answer': {
    // Today's question of the couple's space: both partners may answer it; the outsider's space never asked it.
    prepare: async (t, w) => ({
      method: 'PUT',
      path: `/api/v1/closeness/answers/${await seedTodaysQuestion(t, w)}`,
      body: { text: 'A few honest words' },
    }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingQuestion,
  },
  'closeness.pair': {
    prepare: async (t, w) => {
      const id = await seedTodaysQuestion(t, w);
      await answer(w.author, id, 'Something only I have read so far');
      return { method: 'GET', path: `/api/v1/closeness/questions/${id}` };
    },
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingQuestion,
  },
  'closeness.skip': {
    prepare: async () => ({ method: 'POST', path: '/api/v1/closeness/today/skip' }),
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
  'closeness.unskip': {
    prepare: async (_t, w) => {
      await w.author.client.call('closeness.skip');
      return { method: 'DELETE', path: '/api/v1/closeness/today/skip' };
    },
    expected: { author: 204, partner: 204, outsider: 204, signedOut: 401 },
  },
  'closeness.theme': {
    prepare: async () => ({ method: 'PUT', path: '/api/v1/closeness/theme', body: { theme: 'memories' } }),
    expected: signedInAll,
  },
  'closeness.respond': {
    prepare: async (t, w) => ({
      method: 'PUT',
      path: `/api/v1/closeness/questions/${await revealedPair(t, w)}/response`,
      body: { reaction: 'moved', reply: 'I did not know that about you' },
    }),
    expected: { author: 200, partner: 200, outsider: 404, signedOut: 401 },
    missing: missingQuestion,
  },
  'closeness.talkMore': {
    prepare: async (t, w) => ({
      method: 'POST',
      path: `/api/v1/closeness/questions/${await revealedPair(t, w)}/talk-more`,
    }),
    expected: { author: 201, partner: 201, outsider: 404, signedOut: 401 },
    missing: missingQuestion,
  },
  'closeness.share': {
    // The author answered while alone (after leaving), then joined the partner again: the answer came
    // along, held. Only its author can share it; to anyone else it is like a missing one.
    prepare: async (_t, w) => {
      if ((await leaveSpace(w.author)).status !== 200) throw new Error('leave failed');
      const id = await todaysQuestion(w.author);
      await answer(w.author, id, 'Written while I was on my own');
      const invite = await w.partner.client.call('spaces.invites.create');
      const joined = await w.author.client.call('spaces.invites.accept', { params: { token: invite.body.token } });
      if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${joined.text}`);
      return { method: 'POST', path: `/api/v1/closeness/questions/${id}/share` };
    },
    expected: { author: 200, partner: 404, outsider: 404, signedOut: 401 },
    missing: missingQuestion,
  },
};
