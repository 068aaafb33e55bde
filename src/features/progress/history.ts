import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import type { DailyValue } from '../../domain/progress.js';
import { isoWeekKey } from '../../domain/pulse.js';
import { type LocalDate, localDateOf } from '../../domain/zoned-time.js';
import { timeZoneOf } from '../auth/users.read.js';
import { ownCheckinScores } from '../checkins/checkins.read.js';
import { type Loaded, loadAll, spaceCommitments } from '../commitments/commitments.read.js';
import { type Found, occurrencesOf } from '../commitments/occurrences.js';
import { type PulseScore, pulseScoresOf } from '../pulse/pulse.read.js';

// What Patience reads, always for a window of local days ending today (at most 52 weeks, checked by
// the callers): my own pulse scores, my own check-ins, and the occurrences of the commitments of the
// space I share now with both sides of the log. Nothing here reads a partner's private things: the
// pulses and check-ins are mine alone (whatever their visibility), and commitments are couple items.

export interface Now {
  now: Date;
  zone: string;
  today: LocalDate;
}

export async function nowFor(deps: AppDeps, actor: Actor): Promise<Now> {
  const now = deps.clock.now();
  const zone = await timeZoneOf(deps.db, actor.userId);
  return { now, zone, today: localDateOf(now, zone) };
}

export interface MyCheckins {
  connected: DailyValue[];
  heard: DailyValue[];
}

/** My pulse scores for the ISO weeks holding `first` .. `last` (mine, private or shared). */
export async function myPulses(deps: AppDeps, actor: Actor, first: LocalDate, last: LocalDate): Promise<PulseScore[]> {
  return pulseScoresOf(deps.db, actor.userId, isoWeekKey(first), isoWeekKey(last));
}

/** My own check-ins (every visibility, every space) on the local days first..last. */
export async function myCheckins(deps: AppDeps, actor: Actor, first: LocalDate, last: LocalDate): Promise<MyCheckins> {
  const mine = await ownCheckinScores(deps.db, actor, { from: first, to: last });
  return {
    connected: mine.map((r) => ({ date: r.date, value: r.connected })),
    heard: mine.map((r) => ({ date: r.date, value: r.heard })),
  };
}

export interface Occurrences {
  loaded: Loaded[];
  found: Found[];
}

/** Occurrences on the local days first..last of the commitments of the space I share now that `keep` selects. */
export async function spaceOccurrences(
  deps: AppDeps,
  actor: Actor,
  first: LocalDate,
  last: LocalDate,
  keep: (c: Loaded['row']) => boolean,
): Promise<Occurrences> {
  const rows = (await spaceCommitments(deps, actor)).filter(keep);
  if (rows.length === 0) return { loaded: [], found: [] };
  const loaded = await loadAll(deps, rows);
  return { loaded, found: await occurrencesOf(deps, loaded, { first, last }) };
}
