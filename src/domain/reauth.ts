// Re-entering the password (decision 022). A session carries two stamps:
// - `reauth_at` opens the private places (For me, "Is it working?"). It is set when the session begins
//   and by an explicit re-authentication, and each use of a private place slides it forward; after
//   15 minutes without such a use the password is asked for again.
// - `fresh_reauth_at` is set only by an explicit re-authentication and holds for 5 minutes, never slid:
//   for sensitive actions (export, deletion, a new password).
// Pure: no I/O, no clock reads (`now` is given).

export const REAUTH_IDLE_MS = 15 * 60_000;
export const FRESH_REAUTH_MS = 5 * 60_000;

/**
 * Whether a stamp made at `at` still holds at `now` for a window of `windowMs`: it was made, it is not
 * in the future (a clock that went backwards asks again rather than trusting a stamp it cannot place),
 * and at most `windowMs` ago (exactly `windowMs` still holds). Both are ISO instants; a stamp that is
 * not one does not hold.
 */
function stampHolds(at: string | null, now: string, windowMs: number): boolean {
  if (at === null) return false;
  const atMs = Date.parse(at);
  const nowMs = Date.parse(now);
  if (!Number.isFinite(atMs) || !Number.isFinite(nowMs)) return false;
  const age = nowMs - atMs;
  return age >= 0 && age <= windowMs;
}

/** Whether the private places are open on a session whose `reauth_at` is this (15 idle minutes). */
export function reauthHolds(reauthAt: string | null, now: string): boolean {
  return stampHolds(reauthAt, now, REAUTH_IDLE_MS);
}

/** Whether a session's last explicit re-authentication is fresh enough for a sensitive action (5 minutes). */
export function freshReauthHolds(freshReauthAt: string | null, now: string): boolean {
  return stampHolds(freshReauthAt, now, FRESH_REAUTH_MS);
}
