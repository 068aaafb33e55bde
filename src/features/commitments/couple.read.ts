import type { AppDeps } from '../../deps.js';
import { COMMITMENT_LIMITS, commitmentState } from '../../domain/commitments.js';
import { type Couple, isCoupleItem } from '../../domain/couple-items.js';
import { type Figures, figuresOf, type Occurrence } from '../../domain/follow-through.js';
import { describeSchedule } from '../../domain/schedule.js';
import { fromDbTime } from '../../shared/time.js';
import { type Loaded, loadAll, openVersionWords, parseSchedule, pausesOf, spansOfLoaded } from './commitments.read.js';
import { listSpaceCommitments } from './commitments.repo.js';
import { counted, type DayWindow, type Found, noteContext, noticedOfFound, occurrencesOf } from './occurrences.js';

// What a reader from outside the couple (their therapist, their summary) may read of Act: the
// commitments of the couple's space (never private: both partners see them), whichever partner acts,
// with both sides of their log for a window of local days, and the occurrences that count in figures.
// Every row is checked as a couple item (domain/couple-items.ts). Windows are bounded by the callers
// (at most COMMITMENT_LIMITS.figuresWindowDays), so a read costs the same whatever the history.

const iso = (value: string) => fromDbTime(value).toISOString();

/** The couple's commitments, loaded, newest first (at most COMMITMENT_LIMITS.list). */
async function coupleLoaded(deps: AppDeps, couple: Couple): Promise<Loaded[]> {
  if (couple.memberIds.length !== 2) return [];
  const rows = await listSpaceCommitments(deps.db, couple.spaceId, couple.memberIds, COMMITMENT_LIMITS.list);
  const shared = rows.filter(
    (r) =>
      couple.memberIds.includes(r.receiver_id) &&
      isCoupleItem(couple, { authorId: r.author_id, spaceId: r.space_id, visibility: r.visibility }),
  );
  return loadAll(deps, shared);
}

/** One side of the log is a couple item of its author's (the actor's mark, the receiver's acknowledgement). */
const sideSeen = (couple: Couple, side: { author_id: string; space_id: string } | undefined) =>
  side !== undefined && isCoupleItem(couple, { authorId: side.author_id, spaceId: side.space_id, visibility: 'couple' });

/** An occurrence as figures count it; a side that is not a couple item counts as not given, like an absent one. */
const asOccurrence = (couple: Couple, f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark && sideSeen(couple, f.mark) ? f.mark.status === 'done' : null,
  noticed:
    f.ack && sideSeen(couple, f.ack) ? noticedOfFound({ ack: f.ack, mark: sideSeen(couple, f.mark) ? f.mark : undefined }) : null,
  paused: f.paused,
});

export interface CoupleLogEntry {
  key: string;
  /** The actor's local day it belongs to. */
  localDate: string;
  due: string;
  paused: boolean;
  /** Counted in figures: not paused, and due by now or already marked. */
  counted: boolean;
  mark: { status: 'done' | 'missed'; doneOn: string | null; note: string | null; markedAt: string } | null;
  ack: { noticed: boolean; helped: number | null; ackedAt: string } | null;
}

export interface CoupleCommitment {
  id: string;
  agreementId: string | null;
  /** The one who acts, and the one it is for. */
  authorId: string;
  receiverId: string;
  state: 'upcoming' | 'active' | 'paused' | 'ended';
  what: string;
  described: string;
  zone: string;
  startsOn: string;
  createdAt: string;
  endedAt: string | null;
  versions: { from: string; what: string; described: string }[];
  pauses: { from: string; until: string | null }[];
  /** Over the window's counted occurrences. */
  figures: Figures;
  /** The window's occurrences already due, or marked or acknowledged, oldest first. */
  log: CoupleLogEntry[];
}

/** The couple's commitments with both sides of their log on the local days of the window. */
export async function coupleCommitments(deps: AppDeps, couple: Couple, window: DayWindow): Promise<CoupleCommitment[]> {
  const loaded = await coupleLoaded(deps, couple);
  const found = await occurrencesOf(deps, loaded, window);
  const words = await openVersionWords(
    deps,
    loaded.flatMap((c) => c.versions),
  );
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const result: CoupleCommitment[] = [];
  for (const c of loaded) {
    const latest = c.versions[c.versions.length - 1];
    if (!latest) continue;
    const mine = found.filter((f) => f.c.row.id === c.row.id);
    const log: CoupleLogEntry[] = [];
    for (const f of mine) {
      const mark = sideSeen(couple, f.mark) ? f.mark : undefined;
      const ack = sideSeen(couple, f.ack) ? f.ack : undefined;
      if (!mark && !ack && Date.parse(f.o.due) > now.getTime()) continue;
      log.push({
        key: f.o.key,
        localDate: f.o.localDate,
        due: f.o.due,
        paused: f.paused,
        counted: counted(f, nowIso),
        mark: mark
          ? {
              status: mark.status,
              doneOn: mark.done_on,
              note:
                mark.note_sealed === null
                  ? null
                  : await deps.sealer.open(mark.author_id, noteContext(c.row.id, f.o.key), mark.note_sealed),
              markedAt: iso(mark.marked_at),
            }
          : null,
        ack: ack ? { noticed: ack.noticed === 1, helped: ack.helped, ackedAt: iso(ack.acked_at) } : null,
      });
    }
    const schedule = parseSchedule(latest.schedule_json);
    const endedAt = c.row.ended_at === null ? null : iso(c.row.ended_at);
    result.push({
      id: c.row.id,
      agreementId: c.row.agreement_id,
      authorId: c.row.author_id,
      receiverId: c.row.receiver_id,
      state: commitmentState({ startsAt: spansOfLoaded(c)[0]?.from ?? null, endedAt, pauses: pausesOf(c), now: nowIso }),
      what: words.get(latest.id) ?? '',
      described: describeSchedule(schedule),
      zone: latest.zone,
      startsOn: c.row.starts_on,
      createdAt: iso(c.row.created_at),
      endedAt,
      versions: c.versions.map((v) => ({
        from: iso(v.effective_from),
        what: words.get(v.id) ?? '',
        described: describeSchedule(parseSchedule(v.schedule_json)),
      })),
      pauses: pausesOf(c),
      figures: figuresOf(mine.filter((f) => counted(f, nowIso)).map((f) => asOccurrence(couple, f))),
      log,
    });
  }
  return result;
}

export interface CoupleCountedOccurrence {
  commitmentId: string;
  agreementId: string | null;
  /** The one who acts. */
  authorId: string;
  /** The actor's local day it belongs to. */
  localDate: string;
  occurrence: Occurrence;
}

/**
 * The occurrences that count in figures on the local days of the window (not paused; due by now or
 * already marked), with the commitments they belong to: what follow-through and felt-rate are made of.
 */
export async function coupleCountedOccurrences(
  deps: AppDeps,
  couple: Couple,
  window: DayWindow,
): Promise<{ commitments: { id: string; agreementId: string | null; authorId: string }[]; counted: CoupleCountedOccurrence[] }> {
  const loaded = await coupleLoaded(deps, couple);
  const nowIso = deps.clock.now().toISOString();
  const found = (await occurrencesOf(deps, loaded, window)).filter((f) => counted(f, nowIso));
  return {
    commitments: loaded.map((c) => ({ id: c.row.id, agreementId: c.row.agreement_id, authorId: c.row.author_id })),
    counted: found.map((f) => ({
      commitmentId: f.c.row.id,
      agreementId: f.c.row.agreement_id,
      authorId: f.c.row.author_id,
      localDate: f.o.localDate,
      occurrence: asOccurrence(couple, f),
    })),
  };
}
