import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { COMMITMENT_LIMITS } from '../../domain/commitments.js';
import { figuresOf, type Occurrence } from '../../domain/follow-through.js';
import { isoWeekKey, mondayOfIsoWeek, pulseWeekAt } from '../../domain/pulse.js';
import { trendVerdict } from '../../domain/trend.js';
import { walkAwaySignals } from '../../domain/walk-away.js';
import { addDays, localDateOf } from '../../domain/zoned-time.js';
import type { SignedInUser } from '../../http/route.js';
import { DAY_MS, fromDbTime } from '../../shared/time.js';
import { requirePrivatePlaces } from '../auth/reauth.service.js';
import { timeZoneOf } from '../auth/users.read.js';
import { loadAll, openVersionWords, spaceCommitments } from '../commitments/commitments.read.js';
import { counted, type Found, noticedOfFound, occurrencesOf } from '../commitments/occurrences.js';
import { finishedConversationsHere } from '../conversations/conversations.read.js';
import { agreementIdsOnNeedsOf, agreementsOnNeedsOf } from '../needs/needs.read.js';
import { pulseScoresOf } from '../pulse/pulse.read.js';
import { concernFor } from '../safety/safety.service.js';
import type { IsItWorkingView } from './reflection.schema.js';

// "Is it working?": private to each person, one of the private places (decision 022): open on a
// session for 15 idle minutes after signing in or entering the password again (auth/reauth.service.ts).
//
// Nothing about opening it is recorded anywhere the partner can reach: the only write is the
// re-authentication stamp on the person's own session row. No event is published, no notification
// made, no idempotency row kept (the routes are not idempotent on purpose), and nothing is logged
// beyond the one generic request line every API call gets (src/http/app.ts). Every read below is of
// the person's own things or of figures both partners already see (commitments are couple items).

/** Weeks of my own trust pulse the trend is read over: the Patience screen's default span. */
export const REFLECTION_PULSE_WEEKS = 12;

/** The facts and the level, while the private places are open on this session (and slides them on). */
export async function isItWorking(deps: AppDeps, user: SignedInUser): Promise<IsItWorkingView> {
  await requirePrivatePlaces(deps, user);
  return factsFor(deps, user.actor, deps.clock.now());
}

const asOccurrence = (f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark ? f.mark.status === 'done' : null,
  noticed: noticedOfFound(f),
  paused: f.paused,
});

/** Everything the reflection says, read honestly from the features that hold it. */
export async function factsFor(deps: AppDeps, actor: Actor, now: Date): Promise<IsItWorkingView> {
  const nowIso = now.toISOString();
  const zone = await timeZoneOf(deps.db, actor.userId);
  const today = localDateOf(now, zone);
  const hasPartner = actor.partnerId !== null;

  // Held in the space shared now: conversations with an earlier partner say nothing about this relationship.
  const conversations = await finishedConversationsHere(deps.db, actor);
  const agreements = hasPartner ? await agreementsOnNeedsOf(deps.db, actor.userId, actor.spaceId) : { count: 0, firstAt: null };
  const firstAgreementAt = agreements.firstAt ? fromDbTime(agreements.firstAt).toISOString() : null;
  const weeksSince =
    firstAgreementAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(firstAgreementAt)) / (7 * DAY_MS)));

  // My partner's commitments hung on agreements about my needs (I am the receiver), the last four
  // weeks of local days up to today, counted as the Act screen counts its figures.
  const window = { first: addDays(today, -(COMMITMENT_LIMITS.recentFiguresDays - 1)), last: today };
  const forMe = (await spaceCommitments(deps, actor)).filter(
    (r) => r.author_id === actor.partnerId && r.receiver_id === actor.userId,
  );
  const candidates = forMe.filter((r) => r.agreement_id !== null);
  const onMyNeeds = await agreementIdsOnNeedsOf(
    deps.db,
    actor.userId,
    candidates.map((r) => r.agreement_id as string),
  );
  const mine = candidates.filter((r) => r.agreement_id !== null && onMyNeeds.has(r.agreement_id));
  const found = mine.length === 0 ? [] : await occurrencesOf(deps, await loadAll(deps, mine), window);
  const figures = figuresOf(found.filter((f) => counted(f, nowIso)).map(asOccurrence));

  // What is counted and what is not, said plainly: my partner's other commitments for me (still
  // going) are shown by name with the reason they are left out of a question about MY needs.
  const countedIds = new Set(mine.map((r) => r.id));
  const others = forMe.filter((r) => !countedIds.has(r.id) && r.ended_at === null);
  const named = await loadAll(deps, [...mine, ...others]);
  const latest = named.map((c) => c.versions[c.versions.length - 1]).filter((v) => v !== undefined);
  const words = await openVersionWords(deps, latest);
  const whatOf = (id: string) => {
    const c = named.find((x) => x.row.id === id);
    return words.get(c?.versions[c.versions.length - 1]?.id ?? '') ?? '';
  };
  const leftOut = others.map((r) => ({
    what: whatOf(r.id),
    why:
      r.agreement_id !== null
        ? ('not-my-need' as const)
        : r.ritual_id !== null
          ? ('ritual' as const)
          : ('outside-agreement' as const),
  }));

  // The trend of my own pulse, private and shared alike: it is mine.
  const thisWeek = pulseWeekAt(now, zone);
  const fromWeek = isoWeekKey(addDays(mondayOfIsoWeek(thisWeek), -7 * (REFLECTION_PULSE_WEEKS - 1)));
  const scores = await pulseScoresOf(deps.db, actor.userId, fromWeek, thisWeek);
  const trend = trendVerdict(scores.map((s) => ({ at: mondayOfIsoWeek(s.week), value: s.score })));

  const signals = walkAwaySignals({
    conversations,
    firstAgreementAt,
    now: nowIso,
    feltRate4w: figures.feltRate,
    pulseTrend: trend.verdict,
  });
  return {
    asOf: nowIso,
    hasPartner,
    facts: {
      conversations,
      agreements: agreements.count,
      firstAgreementAt,
      weeksSinceFirstAgreement: weeksSince,
      lastFourWeeks: {
        from: window.first,
        to: window.last,
        commitments: mine.length,
        due: figures.due,
        done: figures.done,
        noticed: figures.noticed,
        partnerFollowThrough: figures.followThrough,
        myFeltRate: figures.feltRate,
        counted: mine.map((r) => whatOf(r.id)),
        leftOut,
      },
      pulse: {
        weeks: REFLECTION_PULSE_WEEKS,
        answered: scores.length,
        verdict: trend.verdict,
        slopePerWeek: trend.slopePerWeek,
        p: trend.p,
      },
    },
    signals,
    safetyConcern: await concernFor(deps, actor.userId),
  };
}
