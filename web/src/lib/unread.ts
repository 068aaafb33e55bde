import { computed, effect, signal } from '@preact/signals';
import { NOTIFICATION_CHANGED, NOTIFICATION_CREATED } from '../../../src/domain/notifications';
import { ApiError, api } from '../api/client';
import { listenFor, liveChanges } from './live';
import { me, signedOut } from './session';

/**
 * How many notifications wait unread in my centre, for the main navigation. Fetched when someone
 * signs in, when my centre changes (an event only my own tabs hear), when my space changes, and
 * when the tab comes back into view. null until known (or signed out).
 */
export const unreadCount = signal<number | null>(null);

listenFor(NOTIFICATION_CREATED);
listenFor(NOTIFICATION_CHANGED);

let inFlight = false;
let again = false;

export async function refreshUnread(): Promise<void> {
  if (!me.value) {
    unreadCount.value = null;
    return;
  }
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  try {
    unreadCount.value = (await api('notifications.list')).unreadCount;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signedOut();
  } finally {
    inFlight = false;
    if (again) {
      again = false;
      void refreshUnread();
    }
  }
}

let started = false;

/** Starts following the count; safe to call more than once. */
export function followUnread(): void {
  if (started) return;
  started = true;
  // Only my centre's own kinds (and a change of space) fetch again, not every live event.
  const changes = computed(() => {
    const c = liveChanges.value;
    return (c[NOTIFICATION_CREATED] ?? 0) + (c[NOTIFICATION_CHANGED] ?? 0) + (c['space.changed'] ?? 0);
  });
  effect(() => {
    void changes.value;
    if (me.value) void refreshUnread();
    else unreadCount.value = null;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshUnread();
  });
}
