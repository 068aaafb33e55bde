// Re-entering the password for a sensitive private place ("Is it working?"). A session that has
// re-entered the password stays open for that place while it keeps being used: each visit slides the
// stamp forward, and after 15 minutes without one the password is asked for again. Pure: no I/O, no
// clock reads (`now` is given).

export const REAUTH_IDLE_MS = 15 * 60_000;

/**
 * Whether a session's re-authentication still holds at `now`: it was stamped, not in the future
 * (a clock that went backwards asks again rather than trusting a stamp it cannot place), and at most
 * 15 minutes ago (exactly 15 minutes still holds). Both are ISO instants; a stamp that is not one
 * does not hold.
 */
export function reauthHolds(reauthAt: string | null, now: string): boolean {
  if (reauthAt === null) return false;
  const at = Date.parse(reauthAt);
  const nowMs = Date.parse(now);
  if (!Number.isFinite(at) || !Number.isFinite(nowMs)) return false;
  const idle = nowMs - at;
  return idle >= 0 && idle <= REAUTH_IDLE_MS;
}
