import type { Actor } from '../../domain/access-policy.js';
import { BoundedCache } from '../../shared/bounded-cache.js';
import type { Clock } from '../../shared/clock.js';
import type { HomeToday } from './today.schema.js';

interface KeptDay {
  spaceId: string;
  partnerId: string | null;
  /** The space's change count (migration 0025) read before any of the day's data. */
  generation: string;
  /** The day holds from the moment it was finished to the first instant time alone could change it. */
  validFrom: number;
  validUntil: number;
  answer: HomeToday;
}

/** How often days past their time are dropped, asked for or not. */
export const SWEEP_EVERY_MS = 60_000;

/**
 * Each person's computed home day, kept until something in it changes (decision 030): a write to
 * their space (the count in the database, so across processes and for every writer) or time reaching
 * an instant that changes it (src/domain/day-validity.ts). Per person: nobody is ever answered with
 * another person's day, and who is asking is still checked on every request before this is reached.
 * A day holds opened words, so none stays in memory past its time: a sweep each minute drops days
 * past their span (at most a quarter of an hour), whether or not anyone asks for them again.
 */
export class HomeDayCache {
  /** Null when none are kept (HOME_DAYS_KEPT=0): every day is computed. */
  private readonly days: BoundedCache<string, KeptDay> | null;
  /** Days answered from memory and days computed, since start (the bench reports them). */
  readonly counts = { kept: 0, computed: 0 };

  private readonly sweeper: NodeJS.Timeout | null;

  /** `maxPeople`: HOME_DAYS_KEPT (README, Configuration); a day is a few kilobytes. */
  constructor(
    maxPeople: number,
    private readonly clock: Clock,
  ) {
    this.days = maxPeople > 0 ? new BoundedCache(maxPeople) : null;
    // Unref'd: a sweep never keeps a process alive; close() stops it.
    this.sweeper = this.days ? setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref() : null;
  }

  /** Drops every day that no longer holds at this moment; answers how many went. */
  sweep(): number {
    const now = this.clock.now().getTime();
    return this.days?.deleteWhere((kept) => !(kept.validFrom <= now && now < kept.validUntil)) ?? 0;
  }

  /** A person erased, signed out of everything or otherwise gone: their day goes at once. */
  forget(userId: string): void {
    this.days?.delete(userId);
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.clear();
  }

  get size(): number {
    return this.days?.size ?? 0;
  }

  find(actor: Actor, generation: string, nowMs: number): HomeToday | undefined {
    const kept = this.days?.get(actor.userId);
    if (kept === undefined) return this.counted(undefined);
    const holds =
      kept.spaceId === actor.spaceId &&
      kept.partnerId === actor.partnerId &&
      kept.generation === generation &&
      kept.validFrom <= nowMs &&
      nowMs < kept.validUntil;
    // A day that no longer holds is dropped at once: its opened words are not kept in memory longer.
    if (!holds) this.days?.delete(actor.userId);
    return this.counted(holds ? kept.answer : undefined);
  }

  private counted(answer: HomeToday | undefined): HomeToday | undefined {
    if (answer === undefined) this.counts.computed += 1;
    else this.counts.kept += 1;
    return answer;
  }

  keep(actor: Actor, generation: string, validFrom: number, validUntil: number, answer: HomeToday): void {
    if (validUntil <= validFrom) return;
    this.days?.set(actor.userId, {
      spaceId: actor.spaceId,
      partnerId: actor.partnerId,
      generation,
      validFrom,
      validUntil,
      answer,
    });
  }

  clear(): void {
    this.days?.clear();
  }
}
