import type { AppDeps } from '../../deps.js';
import { type Actor, type CommitmentSide, decideCommitmentRead, decideCommitmentWrite } from '../../domain/access-policy.js';
import { COMMITMENT_CHANGED, COMMITMENT_LIMITS, commitmentState, startRefusal } from '../../domain/commitments.js';
import { describeSchedule, type Schedule } from '../../domain/schedule.js';
import { localDateOf, startOfLocalDay, zonedInstant } from '../../domain/zoned-time.js';
import { publishEvent } from '../../realtime/publish.js';
import { enforce } from '../../shared/enforce.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { fromDbTime, toDbTime } from '../../shared/time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { isAgreementInSpace } from '../needs/needs.read.js';
import { acknowledgementsBeside } from './acknowledgements-beside.js';
import {
  commitmentFacts,
  type Loaded,
  loadAll,
  openVersionWords,
  parseSchedule,
  pausesOf,
  spaceCommitments,
  spansOfLoaded,
  versionContext,
} from './commitments.read.js';
import {
  type CommitmentRow,
  endOpenPause,
  findCommitment,
  hasOpenPause,
  insertCommitment,
  insertPause,
  insertVersion,
  lockCommitment,
  touchCommitment,
  type VersionRow,
} from './commitments.repo.js';
import type {
  ChangeCommitmentBody,
  CommitmentList,
  CommitmentView,
  CreateCommitmentBody,
  VersionView,
} from './commitments.schema.js';

// Commitments (step 4, Act). A commitment is a couple item: its author is the one who acts, its
// receiver the one it is for; both see it, only the actor changes it. Its words and schedule live
// in dated versions: a change starts a new version from now and what came before keeps its own
// words and timing. Pauses and the end are dated too (docs/decisions: commitments and the log).

const iso = (value: string) => fromDbTime(value).toISOString();
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

const noPartner = () =>
  conflict(
    'no_partner',
    'A commitment is something one of you does for the other, so it waits until your partner has joined your space.',
  );
const spaceClosed = () =>
  conflict('space_closed', 'This commitment was made in a space you no longer share, so it is kept as it was.');
const alreadyEnded = () => conflict('ended', 'This commitment has ended, so it stays as it was.');
const tooManyChanges = () =>
  conflict(
    'too_many_changes',
    'This commitment has been changed or paused many times. To keep its record clear, you could end it and make a fresh one.',
  );

/** The version in force last (the current words and schedule). */
function latestVersion(versions: readonly VersionRow[]): VersionRow {
  const sorted = [...versions].sort(
    (a, b) =>
      fromDbTime(a.effective_from).getTime() - fromDbTime(b.effective_from).getTime() ||
      fromDbTime(a.created_at).getTime() - fromDbTime(b.created_at).getTime(),
  );
  const last = sorted[sorted.length - 1];
  if (!last) throw new Error('A commitment without a version');
  return last;
}

/** The commitment, decided by the access policy for a read or for one side's write (404 / 403). */
export async function loadCommitment(deps: AppDeps, actor: Actor, id: string, side: CommitmentSide | 'read'): Promise<Loaded> {
  const row = await findCommitment(deps.db, id);
  const facts = row ? commitmentFacts(row) : undefined;
  enforce(side === 'read' ? decideCommitmentRead(actor, facts) : decideCommitmentWrite(actor, facts, side));
  if (!row) throw notFound();
  const [loaded] = await loadAll(deps, [row]);
  if (!loaded) throw notFound();
  return loaded;
}

/** Changes happen only between the two people who share the commitment's space now. */
export function assertLiveSpace(actor: Actor, row: CommitmentRow): void {
  const other = row.author_id === actor.userId ? row.receiver_id : row.author_id;
  if (row.space_id !== actor.spaceId || actor.partnerId === null || actor.partnerId !== other) throw spaceClosed();
}

async function viewOf(deps: AppDeps, actor: Actor, c: Loaded, words: Map<string, string>): Promise<CommitmentView> {
  const now = deps.clock.now().toISOString();
  const spans = spansOfLoaded(c);
  const pauses = pausesOf(c);
  const versions: VersionView[] = c.versions.map((v) => {
    const schedule = parseSchedule(v.schedule_json);
    return {
      id: v.id,
      from: iso(v.effective_from),
      what: words.get(v.id) ?? '',
      schedule,
      described: describeSchedule(schedule),
      zone: v.zone,
      at: iso(v.created_at),
    };
  });
  const latest = latestVersion(c.versions);
  const schedule = parseSchedule(latest.schedule_json);
  const endedAt = c.row.ended_at === null ? null : iso(c.row.ended_at);
  const state = commitmentState({ startsAt: spans[0]?.from ?? null, endedAt, pauses, now });
  const actorIsMe = c.row.author_id === actor.userId;
  const live = c.row.space_id === actor.spaceId && actor.partnerId === c.row.receiver_id;
  return {
    id: c.row.id,
    agreementId: c.row.agreement_id,
    ritualId: c.row.ritual_id,
    actorIsMe,
    state,
    what: words.get(latest.id) ?? '',
    schedule,
    described: describeSchedule(schedule),
    zone: latest.zone,
    startsOn: c.row.starts_on,
    createdAt: iso(c.row.created_at),
    updatedAt: iso(c.row.updated_at),
    endedAt,
    versions,
    pauses,
    canChange: actorIsMe && live && state !== 'ended',
  };
}

export async function viewsOf(deps: AppDeps, actor: Actor, loaded: readonly Loaded[]): Promise<CommitmentView[]> {
  const words = await openVersionWords(
    deps,
    loaded.flatMap((c) => c.versions),
  );
  const views: CommitmentView[] = [];
  for (const c of loaded) views.push(await viewOf(deps, actor, c, words));
  return views;
}

async function reload(deps: AppDeps, actor: Actor, id: string): Promise<CommitmentView> {
  const [view] = await viewsOf(deps, actor, [await loadCommitment(deps, actor, id, 'read')]);
  if (!view) throw notFound();
  return view;
}

async function announce(deps: AppDeps, row: CommitmentRow, authorId: string): Promise<void> {
  await publishEvent(deps, {
    kind: COMMITMENT_CHANGED,
    spaceId: row.space_id,
    authorId,
    visibility: 'couple',
    subjectId: row.id,
  });
}

export async function listCommitments(deps: AppDeps, actor: Actor): Promise<CommitmentList> {
  const rows = await spaceCommitments(deps, actor, COMMITMENT_LIMITS.list + 1);
  const shown = rows.slice(0, COMMITMENT_LIMITS.list);
  return {
    commitments: await viewsOf(deps, actor, await loadAll(deps, shown)),
    truncated: rows.length > COMMITMENT_LIMITS.list,
    hasPartner: actor.partnerId !== null,
    acknowledgements: await acknowledgementsBeside(deps, actor),
  };
}

export async function readCommitment(deps: AppDeps, actor: Actor, id: string): Promise<CommitmentView> {
  return reload(deps, actor, id);
}

/** A one-off promise must fall after the version starts, or it could never be kept. */
function checkOnce(schedule: Schedule, zone: string, from: Date): void {
  if (schedule.kind !== 'once') return;
  if (zonedInstant(schedule.date, schedule.by, zone).getTime() <= from.getTime()) {
    throw badInput([
      { path: 'schedule.date', message: 'That time has already passed. Please choose a day and time still to come.' },
    ]);
  }
}

export async function createCommitment(
  deps: AppDeps,
  actor: Actor,
  body: CreateCommitmentBody,
  ritualId: string | null = null,
): Promise<CommitmentView> {
  if (actor.partnerId === null) throw noPartner();
  const receiverId = actor.partnerId;
  if (body.agreementId !== null && !(await isAgreementInSpace(deps.db, body.agreementId, actor.spaceId))) {
    throw badInput([{ path: 'agreementId', message: 'We could not find that agreement.' }]);
  }
  const now = deps.clock.now();
  const zone = await timeZoneOf(deps.db, actor.userId);
  const refusal = startRefusal(localDateOf(now, zone), body.startsOn);
  if (refusal) {
    throw badInput([
      {
        path: 'startsOn',
        message:
          refusal === 'in_past' ? 'Please choose today or a day still to come.' : 'Please choose a day within the next year.',
      },
    ]);
  }
  const schedule = body.schedule as Schedule;
  // Starting today means from now: what was due earlier today was never promised.
  const from = later(startOfLocalDay(body.startsOn, zone), now);
  checkOnce(schedule, zone, from);
  const at = toDbTime(now);
  const id = newId(now);
  const versionId = newId(now);
  const whatSealed = await deps.sealer.seal(actor.userId, versionContext(versionId), body.what);
  const row = {
    id,
    spaceId: actor.spaceId,
    authorId: actor.userId,
    receiverId,
    agreementId: body.agreementId,
    ritualId,
    startsOn: body.startsOn,
    at,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertCommitment(trx, row);
    await insertVersion(trx, {
      id: versionId,
      commitmentId: id,
      authorId: actor.userId,
      spaceId: actor.spaceId,
      from: toDbTime(from),
      whatSealed,
      scheduleJson: JSON.stringify(schedule),
      zone,
      at,
    });
  });
  const created = await findCommitment(deps.db, id);
  if (created) await announce(deps, created, actor.userId);
  return reload(deps, actor, id);
}

/**
 * A commitment made from a connection ritual (for the rituals feature): made exactly like any other
 * (same checks, same event), on no agreement, with the ritual it came from recorded.
 */
export async function createRitualCommitment(
  deps: AppDeps,
  actor: Actor,
  made: { ritualId: string; what: string; schedule: Schedule; startsOn: string },
): Promise<CommitmentView> {
  return createCommitment(
    deps,
    actor,
    { agreementId: null, what: made.what, schedule: made.schedule, startsOn: made.startsOn },
    made.ritualId,
  );
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A change is a new version from now; history stays as it was. Nothing changes when nothing differs. */
export async function changeCommitment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: ChangeCommitmentBody,
): Promise<CommitmentView> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  if (c.row.ended_at !== null) throw alreadyEnded();
  const latest = latestVersion(c.versions);
  const words = await openVersionWords(deps, [latest]);
  const oldWhat = words.get(latest.id) ?? '';
  const oldSchedule = parseSchedule(latest.schedule_json);
  const what = body.what ?? oldWhat;
  const schedule = (body.schedule as Schedule | undefined) ?? oldSchedule;
  const zone = await timeZoneOf(deps.db, actor.userId);
  if (what === oldWhat && sameSchedule(schedule, oldSchedule) && zone === latest.zone) return reload(deps, actor, id);
  if (c.versions.length >= COMMITMENT_LIMITS.versions) throw tooManyChanges();
  const now = deps.clock.now();
  const from = later(now, fromDbTime(latest.effective_from));
  checkOnce(schedule, zone, from);
  const at = toDbTime(now);
  const versionId = newId(now);
  const whatSealed = await deps.sealer.seal(actor.userId, versionContext(versionId), what);
  await deps.db.transaction().execute(async (trx) => {
    await insertVersion(trx, {
      id: versionId,
      commitmentId: id,
      authorId: actor.userId,
      spaceId: c.row.space_id,
      from: toDbTime(from),
      whatSealed,
      scheduleJson: JSON.stringify(schedule),
      zone,
      at,
    });
    await touchCommitment(trx, id, at);
  });
  await announce(deps, c.row, actor.userId);
  return reload(deps, actor, id);
}

export async function pauseCommitment(deps: AppDeps, actor: Actor, id: string): Promise<CommitmentView> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  if (c.row.ended_at !== null) throw alreadyEnded();
  // Already paused: pausing again changes nothing.
  if (c.pauses.some((p) => p.until_at === null)) return reload(deps, actor, id);
  if (c.pauses.length >= COMMITMENT_LIMITS.pauses) throw tooManyChanges();
  const now = deps.clock.now();
  const at = toDbTime(now);
  const paused = await deps.db.transaction().execute(async (trx) => {
    // Under the commitment's lock: two tabs pausing at once make one pause, not two.
    await lockCommitment(trx, id);
    if (await hasOpenPause(trx, id)) return false;
    await insertPause(trx, { id: newId(now), commitmentId: id, authorId: actor.userId, spaceId: c.row.space_id, at });
    await touchCommitment(trx, id, at);
    return true;
  });
  if (paused) await announce(deps, c.row, actor.userId);
  return reload(deps, actor, id);
}

export async function resumeCommitment(deps: AppDeps, actor: Actor, id: string): Promise<CommitmentView> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  if (c.row.ended_at !== null) throw alreadyEnded();
  const at = toDbTime(deps.clock.now());
  const resumed = await deps.db.transaction().execute(async (trx) => {
    const ended = await endOpenPause(trx, id, at);
    if (ended) await touchCommitment(trx, id, at);
    return ended;
  });
  if (resumed) await announce(deps, c.row, actor.userId);
  return reload(deps, actor, id);
}

/** Ending stops new occurrences from now; what came before stays, with both sides of its log. */
export async function endCommitment(deps: AppDeps, actor: Actor, id: string): Promise<CommitmentView> {
  const c = await loadCommitment(deps, actor, id, 'actor');
  assertLiveSpace(actor, c.row);
  if (c.row.ended_at !== null) return reload(deps, actor, id);
  const at = toDbTime(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    await endOpenPause(trx, id, at);
    await touchCommitment(trx, id, at, at);
  });
  await announce(deps, c.row, actor.userId);
  return reload(deps, actor, id);
}
