import { effect, signal } from '@preact/signals';
import { api } from '../api/client';
import { config } from './config';
import { me } from './session';

/**
 * Quick exit, and why it holds (decision 026). Leaving blanks the page and replaces this history
 * entry with a neutral page. Attune's screens are real history entries, so Back could reach one
 * of them again: the tab remembers that it left (sessionStorage, this tab only) and, when an
 * Attune page comes back by Back or Forward, freshly loaded or from the back/forward cache, it
 * shows nothing and leaves again at once. Opening Attune on purpose (a typed address, a bookmark)
 * is a new navigation, and works as usual.
 *
 * By default quick exit also signs this browser out (a choice kept on this device: Settings →
 * QuickExitSetting). The sign-out is sent as the page leaves; should it not arrive (offline), the
 * next start of Attune in this browser finishes it before anything is shown.
 */

const EXITED = 'attune.exited';
const SIGN_OUT_OFF = 'attune.quick-exit.stay-signed-in';
const SIGN_OUT_PENDING = 'attune.quick-exit.sign-out-pending';

function local(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
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

const neutral = (url: string | null) => (url && /^https?:\/\//.test(url) ? url : config.value.quickExitUrl);

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
 * True when this page is an Attune entry reached again by Back or Forward (or a reload of one)
 * after a quick exit in this tab: it has left again, and the app must not start.
 */
export function leftAgainAfterQuickExit(): boolean {
  let url: string | null = null;
  try {
    url = sessionStorage.getItem(EXITED);
    if (url === null) return false;
    if (navigationType() === 'navigate') {
      // Opened on purpose: Attune works again in this tab.
      sessionStorage.removeItem(EXITED);
      return false;
    }
  } catch {
    return false;
  }
  leave(neutral(url));
  return true;
}

/**
 * Keeps quick exit holding while the app runs: a page brought back from the back/forward cache
 * after a quick exit leaves again, and another tab's quick exit (which signed this browser out)
 * takes this tab away too.
 */
export function installQuickExitGuard(): void {
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    let url: string | null = null;
    try {
      url = sessionStorage.getItem(EXITED);
    } catch {
      // No storage: nothing was remembered.
    }
    if (url !== null) leave(neutral(url));
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
