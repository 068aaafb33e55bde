import { PULSE_ITEMS, pulseWeekAt } from '../domain/pulse.js';
import { addDays, localDateOf, zonedInstant } from '../domain/zoned-time.js';
import { DAY_MS } from '../shared/time.js';
import type { DemoCall } from './demo-call.js';
import { demoCloseness } from './demo-closeness.js';

// Steps 4 and 5 for the demo couple: nine weeks of living with their agreements, walked through day
// by day on a clock the seed moves, so every mark, acknowledgement, check-in, bid and weekly trust
// pulse carries its real day. The pattern is fixed (no randomness), and it tells one story: a shaky
// start, a paused week away, and steadier weeks after for Daniel, who feels more connected as the weeks
// go on. For Maya, the small daily thing he chose himself (at the door) lands, but the need she named
// and they agreed on (being asked about her day at dinner, and really heard) mostly doesn't: she feels a
// little less connected and less heard week by week, her trust pulse drifts down, and her private
// "Is it working?" meets the concern rule, which counts only commitments on agreements about her needs
// and says why the door is not counted (tests/integration/demo.test.ts holds the story to this).

export type { DemoCall };

export interface DemoClock {
  now(): Date;
  set(at: Date | string): void;
}

const ZONE = 'Europe/London';
const DEMO_MOODS = ['tired', 'okay', 'hopeful', 'calm', 'tender'] as const;
export const DEMO_ACT_DAYS = 63;

// A small deterministic "chance" in 0..99 from a day and a salt.
const roll = (day: number, salt: number) => ((day + 3) * 37 + salt * 101 + ((day * salt) % 13) * 7) % 100;

/** Where the demo's history starts: nine weeks before `end`, at 09:00 in London. */
export function demoStart(end: Date): Date {
  return zonedInstant(addDays(localDateOf(end, ZONE), -DEMO_ACT_DAYS), '09:00', ZONE);
}

export async function seedDemoAct(
  call: DemoCall,
  clock: DemoClock,
  end: Date,
  agreements: { evenings: string; sundays: string },
  password: string,
): Promise<void> {
  const firstDay = localDateOf(clock.now(), ZONE);
  const at = (date: string, time: string) => clock.set(zonedInstant(date, time, ZONE));

  at(firstDay, '10:00');
  const dinner = await call('b', 'commitments.create', {
    body: {
      agreementId: agreements.evenings,
      what: 'Ask about your day at dinner, phone in the other room',
      schedule: { kind: 'weekly', times: 4 },
      startsOn: firstDay,
    },
  });
  const door = await call('b', 'commitments.create', {
    body: {
      agreementId: null,
      what: 'Tell you at the door how I am, even when it is only "tired"',
      schedule: { kind: 'daily', by: null },
      startsOn: firstDay,
    },
  });
  await call('a', 'commitments.create', {
    body: {
      agreementId: agreements.sundays,
      what: 'Plan one thing for us on Sunday, even a short walk',
      schedule: { kind: 'weekdays', days: [7], by: '18:00' },
      startsOn: firstDay,
    },
  });

  const closenessDay = demoCloseness(call, password);
  const lastDay = localDateOf(new Date(end.getTime() - DAY_MS), ZONE);
  for (let day = 0; ; day++) {
    const date = addDays(firstDay, day);
    if (date > lastDay) break;
    const week = Math.floor(day / 7);

    // Week four: Daniel is away for work, so his daily promise rests for those days.
    if (day === 22) {
      at(date, '08:00');
      await call('b', 'commitments.pause', { params: { id: door.id } });
    }
    if (day === 26) {
      at(date, '08:00');
      await call('b', 'commitments.resume', { params: { id: door.id } });
    }

    // Step 7 and For me (demo-closeness.ts): the question of the day, Daniel's ritual, Maya's journal.
    await closenessDay({ day, date, week, at });

    // Evening: each marks what was theirs to do today, done more often as the weeks go on.
    at(date, '21:30');
    for (const who of ['b', 'a'] as const) {
      const today = await call(who, 'log.today');
      for (const occ of today.toMark) {
        const occurrence = { id: occ.commitmentId, key: occ.key };
        if (occ.commitmentId === dinner.id) {
          // Four evenings a week: one slot is marked on the evenings it happened; the rest wait.
          if (roll(day, 2) < 48 + week * 6) await call(who, 'log.mark', { params: occurrence, body: { status: 'done' } });
          break;
        }
        const done = roll(day, who === 'a' ? 5 : 1) < 55 + week * 8;
        await call(who, 'log.mark', {
          params: occurrence,
          body: {
            status: done ? 'done' : 'missed',
            note: done || day % 3 !== 0 ? null : 'Late train, and I forgot at the door. Tomorrow.',
          },
        });
      }
    }

    // Later that night, each says what they noticed of the other's.
    at(date, '22:30');
    for (const who of ['a', 'b'] as const) {
      const today = await call(who, 'log.today');
      for (const occ of today.toAcknowledge) {
        // Maya rarely feels the dinners (her own need): the gap the figures show her kindly.
        const chance = who === 'a' && occ.commitmentId === dinner.id ? 30 - week * 2 : 50 + week * 6;
        const noticed = roll(day, who === 'a' ? 7 : 11) < chance;
        await call(who, 'log.ack', {
          params: { id: occ.commitmentId, key: occ.key },
          body: {
            noticed,
            helped: noticed ? (week >= 3 ? 3 : 2) : null,
          },
        });
      }
    }

    // The daily check-in: Maya shares most days; Daniel keeps some to himself. Daniel feels more
    // connected as the weeks go on; Maya, whose evenings still go unmet, a little less (see above).
    at(date, '22:45');
    for (const who of ['a', 'b'] as const) {
      const level = who === 'a' ? 6 - Math.min(3, Math.floor(day / 16)) : 4 + Math.min(4, Math.floor(day / 9));
      const saved = await call(who, 'checkins.put', {
        params: { date },
        body: {
          connected: Math.min(10, level + (roll(day, 13) % 3) - 1),
          heard: Math.min(10, level + (roll(day, 17) % 3) - 1),
          mood: DEMO_MOODS[(roll(day, who === 'a' ? 19 : 23) + week) % DEMO_MOODS.length] ?? 'okay',
          line:
            day % 6 === 0
              ? who === 'a'
                ? day < 21
                  ? 'He asked about the meeting and really listened.'
                  : 'He asked at dinner, but his mind was somewhere else.'
                : 'Hard day. Glad we talked at dinner.'
              : null,
          visibility: who === 'a' ? (day % 5 === 4 ? 'private' : 'couple') : day % 3 === 0 ? 'private' : 'couple',
        },
      });
      // Daniel answers some of Maya's shared check-ins (answering one reads what told him of it).
      if (who === 'a' && saved.visibility === 'couple' && day % 4 === 1) {
        await call('b', 'checkins.replies.create', { params: { id: saved.id }, body: { kind: 'reaction', reaction: 'hug' } });
      }
    }

    // Maya's private log of reaching out, and how it was met. Daniel never sees any of it.
    if (day % 2 === 0) {
      at(date, '19:00');
      const towardChance = 40 + week * 9;
      await call('a', 'bids.create', {
        body: {
          kind: 'bid',
          text: day % 4 === 0 ? 'Showed him a photo from my walk' : null,
          response: roll(day, 29) < towardChance ? 'toward' : roll(day, 31) < 85 ? 'away' : 'against',
        },
      });
    }
    if (day % 3 === 1) {
      at(date, '19:15');
      await call('b', 'bids.create', { body: { kind: 'gesture', text: 'Made her tea without asking', response: null } });
    }

    // Sunday evening: the weekly trust pulse. Daniel's rises and he shares his score; Maya's drifts
    // down a little and stays private.
    if (day % 7 === 6) {
      at(date, '21:00');
      const pulseWeek = pulseWeekAt(clock.now(), ZONE);
      const mayaLevel = Math.max(2, 4 - Math.floor(day / 28));
      const danielLevel = Math.min(6, 3 + Math.floor(day / 21));
      for (const [who, level, shared] of [
        ['a', mayaLevel, false],
        ['b', danielLevel, true],
      ] as const) {
        const answers = Object.fromEntries(
          PULSE_ITEMS.map((item, i) => [item.id, Math.min(7, Math.max(1, level + ((i + day) % 3) - 1))]),
        );
        await call(who, 'pulse.put', { params: { week: pulseWeek }, body: { answers, shared } });
      }
    }

    // Twice, Maya and Daniel talk it through at the kitchen table, and Maya records it.
    if (day === 20 || day === 41) {
      at(date, '22:55');
      await call('a', 'conversations.inPerson', {
        body: {
          heldOn: date,
          said:
            day === 20
              ? 'We talked about the evenings again, and what I still miss.'
              : 'I said the dinners feel like a box being ticked.',
          wentHow: day === 20 ? 'Calmer than before. He listened.' : 'Hard. He looked hurt, and we stopped early.',
        },
      });
    }

    // Now and then, something good that no commitment named.
    if (day === 12 || day === 33) {
      at(date, '22:50');
      await call('a', 'appreciations.create', {
        body: {
          text:
            day === 12
              ? 'You texted when the train was late. Small, and it mattered.'
              : 'You remembered my sister’s news and asked.',
          on: date,
        },
      });
    }
  }
  clock.set(end);
}
