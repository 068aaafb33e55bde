import type { Hono } from 'hono';
import { contractById, type Input } from '../contracts.js';
import { buildRequest } from '../http/client.js';
import { type DemoCall, type DemoClock, demoStart, seedDemoAct } from './demo-act.js';
import type { DemoWho } from './demo-call.js';
import { seedDemoTherapist } from './demo-therapist.js';

export const DEMO_PASSWORD = 'demo-attune-together';

export const DEMO_PEOPLE = {
  a: { email: 'maya@demo.attune.example', name: 'Maya', timeZone: 'Europe/London' },
  b: { email: 'daniel@demo.attune.example', name: 'Daniel', timeZone: 'Europe/London' },
} as const;

/**
 * Seeds the demo through HTTP requests to the app itself, so the demo is only ever what the API
 * allows. The app must run on `clock`: the seed starts six weeks back and walks it forward to now,
 * so the history carries real days.
 */
export async function seedDemo(app: Hono, clock: DemoClock): Promise<void> {
  const end = clock.now();
  clock.set(demoStart(end));
  const base = 'http://demo.invalid';
  const cookies: Partial<Record<DemoWho, string>> = {};
  const call: DemoCall = async (who, id, ...[input]) => {
    const { method, url, body } = buildRequest(contractById(id), input);
    const res = await app.request(`${base}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(cookies[who] ? { cookie: cookies[who] } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (cookie) cookies[who] = cookie;
    if (res.status >= 300) throw new Error(`${id} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? undefined : res.json();
  };
  for (const who of ['a', 'b'] as const) {
    await call(who, 'auth.signup', { body: { ...DEMO_PEOPLE[who], password: DEMO_PASSWORD } });
  }
  const invite = await call('a', 'spaces.invites.create');
  await call('b', 'spaces.invites.accept', { params: { token: invite.token } });
  // Step 0: Maya's private self-checks (two, so the history shows a comparison). Daniel never sees them.
  await call('a', 'understand.selfChecks.create', {
    body: {
      ratings: {
        'ignored-when-sharing': 5,
        'partner-withdrawing': 4,
        'affection-fading': 4,
        'no-curiosity': 4,
        'emotional-coldness': 3,
        insecurity: 4,
        'withdrawing-in-turn': 3,
        'doubting-worth': 4,
        'eroded-trust': 5,
      },
      note: 'Writing this down before we try to talk. I want to remember how it felt.',
    },
  });
  await call('a', 'understand.selfChecks.create', {
    body: {
      ratings: {
        'ignored-when-sharing': 3,
        'partner-withdrawing': 3,
        'affection-fading': 4,
        'no-curiosity': 3,
        'emotional-coldness': 3,
        insecurity: 3,
        'withdrawing-in-turn': 3,
        'doubting-worth': 3,
        'eroded-trust': 4,
      },
    },
  });
  // Step 2: both marked what they think contributed, shared it, and each wrote their part of the understanding.
  await call('a', 'causes.put', {
    body: {
      causes: [
        { id: 'unvoiced-feelings', note: 'I stopped saying when I felt left out.' },
        { id: 'outside-stress' },
        { id: 'patterns' },
      ],
      ownWords: [{ text: 'Evenings became screens instead of talking', note: null }],
    },
  });
  await call('b', 'causes.put', {
    body: {
      causes: [
        { id: 'outside-stress', note: 'The new job took more than I admitted.' },
        { id: 'not-realising' },
        { id: 'patterns' },
      ],
    },
  });
  await call('a', 'causes.reveal');
  await call('b', 'causes.reveal');
  await call('a', 'causes.understanding.put', {
    body: {
      text: 'We both went quiet when things got hard, and stopped asking each other.',
    },
  });
  await call('b', 'causes.understanding.put', {
    body: {
      text: 'I did not see how alone Maya felt while I was buried in work.',
    },
  });
  // Step 3: two agreements (one reached through a proposed change), and a private draft of Maya's.
  const evenings = await call('a', 'needs.create', {
    body: {
      text: 'Ask about my day at dinner and listen without your phone, most evenings',
    },
  });
  await call('a', 'needs.share', { params: { id: evenings.id } });
  const proposed = await call('b', 'needs.respond', {
    params: { id: evenings.id },
    body: {
      kind: 'propose',
      text: 'Ask about your day at dinner, phone in the other room, four evenings a week',
    },
  });
  const proposal = proposed.history[0];
  if (!proposal) throw new Error('demo: the proposed change is missing');
  await call('a', 'needs.proposals.accept', { params: { id: evenings.id, proposalId: proposal.id } });
  const sundays = await call('b', 'needs.create', {
    body: {
      text: 'Plan one thing together on Sundays, even a short walk',
    },
  });
  await call('b', 'needs.share', { params: { id: sundays.id } });
  await call('a', 'needs.respond', { params: { id: sundays.id }, body: { kind: 'accept' } });
  await call('a', 'needs.create', { body: { text: 'Hug me when you come home' } });
  // Step 1, Talk: one finished conversation on two devices, each speaking once and heard back.
  const talk = await call('a', 'conversations.start', { body: { mode: 'two-devices' } });
  const turn = (who: 'a' | 'b', body: Input<'conversations.turn'>['body']) =>
    call(who, 'conversations.turn', { params: { id: talk.id }, body });
  await turn('a', {
    kind: 'share',
    text: 'On the evenings you stayed late and we did not speak until bedtime, I felt lonely, and a bit silly for minding.',
  });
  await turn('b', {
    kind: 'reflect',
    text: 'What I hear is that the quiet evenings left you lonely, and that you almost talked yourself out of saying so.',
  });
  await turn('a', { kind: 'confirm' });
  await turn('b', {
    kind: 'share',
    text: 'When I came home tired I went quiet because I was afraid of letting you down again, not because I did not want you.',
  });
  await turn('a', {
    kind: 'reflect',
    text: 'So the quiet was you worrying about disappointing me, and you still wanted to be close.',
  });
  await turn('b', { kind: 'confirm' });
  await call('a', 'conversations.move', { params: { id: talk.id }, body: { action: 'close' } });
  await turn('a', { kind: 'takeaway', text: 'His quiet was worry, not distance. I can ask instead of guessing.' });
  await turn('b', { kind: 'takeaway', text: 'Saying "I am tired but I am here" is better than saying nothing.' });
  // Acknowledge: Daniel's acknowledgement after the conversation, and Maya's answer to it.
  const ack = await call('b', 'acknowledgements.create', {
    params: { id: talk.id },
    body: {
      did: 'For weeks I let work have my evenings and did not tell you what was going on for me.',
      effect: 'You were left alone with the silence and started to wonder whether you mattered to me.',
      change: 'I will text when I am running late, and tell you at the door how I am, even when it is only "tired".',
    },
  });
  await call('a', 'acknowledgements.reply', {
    params: { id: talk.id, ackId: ack.id },
    body: {
      felt: 'true',
      missing: 'It helps to hear it in your words. Thank you.',
    },
  });
  // And a private draft of Maya's for the next conversation: Daniel never sees it.
  await call('a', 'drafts.create', {
    body: {
      text: 'Next time: I would like to talk about weekends, and how we both reach for our phones when we are bored.',
    },
  });
  // Steps 4, 5 and 7: nine weeks of commitments kept (and sometimes not), noticed (and sometimes not),
  // questions of the day, a ritual, and Maya's private journal.
  const { agreements } = await call('a', 'agreements.list');
  const agreementFor = (needId: string) => {
    const found = agreements.find((x) => x.needId === needId);
    if (!found) throw new Error('demo: an agreement is missing');
    return found.id;
  };
  await seedDemoAct(call, clock, end, { evenings: agreementFor(evenings.id), sundays: agreementFor(sundays.id) }, DEMO_PASSWORD);
  // Step 6: a therapist both consented to, with a short log of what they opened, and the summary.
  await seedDemoTherapist(call, clock, end, DEMO_PASSWORD);
}
