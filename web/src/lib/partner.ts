import { computed, effect, signal } from '@preact/signals';
import { api } from '../api/client';
import { liveChanges } from './live';
import { me } from './session';

/**
 * Whether my partner is in my space, for the main navigation ("Invite" is there only while they are
 * not). Fetched when a partner signs in, when my space changes (someone joined or left: a live
 * event) and when the tab comes back into view. null until known, for a therapist, or signed out.
 */
export const hasPartner = signal<boolean | null>(null);

let asked = 0;

async function refreshPartner(): Promise<void> {
  asked += 1;
  const mine = asked;
  try {
    const space = await api('spaces.get');
    if (mine === asked) hasPartner.value = space.partner !== null;
  } catch {
    // Signed out or offline: what was known stays until the next answer.
  }
}

let started = false;

/** Starts following; safe to call more than once. */
export function followPartner(): void {
  if (started) return;
  started = true;
  const changes = computed(() => liveChanges.value['space.changed'] ?? 0);
  effect(() => {
    void changes.value;
    if (me.value?.role === 'partner') void refreshPartner();
    else hasPartner.value = null;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && me.value?.role === 'partner') void refreshPartner();
  });
}
