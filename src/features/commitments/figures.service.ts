import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../domain/access-policy.js';
import { COMMITMENT_LIMITS } from '../../domain/commitments.js';
import { figuresOf, type Occurrence } from '../../domain/follow-through.js';
import { type Loaded, loadAll, openVersionWords, spaceCommitments } from './commitments.read.js';
import type { FiguresView } from './log.schema.js';
import { counted, type DayWindow, type Found, noticedOfFound, occurrencesOf, windowOf } from './occurrences.js';

// Figures for any window (at most 366 days): follow-through (what the actor did), felt-rate (what
// the receiver noticed) and the gap between them, per commitment and overall, split by who acted.
// An occurrence counts once its due time has passed, or as soon as it is marked; paused ones never.
// Commitments are never private, so both partners see the same figures from their own side.

const asOccurrence = (f: Found): Occurrence => ({
  due: f.o.due,
  done: f.mark ? f.mark.status === 'done' : null,
  noticed: noticedOfFound(f),
  paused: f.paused,
});

/**
 * Figures over a window from occurrences already read (any superset of the window: only the
 * window's days are counted). The home screen reads one window for "today" and the figures.
 */
export async function figuresFromFound(
  deps: AppDeps,
  actor: Actor,
  loaded: readonly Loaded[],
  all: readonly Found[],
  w: DayWindow,
): Promise<FiguresView> {
  const now = deps.clock.now().toISOString();
  const found = all.filter((f) => f.o.localDate >= w.first && f.o.localDate <= w.last && counted(f, now));
  const byCommitment = new Map<string, Occurrence[]>();
  for (const f of found) {
    const list = byCommitment.get(f.c.row.id) ?? [];
    list.push(asOccurrence(f));
    byCommitment.set(f.c.row.id, list);
  }
  const latestVersions = loaded.map((c) => c.versions[c.versions.length - 1]).filter((v) => v !== undefined);
  const words = await openVersionWords(deps, latestVersions);
  return {
    from: w.first,
    to: w.last,
    mine: figuresOf(found.filter((f) => f.c.row.author_id === actor.userId).map(asOccurrence)),
    partners: figuresOf(found.filter((f) => f.c.row.author_id !== actor.userId).map(asOccurrence)),
    commitments: loaded.map((c) => ({
      id: c.row.id,
      what: words.get(c.versions[c.versions.length - 1]?.id ?? '') ?? '',
      actorIsMe: c.row.author_id === actor.userId,
      figures: figuresOf(byCommitment.get(c.row.id) ?? []),
    })),
  };
}

/**
 * Only the two sides' figures (mine, my partner's) over a window, from occurrences already read (any
 * superset of the window), with no words opened: the home screen's "this week".
 */
export function sidesFromFound(
  actor: Actor,
  all: readonly Found[],
  w: DayWindow,
  now: Date,
): Pick<FiguresView, 'mine' | 'partners'> {
  const nowIso = now.toISOString();
  const found = all.filter((f) => f.o.localDate >= w.first && f.o.localDate <= w.last && counted(f, nowIso));
  return {
    mine: figuresOf(found.filter((f) => f.c.row.author_id === actor.userId).map(asOccurrence)),
    partners: figuresOf(found.filter((f) => f.c.row.author_id !== actor.userId).map(asOccurrence)),
  };
}

/** Figures over a window for commitments already loaded. */
export async function figuresOfFound(deps: AppDeps, actor: Actor, loaded: readonly Loaded[], w: DayWindow): Promise<FiguresView> {
  return figuresFromFound(deps, actor, loaded, await occurrencesOf(deps, loaded, w), w);
}

export async function figuresFor(
  deps: AppDeps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<FiguresView> {
  const w = await windowOf(deps, actor, query, COMMITMENT_LIMITS.figuresWindowDays, COMMITMENT_LIMITS.recentFiguresDays);
  const loaded = await loadAll(deps, await spaceCommitments(deps, actor));
  return figuresOfFound(deps, actor, loaded, w);
}
