import type { AppDeps } from '../../deps.js';
import { type Actor, type CommitmentFacts, canSeeCommitment, decideCommitmentWrite } from '../../domain/access-policy.js';
import { COMMITMENT_LIMITS, spansOf, type VersionFacts, type VersionSpan } from '../../domain/commitments.js';
import { type Schedule, validateSchedule } from '../../domain/schedule.js';
import { fromDbTime } from '../../shared/time.js';
import {
  type CommitmentRow,
  listActingCommitments,
  listOwnCommitments,
  listPauses,
  listSpaceCommitments,
  listVersions,
  type PauseRow,
  type VersionRow,
} from './commitments.repo.js';
import { markedKeys } from './log.repo.js';

// What other features may read of commitments: the commitments of a space or the ones a person
// acts on, each loaded with its versions and pauses, the spans and pauses their occurrences are
// expanded from, and their words opened. Every list here goes through the access policy.

export type { CommitmentRow };

/** A commitment with everything needed to expand its occurrences. */
export interface Loaded {
  row: CommitmentRow;
  versions: VersionRow[];
  pauses: PauseRow[];
}

const iso = (value: string) => fromDbTime(value).toISOString();

/** The sealing context of a version's words. */
export const versionContext = (rowId: string) => ({ table: 'commitment_versions', column: 'what', rowId });

export const commitmentFacts = (row: CommitmentRow): CommitmentFacts => ({
  authorId: row.author_id,
  receiverId: row.receiver_id,
  spaceId: row.space_id,
  visibility: 'couple',
});

export function parseSchedule(json: string): Schedule {
  const schedule = JSON.parse(json) as Schedule;
  const problem = validateSchedule(schedule);
  if (problem) throw new Error(`A stored schedule is not valid: ${problem}`);
  return schedule;
}

export function versionFacts(versions: readonly VersionRow[]): VersionFacts[] {
  return versions.map((v) => ({
    id: v.id,
    from: iso(v.effective_from),
    createdAt: iso(v.created_at),
    schedule: parseSchedule(v.schedule_json),
    zone: v.zone,
  }));
}

export function spansOfLoaded(c: Loaded): VersionSpan[] {
  return spansOf(versionFacts(c.versions), c.row.ended_at === null ? null : iso(c.row.ended_at));
}

export const pausesOf = (c: Loaded) =>
  c.pauses.map((p) => ({ from: iso(p.from_at), until: p.until_at === null ? null : iso(p.until_at) }));

/** Loads versions and pauses for many commitments in two queries. */
export async function loadAll(deps: AppDeps, rows: readonly CommitmentRow[]): Promise<Loaded[]> {
  const ids = rows.map((r) => r.id);
  const [versions, pauses] = await Promise.all([listVersions(deps.db, ids), listPauses(deps.db, ids)]);
  return rows.map((row) => ({
    row,
    versions: versions.filter((v) => v.commitment_id === row.id),
    pauses: pauses.filter((p) => p.commitment_id === row.id),
  }));
}

/** The commitments of the space the actor shares now (none when solo), newest first. */
export async function spaceCommitments(deps: AppDeps, actor: Actor, limit: number = COMMITMENT_LIMITS.list) {
  if (actor.partnerId === null) return [];
  const rows = await listSpaceCommitments(deps.db, actor.spaceId, [actor.userId, actor.partnerId], limit);
  return rows.filter((r) => canSeeCommitment(actor, commitmentFacts(r)));
}

/**
 * The commitments the actor acts on (the access policy's "actor" side) in the space they share now,
 * not ended, newest first, at most `limit`, loaded (`onlyId`: just that one, if it still is). None
 * when solo. What the calendar feed and the reminders are about.
 */
export async function actingCommitments(deps: AppDeps, actor: Actor, limit: number, onlyId?: string): Promise<Loaded[]> {
  const partnerId = actor.partnerId;
  if (partnerId === null) return [];
  const rows = await listActingCommitments(deps.db, { ...actor, partnerId }, limit, onlyId);
  const mine = rows.filter((r) => decideCommitmentWrite(actor, commitmentFacts(r), 'actor') === 'allow');
  return loadAll(deps, mine);
}

/** Opens the words of each version (sealed under the actor's key); one map for many commitments. */
export async function openVersionWords(deps: AppDeps, versions: readonly VersionRow[]): Promise<Map<string, string>> {
  const words = new Map<string, string>();
  for (const v of versions) words.set(v.id, await deps.sealer.open(v.author_id, versionContext(v.id), v.what_sealed));
  return words;
}

/** The occurrence keys of one commitment already marked (done or missed), among these. */
export async function markedOccurrenceKeys(deps: AppDeps, commitmentId: string, keys: readonly string[]): Promise<Set<string>> {
  return markedKeys(deps.db, commitmentId, keys);
}

/** Where one of my own commitments stands now, for the rituals feature. */
export interface OwnCommitmentState {
  id: string;
  /** It has ended (from Act, or when its ritual was dropped). */
  ended: boolean;
  /** Not ended, and in the space I share now with the partner it is for: it can be changed or ended. */
  live: boolean;
  /** Its current schedule (the latest version). */
  schedule: Schedule;
  createdAt: string;
}

/** The state of these commitments, among the ones I act on (others' ids are left out), by id. */
export async function ownCommitmentStates(
  deps: AppDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, OwnCommitmentState>> {
  const rows = (await listOwnCommitments(deps.db, actor.userId, ids)).filter(
    (r) => decideCommitmentWrite(actor, commitmentFacts(r), 'actor') === 'allow',
  );
  const states = new Map<string, OwnCommitmentState>();
  for (const c of await loadAll(deps, rows)) {
    // Versions come ordered by when they take effect: the last is the one in force.
    const latest = c.versions[c.versions.length - 1];
    if (!latest) continue;
    const ended = c.row.ended_at !== null;
    states.set(c.row.id, {
      id: c.row.id,
      ended,
      live: !ended && c.row.space_id === actor.spaceId && actor.partnerId === c.row.receiver_id,
      schedule: parseSchedule(latest.schedule_json),
      createdAt: iso(c.row.created_at),
    });
  }
  return states;
}
