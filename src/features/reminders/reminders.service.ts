import type { AppDeps } from '../../deps.js';
import { COMMITMENT_LIMITS, occurrencesIn } from '../../domain/commitments.js';
import { NEUTRAL_EMAIL, notificationsLink } from '../../domain/notification-words.js';
import type { ReminderKind } from '../../domain/notifications.js';
import { isNotificationKind } from '../../domain/notifications.js';
import {
  kindEnabled,
  type NudgeTarget,
  nudgeOccurrenceKey,
  type PlannedReminder,
  parseReminderKey,
  planReminders,
  REMINDER_LIMITS,
  type ReminderPreferences,
  reminderOutcome,
} from '../../domain/reminders.js';
import { isPaused } from '../../domain/schedule.js';
import { newId } from '../../shared/ids.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, toDbTime } from '../../shared/time.js';
import { hasCheckinOn } from '../checkins/checkins.read.js';
import { actingCommitments, markedOccurrenceKeys, pausesOf, spansOfLoaded } from '../commitments/commitments.read.js';
import { notify, readPreferences } from '../notifications/notifications.service.js';
import { sendPush } from '../push/push.service.js';
import {
  type ClaimedReminder,
  claimDue,
  dropFuturePending,
  finishReminder,
  insertReminders,
  type PersonToPlan,
  peopleToPlan,
  personOf,
  pruneDone,
  releaseClaims,
  savePlan,
} from './reminders.repo.js';

// The reminders worker (step 5; docs/decisions: reminders). Each tick:
// 1. plans the people whose plan is behind (a bounded batch): reminders for the next 48 hours from
//    their preferences, zone and commitments (src/domain/reminders.ts), stored with a dedupe key so
//    planning again never makes a second one;
// 2. claims due reminders inside the database (FOR UPDATE SKIP LOCKED on PostgreSQL), so each is
//    taken by one process;
// 3. for each: skips it when it is too late to be useful or no longer needed; else sends it in the
//    app (always), by email and by push (when chosen), then marks it sent;
// and forgets reminders done more than two weeks ago, a bounded batch at a time.
// A process that dies between sending and marking leaves a claimed row; when its lease runs out
// (2 minutes) another tick claims it and sends it again: once, and marked then.

export interface TickResult {
  planned: number;
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface TickOptions {
  /** How many due reminders one tick claims (default REMINDER_LIMITS.claimBatch). */
  claimBatch?: number;
  /** Tests only: runs after a reminder was sent and before it is marked (throw to act out a crash there). */
  beforeMark?: (reminder: ClaimedReminder) => Promise<void> | void;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dialectOf = (deps: AppDeps) => deps.config.database.kind;

// ---------------------------------------------------------------------------------------------
// Planning

/** The person's own commitments' occurrences (not paused) due in [from, to), for nudges. */
async function nudgeTargets(deps: AppDeps, userId: string, from: number, to: number): Promise<NudgeTarget[]> {
  const person = await personOf(deps.db, userId);
  if (!person?.partnerId) return [];
  const who = { userId, spaceId: person.spaceId, partnerId: person.partnerId };
  const loaded = await actingCommitments(deps, who, COMMITMENT_LIMITS.list);
  const targets: NudgeTarget[] = [];
  for (const c of loaded) {
    const pauses = pausesOf(c);
    for (const o of occurrencesIn(spansOfLoaded(c), iso(from), iso(to))) {
      if (!isPaused(o.due, pauses)) targets.push({ commitmentId: c.row.id, key: o.key, due: o.due });
    }
  }
  return targets;
}

/**
 * Which of the planned reminders to store now. Those not useful any more never are. Those already
 * due are stored only when no earlier plan covered their time (the worker was off for longer than
 * its horizon: they go out late, while still useful); a due one the person just chose (a check-in
 * time set to a minute ago) is not sent at once.
 */
export function toStore(planned: readonly PlannedReminder[], nowMs: number, plannedUntil: string | null): PlannedReminder[] {
  const coveredUntil = plannedUntil === null ? null : Date.parse(plannedUntil);
  return planned.filter((r) => {
    if (Date.parse(r.usefulUntil) <= nowMs) return false;
    if (Date.parse(r.sendAt) > nowMs) return true;
    return coveredUntil !== null && Date.parse(r.nominalAt) >= coveredUntil;
  });
}

/**
 * Plans one person from scratch over [now − 1 day, now + 48 h) by nominal time (a day back catches
 * reminders that quiet hours moved past now): their reminders not yet due are dropped and planned
 * again from today's preferences, in one transaction that starts by writing their plan row (the
 * lock that makes two planners of one person take turns). Dedupe keys keep anything already sent,
 * skipped or claimed from coming back.
 */
export async function planPerson(deps: AppDeps, person: PersonToPlan, now: Date): Promise<number> {
  const nowMs = now.getTime();
  const from = nowMs - DAY_MS;
  const to = nowMs + REMINDER_LIMITS.horizonHours * HOUR_MS;
  const prefs = await readPreferences(deps, person.userId);
  const lead = prefs.commitmentNudgeMinutes;
  const occurrences = lead === null ? [] : await nudgeTargets(deps, person.userId, from, to + lead * MINUTE_MS + DAY_MS);
  const planned = planReminders({ prefs, zone: person.zone, occurrences, from: iso(from), to: iso(to) });
  const rows = toStore(planned, nowMs, person.plannedUntil).map((r) => ({
    id: newId(now),
    userId: person.userId,
    kind: r.kind,
    dedupeKey: r.dedupeKey,
    subjectId: r.subjectId,
    sendAt: r.sendAt,
    usefulUntil: r.usefulUntil,
    at: toDbTime(now),
  }));
  return deps.db.transaction().execute(async (trx) => {
    await savePlan(trx, person.userId, iso(to), toDbTime(now));
    await dropFuturePending(trx, person.userId, toDbTime(now));
    return insertReminders(trx, rows);
  });
}

/** Plans everyone whose plan is behind, at most REMINDER_LIMITS.planBatch people. Answers how many. */
export async function planBehind(deps: AppDeps, now: Date): Promise<number> {
  const soon = iso(now.getTime() + REMINDER_LIMITS.replanWhenHoursLeft * HOUR_MS);
  const people = await peopleToPlan(deps.db, soon, REMINDER_LIMITS.planBatch);
  for (const person of people) {
    try {
      await planPerson(deps, person, now);
    } catch (err) {
      // One person's plan failing must not hold up everyone else's: try them again in an hour. A plan
      // counts as behind once less than replanWhenHoursLeft of it is left, so "an hour from now" is
      // that much further on (a plan ending in an hour would be behind again at the very next tick).
      deps.logger.warn({ userId: person.userId, err: err instanceof Error ? err.message : 'error' }, 'reminders not planned');
      const retryAt = now.getTime() + HOUR_MS + REMINDER_LIMITS.replanWhenHoursLeft * HOUR_MS;
      await savePlan(deps.db, person.userId, iso(retryAt), toDbTime(now)).catch(() => undefined);
    }
  }
  return people.length;
}

// ---------------------------------------------------------------------------------------------
// Sending

type Person = NonNullable<Awaited<ReturnType<typeof personOf>>>;

/** Whether a due commitment nudge still has something to do: an occurrence it is about, not marked, not paused, not ended. */
async function nudgeStillNeeded(deps: AppDeps, person: Person, commitmentId: string, occurrenceKey: string, now: Date) {
  if (!person.partnerId) return false;
  const who = { userId: person.id, spaceId: person.spaceId, partnerId: person.partnerId };
  const [c] = await actingCommitments(deps, who, 1, commitmentId);
  if (!c) return false; // ended, moved to another space, or not theirs to do
  const pauses = pausesOf(c);
  if (isPaused(now.toISOString(), pauses)) return false;
  const nowMs = now.getTime();
  const window = [iso(nowMs - 2 * DAY_MS), iso(nowMs + (REMINDER_LIMITS.maxNudgeMinutes * MINUTE_MS + 2 * DAY_MS))] as const;
  const occurrences = occurrencesIn(spansOfLoaded(c), ...window).filter(
    (o) => nudgeOccurrenceKey(o.key) === occurrenceKey && !isPaused(o.due, pauses),
  );
  const marked = await markedOccurrenceKeys(
    deps,
    commitmentId,
    occurrences.map((o) => o.key),
  );
  return occurrences.some((o) => !marked.has(o.key));
}

async function stillNeeded(deps: AppDeps, r: ClaimedReminder, person: Person, prefs: ReminderPreferences, now: Date) {
  if (!isNotificationKind(r.kind)) return false;
  if (!kindEnabled(r.kind as ReminderKind, prefs)) return false;
  const about = parseReminderKey(r.dedupe_key);
  if (!about || about.kind !== r.kind) return false;
  if (about.kind === 'reminder.checkin') return !(await hasCheckinOn(deps.db, person.id, about.date));
  if (about.kind === 'reminder.commitment') {
    return nudgeStillNeeded(deps, person, about.commitmentId, about.occurrenceKey, now);
  }
  return true;
}

/** Sends one claimed reminder through the person's channels, or skips it. */
async function handle(deps: AppDeps, r: ClaimedReminder, workerId: string, options: TickOptions): Promise<'sent' | 'skipped'> {
  const now = deps.clock.now();
  const person = await personOf(deps.db, r.user_id);
  const prefs = await readPreferences(deps, r.user_id);
  const needed = person !== undefined && (await stillNeeded(deps, r, person, prefs, now));
  const outcome = reminderOutcome({ now: now.toISOString(), usefulUntil: r.useful_until, stillNeeded: needed });
  if (outcome !== 'send' || !person) {
    await finishReminder(deps.db, { id: r.id, workerId, state: 'skipped', at: toDbTime(now) });
    return 'skipped';
  }
  // In the app, always. Nothing here carries words: the centre words each kind itself.
  await notify(deps, { userId: person.id, spaceId: person.spaceId, kind: r.kind as ReminderKind, subjectId: r.subject_id });
  // Outside the app only the fixed neutral words (domain/notification-words.ts). A channel that
  // fails is logged (ids only) and not retried: the reminder is in the app either way.
  if (prefs.email && deps.mailer) {
    try {
      await deps.mailer.send({
        to: person.email,
        subject: NEUTRAL_EMAIL.subject,
        text: NEUTRAL_EMAIL.text(notificationsLink(deps.config.publicUrl.origin)),
      });
    } catch (err) {
      deps.logger.warn({ reminderId: r.id, err: err instanceof Error ? err.name : 'error' }, 'reminder email not sent');
    }
  }
  if (prefs.push) {
    try {
      await sendPush(deps, person.id);
    } catch (err) {
      deps.logger.warn({ reminderId: r.id, err: err instanceof Error ? err.name : 'error' }, 'reminder push not sent');
    }
  }
  await options.beforeMark?.(r);
  await finishReminder(deps.db, { id: r.id, workerId, state: 'sent', at: toDbTime(deps.clock.now()) });
  return 'sent';
}

/**
 * One run of the worker: plan who is behind, claim what is due, send or skip each. A reminder that
 * fails to send stays claimed and is tried again when its lease runs out (until it is too late).
 */
export async function runReminderTick(deps: AppDeps, workerId: string, options: TickOptions = {}): Promise<TickResult> {
  const now = deps.clock.now();
  const planned = await planBehind(deps, now);
  const claimed = await claimDue(deps.db, dialectOf(deps), {
    workerId,
    now: toDbTime(now),
    leaseUntil: iso(now.getTime() + REMINDER_LIMITS.leaseMinutes * MINUTE_MS),
    limit: options.claimBatch ?? REMINDER_LIMITS.claimBatch,
  });
  await pruneDone(deps.db, iso(now.getTime() - REMINDER_LIMITS.keepDays * DAY_MS), REMINDER_LIMITS.pruneBatch);
  const result: TickResult = { planned, claimed: claimed.length, sent: 0, skipped: 0, failed: 0 };
  // Stop well before the lease runs out (slow mail servers): what is left goes back to the queue
  // at once rather than being claimed by someone else while this process may still send it.
  const stopAt = now.getTime() + (REMINDER_LIMITS.leaseMinutes * MINUTE_MS) / 2;
  for (const [i, r] of claimed.entries()) {
    if (deps.clock.now().getTime() >= stopAt) {
      await releaseClaims(
        deps.db,
        claimed.slice(i).map((c) => c.id),
        workerId,
      );
      break;
    }
    try {
      result[await handle(deps, r, workerId, options)] += 1;
    } catch (err) {
      result.failed += 1;
      deps.logger.warn({ reminderId: r.id, err: err instanceof Error ? err.message : 'error' }, 'reminder not sent');
    }
  }
  return result;
}
