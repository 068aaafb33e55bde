import { effect, signal } from '@preact/signals';
import { api } from '../api/client';
import { config, FALLBACK_QUICK_EXIT_URL } from './config';
import { me } from './session';

/**
 * Quick exit, and why it holds (decision 026). Leaving blanks the page and replaces this history
 * entry with a neutral page. Attune's screens are real history entries, so Back could reach one
 * of them again. Each Attune entry is stamped (history.state) with this browser's history epoch, a
 * random id in localStorage that every quick exit replaces: an Attune page whose entry was made
 * before the last quick exit (reached again by Back or Forward, reloaded, or shown from the
 * back/forward cache) shows nothing and leaves again at once, in whatever tab. Opening Attune on
 * purpose (a typed address, a bookmark) makes a new entry, and works as usual.
 *
 * Why not sessionStorage alone: Chromium gives a tab a copy of its sessionStorage when it moves to
 * another site and back (a new browsing instance, for the back/forward cache), so a mark written
 * by a later Attune page is missing in an earlier one. The tab's own mark is still kept, for
 * entries made before they were stamped.
 *
 * By default quick exit also signs this browser out (a choice kept on this device: Settings →
 * QuickExitSetting). The sign-out is sent as the page leaves; should it not arrive (offline), the
 * next start of Attune in this browser finishes it before anything is shown.
 */

const EXITED = 'attune.exited';
const EPOCH = 'attune.history-epoch';
const LEAVE_TO = 'attune.quick-exit.to';
const SIGN_OUT_OFF = 'attune.quick-exit.stay-signed-in';
const SIGN_OUT_PENDING = 'attune.quick-exit.sign-out-pending';

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function newEpoch(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's history epoch, made on first use; null when storage is blocked (nothing can be remembered). */
function currentEpoch(): string | null {
  const store = local();
  if (!store) return null;
  try {
    let epoch = store.getItem(EPOCH);
    if (!epoch) {
      epoch = newEpoch();
      store.setItem(EPOCH, epoch);
    }
    return epoch;
  } catch {
    return null;
  }
}

/** The epoch this history entry was made in, if the app stamped it. */
function entryEpoch(): string | undefined {
  const state: unknown = history.state;
  const epoch = typeof state === 'object' && state !== null ? (state as { attuneEpoch?: unknown }).attuneEpoch : undefined;
  return typeof epoch === 'string' ? epoch : undefined;
}

/** The state for a new or replaced Attune history entry: stamped with the current epoch. */
export function entryState(): { attuneEpoch: string } | null {
  const epoch = currentEpoch();
  return epoch ? { attuneEpoch: epoch } : null;
}

/** Whether this entry belongs to Attune as it was before the last quick exit. */
function fromBeforeAQuickExit(opened: boolean): boolean {
  const stamped = entryEpoch();
  if (stamped !== undefined) {
    const epoch = currentEpoch();
    return epoch !== null && stamped !== epoch;
  }
  // Not stamped (made by an earlier version, or stamp lost): the tab's own memory decides.
  return !opened && session()?.getItem(EXITED) != null;
}

/** Whether quick exit also signs this browser out: on unless turned off on this device. */
export const signOutOnQuickExit = signal(local()?.getItem(SIGN_OUT_OFF) !== '1');

export function setSignOutOnQuickExit(on: boolean): void {
  try {
    if (on) local()?.removeItem(SIGN_OUT_OFF);
    else local()?.setItem(SIGN_OUT_OFF, '1');
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  signOutOnQuickExit.value = on;
}

const isWebAddress = (url: string | null | undefined): url is string => !!url && /^https?:\/\//.test(url);

/** Where to leave for: the configured neutral page, remembered for a start that has not loaded it yet. */
function leaveTo(): string {
  const remembered = session()?.getItem(EXITED) ?? local()?.getItem(LEAVE_TO);
  return isWebAddress(remembered) ? remembered : config.value.quickExitUrl;
}

let left = false;

/**
 * True once this page has left by quick exit. A page can outlive its leaving for a moment (a
 * neutral page that does not load offline): it then does nothing more, and the outbox sends
 * nothing from it.
 */
export const hasLeft = (): boolean => left;

/** Nothing of Attune on screen, then the neutral page in place of this entry. */
function leave(url: string): void {
  left = true;
  document.title = 'Weather';
  document.body.replaceChildren();
  location.replace(url);
}

/** Leave at once for a neutral page, replacing this history entry so Back does not return here. */
export function quickExit(): void {
  const url = config.value.quickExitUrl;
  try {
    sessionStorage.clear();
    sessionStorage.setItem(EXITED, url);
    // A new epoch: every Attune entry made until now, in any tab, leaves if it comes back.
    local()?.setItem(EPOCH, newEpoch());
  } catch {
    // Storage may be unavailable; leaving matters more.
  }
  // The outbox key lives in this page's memory only (lib/outbox-seal.ts): it goes with the page.
  if (signOutOnQuickExit.value) {
    try {
      local()?.setItem(SIGN_OUT_PENDING, '1');
    } catch {
      // The sign-out below still goes.
    }
    // keepalive: the request is sent now and finishes even though the page is leaving.
    api('auth.logout', undefined, { keepalive: true }).catch(() => undefined);
  }
  leave(url);
}

/** How this page was reached: 'navigate' when opened on purpose, else by history or a reload. */
function navigationType(): string {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) return nav.type;
  // Older browsers: 0 is a plain navigation.
  return (performance as unknown as { navigation?: { type: number } }).navigation?.type === 0 ? 'navigate' : 'other';
}

/**
 * True when this page is an Attune entry from before the last quick exit (reached again by Back or
 * Forward, or reloaded): it has left again, and the app must not start. Otherwise its entry is
 * stamped with the current epoch.
 */
export function leftAgainAfterQuickExit(): boolean {
  const opened = navigationType() === 'navigate';
  try {
    if (!fromBeforeAQuickExit(opened)) {
      // Opened on purpose, or made since: Attune works in this tab.
      if (opened) session()?.removeItem(EXITED);
      const state = entryState();
      if (state && entryEpoch() === undefined) history.replaceState({ ...(history.state ?? {}), ...state }, '');
      return false;
    }
  } catch {
    return false;
  }
  leave(leaveTo());
  return true;
}

/**
 * Keeps quick exit holding while the app runs: a page brought back from the back/forward cache
 * after a quick exit leaves again, and another tab's quick exit (which signed this browser out)
 * takes this tab away too.
 */
export function installQuickExitGuard(): void {
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && fromBeforeAQuickExit(false)) leave(leaveTo());
  });
  // Remembered so that a page leaving again at its start, before the configuration loads, goes there.
  effect(() => {
    const url = config.value.quickExitUrl;
    try {
      if (isWebAddress(url) && url !== FALLBACK_QUICK_EXIT_URL) local()?.setItem(LEAVE_TO, url);
    } catch {
      // Storage blocked: the default neutral page then.
    }
  });
  window.addEventListener('storage', (event) => {
    if (event.key === SIGN_OUT_PENDING && event.newValue !== null) {
      try {
        sessionStorage.clear();
        sessionStorage.setItem(EXITED, config.value.quickExitUrl);
      } catch {
        // Leaving matters more.
      }
      leave(config.value.quickExitUrl);
    }
  });
  // Someone signed in on purpose after a quick exit whose sign-out never arrived (the app counted
  // this browser as signed out meanwhile): nothing is left to finish.
  effect(() => {
    if (me.value) local()?.removeItem(SIGN_OUT_PENDING);
  });
}

/**
 * At start: finishes a sign-out a quick exit began. Answers whether the app may ask who is signed
 * in; false means this browser counts as signed out (the sign-out could not be sent yet, and the
 * session it would end must not be used).
 */
export async function finishQuickExitSignOut(): Promise<boolean> {
  if (local()?.getItem(SIGN_OUT_PENDING) !== '1') return true;
  try {
    await api('auth.logout');
    local()?.removeItem(SIGN_OUT_PENDING);
  } catch {
    // Offline: it stays pending, and is tried again at the next start.
  }
  return false;
}

/** Pressing Escape twice within about a second also leaves, from anywhere in the app. */
export function installQuickExitKeys(windowMs = 1000): void {
  let last = Number.NEGATIVE_INFINITY;
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.repeat) return;
      const now = performance.now();
      if (now - last <= windowMs) quickExit();
      else last = now;
    },
    true,
  );
}
