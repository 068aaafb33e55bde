import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { COMMITMENT_LIMITS } from '../../domain/commitments.js';
import { figuresOf, type Occurrence } from '../../domain/follow-through.js';
import { isoWeekKey, mondayOfIsoWeek, pulseWeekAt } from '../../domain/pulse.js';
import { reauthHolds } from '../../domain/reauth.js';
import { trendVerdict } from '../../domain/trend.js';
import { walkAwaySignals } from '../../domain/walk-away.js';
import { addDays, localDateOf } from '../../domain/zoned-time.js';
import type { SignedInUser } from '../../http/route.js';
import { checkLimit, clearBucket, recordHit } from '../../platform/rate-limit.js';
import { hashToken } from '../../platform/tokens.js';
import { AppError } from '../../shared/errors.js';
import { DAY_MS, fromDbTime, toDbTime } from '../../shared/time.js';
import { passwordMatches, timeZoneOf } from '../auth/users.read.js';
import { loadAll, spaceCommitments } from '../commitments/commitments.read.js';
import { counted, type Found, occurrencesOf } from '../commitments/occurrences.js';
import { finishedConversationsHere } from '../conversations/conversations.read.js';
import { agreementIdsOnNeedsOf, agreementsOnNeedsOf } from '../needs/needs.read.js';
import { pulseScoresOf } from '../pulse/pulse.read.js';
import { concernFor } from '../safety/safety.service.js';
import { findReauth, stampReauth } from './reflection.repo.js';
import type { IsItWorkingView } from './reflection.schema.js';

// "Is it working?": private to each person, behind the password typed again on this session.
//
// Nothing about opening it is recorded anywhere the partner can reach: the only write is the
// re-authentication stamp on the person's own session row. No event is published, no notification
// made, no idempotency row kept (the routes are not idempotent on purpose), and nothing is logged
// beyond the one generic request line every API call gets (src/http/app.ts). Every read below is of
// the person's own things or of figures both partners already see (commitments are couple items).

/** Weeks of my own trust pulse the trend is read over: the Patience screen's default span. */
export const REFLECTION_PULSE_WEEKS = 12;

const wrongPassword = () =>
  new AppError(
    401,
    'wrong_password',
    'That password does not match. Please try again, or sign out and reset it if it has slipped your mind.',
  );

const reauthRequired = () =>
  new AppError(403, 'reauth_required', 'For your privacy, please enter your password again to open this page.');

/** Checks the password and opens the reflection on this session only; limited like sign-in failures. */
export async function unlock(deps: AppDeps, user: SignedInUser, password: string): Promise<void> {
  const userId = user.actor.userId;
  const now = deps.clock.now();
  const { windowMs, signInFailuresPerAccount } = deps.config.rateLimit;
  // Named for re-entering a password in general, so the bucket says nothing about which place.
  const bucket = `reauth-failures:${hashToken(deps.secrets.sessionSecret, 'rate', userId)}`;
  // Recorded before the (slow) check and counted with it, as at sign-in: a burst of guesses at once
  // cannot all slip under the limit together.
  await recordHit(deps.db, bucket, windowMs, now);
  const verdict = await checkLimit(deps.db, bucket, signInFailuresPerAccount + 1, windowMs, now);
  if (verdict.limited) {
    throw new AppError(429, 'rate_limited', 'There have been too many tries. Please wait a little and try again.', undefined, {
      'Retry-After': String(verdict.retryAfterSeconds),
    });
  }
  if (!(await passwordMatches(deps, userId, password))) throw wrongPassword();
  await clearBucket(deps.db, bucket);
  await stampReauth(deps.db, userId, user.sessionId, toDbTime(now));
}

/** The facts and the level, for a session whose password re-entry still holds (and slides it on). */
export async function isItWorking(deps: AppDeps, user: SignedInUser): Promise<IsItWorkingView> {
  const userId = user.actor.userId;
  const now = deps.clock.now();
  const stamp = await findReauth(deps.db, userId, user.sessionId);
  const at = stamp?.reauth_at ? fromDbTime(stamp.reauth_at).toISOString() : null;
  if (!reauthHolds(at, now.toISOString())) throw reauthRequired();
  await stampReauth(deps.db, userId, user.sessionId, toDbTime(now));
  return factsFor(deps, user.actor, now);
}

const asOccurrence = (f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark ? f.mark.status === 'done' : null,
  noticed: f.ack ? f.ack.noticed === 1 : null,
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
  const candidates = (await spaceCommitments(deps, actor)).filter(
    (r) => r.author_id === actor.partnerId && r.receiver_id === actor.userId && r.agreement_id !== null,
  );
  const onMyNeeds = await agreementIdsOnNeedsOf(
    deps.db,
    actor.userId,
    candidates.map((r) => r.agreement_id as string),
  );
  const mine = candidates.filter((r) => r.agreement_id !== null && onMyNeeds.has(r.agreement_id));
  const found = mine.length === 0 ? [] : await occurrencesOf(deps, await loadAll(deps, mine), window);
  const figures = figuresOf(found.filter((f) => counted(f, nowIso)).map(asOccurrence));

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
