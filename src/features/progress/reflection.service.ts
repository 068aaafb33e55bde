import type { AppDeps } from '../../deps.js';
import { type Actor, canSeeItem } from '../../domain/access-policy.js';
import { figuresOf, type Occurrence } from '../../domain/follow-through.js';
import { percentOf, rollingMean, tenfold } from '../../domain/progress.js';
import { isoWeekKey } from '../../domain/pulse.js';
import { addDays, type LocalDate } from '../../domain/zoned-time.js';
import { openVersionWords } from '../commitments/commitments.read.js';
import { counted, type Found, noticedOfFound } from '../commitments/occurrences.js';
import { myCheckins, myPulses, nowFor, spaceOccurrences } from './history.js';
import type { ReflectionMoment, WeeklyReflection } from './progress.schema.js';

// The weekly reflection (step 5): the last 7 days against the 7 days four weeks earlier, what went
// well, what did not land, and one specific thing to thank my partner for. "The last 7 days" rather
// than the calendar week, so the reflection has something to say whatever the weekday. Everything
// is mine or a couple item: my pulse and check-ins, and the log of the commitments we share now.

/** Moments listed at most in each list (the newest). */
const LIST_CAP = 30;
const EARLIER_DAYS = 28;

const asOccurrence = (f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark ? f.mark.status === 'done' : null,
  noticed: noticedOfFound(f),
  paused: f.paused,
});

const within = (date: LocalDate, from: LocalDate, to: LocalDate) => date >= from && date <= to;
const maybePercent = (rate: number | null) => (rate === null ? null : percentOf(rate));
const maybeTenfold = (mean: number | null) => (mean === null ? null : tenfold(mean));

export async function weeklyReflection(deps: AppDeps, actor: Actor): Promise<WeeklyReflection> {
  const { now, today } = await nowFor(deps, actor);
  const to = today;
  const from = addDays(today, -6);
  const earlierTo = addDays(today, -EARLIER_DAYS);
  const earlierFrom = addDays(earlierTo, -6);

  const [pulses, checkins, occ] = await Promise.all([
    myPulses(deps, actor, earlierFrom, today),
    myCheckins(deps, actor, earlierFrom, today),
    spaceOccurrences(deps, actor, earlierFrom, today, () => true),
  ]);

  // A pulse belongs to an ISO week; 7 days touch one or two of them: the latest pulse of those.
  const pulseOf = (first: LocalDate, last: LocalDate) => {
    const keys = new Set([isoWeekKey(first), isoWeekKey(last)]);
    const touching = pulses.filter((p) => keys.has(p.week));
    return touching.length === 0 ? null : (touching[touching.length - 1]?.score ?? null);
  };

  const nowIso = now.toISOString();
  const live = occ.found.filter((f) => counted(f, nowIso));
  // The receiver's side is their item: it is read through the access policy, like the log does.
  const ackSeen = (f: Found) =>
    f.ack !== undefined && canSeeItem(actor, { authorId: f.ack.author_id, spaceId: f.ack.space_id, visibility: 'couple' });
  const noticed = (f: Found) => ackSeen(f) && noticedOfFound(f) === true;
  const done = (f: Found) => f.mark?.status === 'done';
  const forMe = live.filter((f) => f.c.row.receiver_id === actor.userId);
  const figuresIn = (first: LocalDate, last: LocalDate) =>
    figuresOf(forMe.filter((f) => within(f.o.localDate, first, last)).map(asOccurrence));
  const recent = figuresIn(from, to);
  const earlier = figuresIn(earlierFrom, earlierTo);

  const thisWeek = live.filter((f) => within(f.o.localDate, from, to) && done(f)).reverse();
  const wentWellFound = thisWeek.filter((f) => f.c.row.receiver_id === actor.userId && noticed(f));
  const missedFound = thisWeek.filter((f) => f.c.row.receiver_id === actor.userId && !noticed(f));
  const mineCount = thisWeek.filter((f) => f.c.row.author_id === actor.userId && !noticed(f)).length;

  const shown = [...wentWellFound.slice(0, LIST_CAP), ...missedFound.slice(0, LIST_CAP)];
  const versions = new Map<string, Found['c']['versions'][number]>();
  for (const f of shown) {
    const v = f.c.versions.find((x) => x.id === f.o.versionId);
    if (v) versions.set(v.id, v);
  }
  const words = await openVersionWords(deps, [...versions.values()]);
  const moment = (f: Found): ReflectionMoment => ({
    commitmentId: f.c.row.id,
    key: f.o.key,
    what: words.get(f.o.versionId) ?? '',
    day: f.mark?.done_on ?? f.o.localDate,
    helped: ackSeen(f) ? (f.ack?.helped ?? null) : null,
  });
  const wentWell = wentWellFound.slice(0, LIST_CAP).map(moment);
  const helpedMost = wentWell.find((m) => m.helped === 3);

  return {
    from,
    to,
    earlierFrom,
    earlierTo,
    hasPartner: actor.partnerId !== null,
    compare: {
      pulse: { now: pulseOf(from, to), fourWeeksAgo: pulseOf(earlierFrom, earlierTo) },
      connection: {
        now: maybeTenfold(rollingMean(checkins.connected, to)),
        fourWeeksAgo: maybeTenfold(rollingMean(checkins.connected, earlierTo)),
      },
      feltHeard: {
        now: maybeTenfold(rollingMean(checkins.heard, to)),
        fourWeeksAgo: maybeTenfold(rollingMean(checkins.heard, earlierTo)),
      },
      followThrough: { now: maybePercent(recent.followThrough), fourWeeksAgo: maybePercent(earlier.followThrough) },
      feltRate: { now: maybePercent(recent.feltRate), fourWeeksAgo: maybePercent(earlier.feltRate) },
    },
    wentWell,
    didNotLand: { theirs: missedFound.slice(0, LIST_CAP).map(moment), mineCount },
    thank: helpedMost ? { what: helpedMost.what, day: helpedMost.day } : null,
    truncated: wentWellFound.length > LIST_CAP || missedFound.length > LIST_CAP,
  };
}
