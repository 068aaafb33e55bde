import { addDays, localDateOf, zonedInstant } from '../domain/zoned-time.js';
import type { DemoClock } from './demo-act.js';
import type { DemoCall } from './demo-call.js';

// Step 6 for the demo couple: ten days before today Maya proposes a therapist with a link, both
// consent (Maya also includes their shared check-ins, Daniel does not, so the therapist never sees
// them), the therapist makes an account through the link, and opens a few pages over the days
// after: the short access log both partners read. The day before today, each partner chooses their
// part of the summary: a few of their own shared words, and a note for the session.

export const DEMO_THERAPIST = { email: 'helen@demo.attune.example', name: 'Helen Park' } as const;

const ZONE = 'Europe/London';

export async function seedDemoTherapist(call: DemoCall, clock: DemoClock, end: Date, password: string): Promise<void> {
  const today = localDateOf(end, ZONE);
  const at = (daysAgo: number, time: string) => clock.set(zonedInstant(addDays(today, -daysAgo), time, ZONE));

  at(10, '20:10');
  const invited = await call('a', 'therapists.invite', { body: { email: null, accessDays: 90 } });
  // Granting a therapist access asks each partner for their password again first (decision 024).
  await call('a', 'auth.reauth', { body: { password } });
  await call('a', 'therapists.consent', {
    params: { id: invited.id },
    body: { include: ['agreements', 'commitments', 'figures', 'summary', 'checkins'] },
  });
  at(9, '21:40');
  await call('b', 'auth.reauth', { body: { password } });
  await call('b', 'therapists.consent', {
    params: { id: invited.id },
    body: { include: ['agreements', 'commitments', 'figures', 'summary'] },
  });
  at(8, '09:05');
  await call('therapist', 'therapists.accept', {
    params: { token: invited.token },
    body: { ...DEMO_THERAPIST, password },
  });

  // Before the first session, and again before the second: what Helen opened is what both see.
  const open = { params: { id: invited.id } };
  at(8, '09:12');
  await call('therapist', 'therapists.view.agreements', open);
  at(8, '09:15');
  await call('therapist', 'therapists.view.figures', open);
  at(2, '08:40');
  await call('therapist', 'therapists.view.commitments', open);
  at(2, '08:46');
  await call('therapist', 'therapists.view.summary', open);

  // Each partner's part of the summary: a few of their own shared words, and a note for the session.
  at(1, '21:00');
  for (const [who, kinds, note] of PARTS) {
    const { candidates } = await call(who, 'summary.mine');
    const notes = kinds.flatMap((kind) => candidates.filter((c) => c.kind === kind).slice(0, 2)).map((c) => c.id);
    await call(who, 'summary.mine.put', { body: { notes, note } });
  }

  clock.set(end);
}

const PARTS = [
  [
    'a',
    ['takeaway', 'checkin-line'],
    'I would like to talk about why the dinners still feel like a box being ticked, even on the evenings he does them.',
  ],
  ['b', ['acknowledgement'], 'I want to understand what would make the evenings feel real to Maya, not just done.'],
] as const;
