import { randomUUID } from 'node:crypto';
import { isoWeekKey, PULSE_ITEMS } from '../../../src/domain/pulse.js';
import type { TherapistView } from '../../../src/domain/therapist-access.js';
import { localDateOf } from '../../../src/domain/zoned-time.js';
import type { Person, TestApp } from '../../support/test-app.js';
import type { Call, Scenario, World } from './types.js';

// The therapist's read-only views (decision 023). Each is a therapists' route: the partners and the
// outsider are refused before anything is looked up (403), a signed-out visitor 401; therapistActive,
// whose access both partners consented to with every view, reads it (200); a therapist waiting on a
// consent, revoked, expired, or working with another couple gets 404, byte-identical to a couple that
// does not exist. Each world holds something shared and something private for the view to read past;
// the matrix checks that no answer carries a name or an email it may not.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const anotherCouple = (c: Call): Call => ({ ...c, path: c.path.replace(UUID, randomUUID()) });
const today = (t: TestApp) => localDateOf(t.clock.now(), 'Europe/London');

async function must(what: string, res: Promise<{ status: number; text: string; body: any }>) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
}

async function agreement(w: World): Promise<string> {
  const need = await must(
    'need',
    w.author.client.call('needs.create', { body: { text: 'Ask about my day at dinner, most evenings' } }),
  );
  await must('share', w.author.client.call('needs.share', { params: { id: need.id } }));
  await w.author.client.call('needs.create', { body: { text: 'A draft that stays mine' } });
  const agreed = await must(
    'accept',
    w.partner.client.call('needs.respond', { params: { id: need.id }, body: { kind: 'accept' } }),
  );
  return agreed.agreementId;
}

async function commitment(t: TestApp, w: World): Promise<void> {
  const agreementId = await agreement(w);
  const body = {
    agreementId,
    what: 'Put my phone away at dinner',
    schedule: { kind: 'daily', by: '23:59' },
    startsOn: today(t),
  } as const;
  const made = await must('commit', w.partner.client.call('commitments.create', { body }));
  await must('mark', w.partner.client.call('log.mark', { params: { id: made.id, key: today(t) }, body: { status: 'done' } }));
}

async function checkins(t: TestApp, w: World): Promise<void> {
  const put = (p: Person, visibility: 'private' | 'couple') =>
    must(
      'check-in',
      p.client.call('checkins.put', {
        params: { date: today(t) },
        body: { connected: 6, heard: 5, mood: 'okay', line: 'A line', visibility },
      }),
    );
  await put(w.author, 'couple');
  await put(w.partner, 'private');
}

async function conversation(w: World): Promise<void> {
  const started = await must('start', w.author.client.call('conversations.start', { body: { mode: 'two-devices' } }));
  await must(
    'turn',
    w.author.client.call('conversations.turn', {
      params: { id: started.id },
      body: { kind: 'share', text: 'What I wanted to say' },
    }),
  );
  await w.partner.client.call('drafts.create', { body: { text: 'A draft of mine' } });
}

async function causes(w: World): Promise<void> {
  await must('mark', w.author.client.call('causes.put', { body: { causes: [{ id: 'outside-stress', note: 'Work' }] } }));
  await must('reveal', w.author.client.call('causes.reveal'));
  await must('mark', w.partner.client.call('causes.put', { body: { causes: [{ id: 'patterns', note: 'Unrevealed' }] } }));
}

async function pulse(t: TestApp, w: World): Promise<void> {
  const answers = Object.fromEntries(PULSE_ITEMS.map((item) => [item.id, 5]));
  const week = isoWeekKey(today(t));
  await must('pulse', w.author.client.call('pulse.put', { params: { week }, body: { answers, shared: true } }));
  await must('pulse', w.partner.client.call('pulse.put', { params: { week }, body: { answers, shared: false } }));
}

async function closeness(w: World): Promise<void> {
  const q = (await must('today', w.author.client.call('closeness.today'))).question.id;
  await must('answer', w.author.client.call('closeness.answer', { params: { questionId: q }, body: { text: 'Mine' } }));
  await must('answer', w.partner.client.call('closeness.answer', { params: { questionId: q }, body: { text: 'Theirs' } }));
}

async function summary(w: World): Promise<void> {
  await must('choose', w.author.client.call('summary.mine.put', { body: { notes: [], note: 'For our first session' } }));
}

const seeds: Record<TherapistView, (t: TestApp, w: World) => Promise<void>> = {
  agreements: async (_t, w) => void (await agreement(w)),
  commitments: commitment,
  figures: commitment,
  checkins,
  conversations: async (_t, w) => conversation(w),
  causes: async (_t, w) => causes(w),
  pulse,
  closeness: async (_t, w) => closeness(w),
  summary: async (_t, w) => summary(w),
};

function viewScenario(view: TherapistView): Scenario {
  return {
    prepare: async (t, w) => {
      await seeds[view](t, w);
      return (actor) => ({ method: 'GET', path: `/api/v1/therapist/couples/${w.coupleFor(actor)}/${view}` });
    },
    expected: { author: 403, partner: 403, outsider: 403, signedOut: 401 },
    missing: anotherCouple,
  };
}

export const therapistViewsScenarios: Record<string, Scenario> = Object.fromEntries(
  (['agreements', 'commitments', 'figures', 'checkins', 'conversations', 'causes', 'pulse', 'closeness', 'summary'] as const).map(
    (view) => [`therapists.view.${view}`, viewScenario(view)],
  ),
);
