import type { Page } from '@playwright/test';
import { PULSE_ITEMS, pulseWeekAt } from '../../../src/domain/pulse';
import { call } from './api';
import { PASSWORD } from './app';

// A couple's shared things and, beside them, something private in every private place, written
// through the API before a spec looks at what a therapist (or the summary) shows. Each private
// thing holds a canary word that must never appear on a page a therapist can open.

const ZONE = 'Europe/London';

export interface CoupleWords {
  need: string;
  commitment: string;
  lineA: string;
  shareA: string;
  reflectB: string;
  takeawayA: string;
  takeawayB: string;
}

export async function writeSharedStory(a: Page, b: Page, tag: string): Promise<{ words: CoupleWords; agreementId: string }> {
  const words: CoupleWords = {
    need: `Ask how my day was at dinner, most evenings ${tag}`,
    commitment: `Put the phone in the hall at dinner ${tag}`,
    lineA: `Shared line: dinner felt easy tonight ${tag}`,
    shareA: `Shared turn: the quiet evenings left me lonely ${tag}`,
    reflectB: `Shared turn: you felt alone when I went quiet ${tag}`,
    takeawayA: `Takeaway: I can ask instead of guessing ${tag}`,
    takeawayB: `Takeaway: tired but here beats silence ${tag}`,
  };
  // An agreement, and a daily commitment on it marked today and noticed.
  const need = await call(a.request, 'needs.create', { body: { text: words.need } });
  await call(a.request, 'needs.share', { params: { id: need.id } });
  await call(b.request, 'needs.respond', { params: { id: need.id }, body: { kind: 'accept' } });
  const { agreements } = await call(a.request, 'agreements.list');
  const agreementId = agreements.find((x) => x.needId === need.id)?.id ?? '';
  const today = (await call(b.request, 'log.today')).date;
  const made = await call(b.request, 'commitments.create', {
    body: { agreementId, what: words.commitment, schedule: { kind: 'daily', by: null }, startsOn: today },
  });
  const due = (await call(b.request, 'log.today')).toMark.find((o) => o.commitmentId === made.id);
  if (due) {
    await call(b.request, 'log.mark', { params: { id: made.id, key: due.key }, body: { status: 'done' } });
    await call(a.request, 'log.ack', { params: { id: made.id, key: due.key }, body: { noticed: true, helped: 3 } });
  }
  // A shared check-in with a line (a's), a conversation held together with its takeaways.
  await call(a.request, 'checkins.put', {
    params: { date: today },
    body: { connected: 7, heard: 6, mood: 'hopeful', line: words.lineA, visibility: 'couple' },
  });
  const talk = await call(a.request, 'conversations.start', { body: { mode: 'two-devices' } });
  const turn = (p: Page, body: Parameters<typeof call<'conversations.turn'>>[2]['body']) =>
    call(p.request, 'conversations.turn', { params: { id: talk.id }, body });
  await turn(a, { kind: 'share', text: words.shareA });
  await turn(b, { kind: 'reflect', text: words.reflectB });
  await turn(a, { kind: 'confirm' });
  await call(a.request, 'conversations.move', { params: { id: talk.id }, body: { action: 'close' } });
  await turn(a, { kind: 'takeaway', text: words.takeawayA });
  await turn(b, { kind: 'takeaway', text: words.takeawayB });
  return { words, agreementId };
}

/** Something private in every private place of both partners; answers the canary words. */
export async function writePrivateCanaries(a: Page, b: Page, tag: string): Promise<string[]> {
  const canary = (place: string) => `CANARY-${place}-${tag}`;
  const today = (await call(b.request, 'log.today')).date;
  // a: a need kept as a draft, a Talk draft, a record of a talk held in person, causes marked and not
  // shared, a self-check note, bids; b: a private check-in, a journal entry, an answer not revealed.
  await call(a.request, 'needs.create', { body: { text: canary('need-draft') } });
  await call(a.request, 'drafts.create', { body: { text: canary('talk-draft') } });
  await call(a.request, 'conversations.inPerson', {
    body: { heldOn: today, said: canary('in-person'), wentHow: canary('in-person-went') },
  });
  await call(a.request, 'causes.put', {
    body: {
      causes: [{ id: 'outside-stress', note: canary('cause-note') }],
      ownWords: [{ text: canary('cause-words'), note: null }],
    },
  });
  await call(a.request, 'understand.selfChecks.create', {
    body: {
      ratings: {
        'ignored-when-sharing': 4,
        'partner-withdrawing': 3,
        'affection-fading': 3,
        'no-curiosity': 3,
        'emotional-coldness': 2,
        insecurity: 3,
        'withdrawing-in-turn': 3,
        'doubting-worth': 3,
        'eroded-trust': 4,
      },
      note: canary('self-check'),
    },
  });
  await call(a.request, 'bids.create', { body: { kind: 'bid', text: canary('bid'), response: 'away' } });
  await call(b.request, 'bids.create', { body: { kind: 'gesture', text: canary('gesture'), response: null } });
  await call(b.request, 'checkins.put', {
    params: { date: today },
    body: { connected: 2, heard: 2, mood: 'low', line: canary('private-checkin'), visibility: 'private' },
  });
  await call(b.request, 'auth.reauth', { body: { password: PASSWORD } });
  await call(b.request, 'journal.create', { body: { text: canary('journal') } });
  const question = (await call(b.request, 'closeness.today')).question.id;
  await call(b.request, 'closeness.answer', { params: { questionId: question }, body: { text: canary('unrevealed-answer') } });
  // Numbers only, but private all the same: a's safety answers and a pulse kept to herself.
  await call(a.request, 'safety.put', { body: { answers: { afraid: 'no' } } });
  const answers = Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, 3]));
  await call(a.request, 'pulse.put', { params: { week: pulseWeekAt(new Date(), ZONE) }, body: { answers, shared: false } });
  return [
    'need-draft',
    'talk-draft',
    'in-person',
    'in-person-went',
    'cause-note',
    'cause-words',
    'self-check',
    'bid',
    'gesture',
    'private-checkin',
    'journal',
    'unrevealed-answer',
  ].map(canary);
}
