import { signal } from '@preact/signals';
import { API_ROOT } from '../api/client';
import { entryState } from './quick-exit';

/**
 * A tiny router over location.pathname. Each move to another screen is a real history entry
 * (pushState), so Back and Forward go between Attune's screens as people expect, and a reload keeps
 * the screen. A redirect (signed out → sign in, signed in → home) replaces the entry instead, so
 * Back never lands on the address that redirected and loops. What keeps Attune from showing again
 * after a quick exit, whatever the history holds, is lib/quick-exit.ts (decision 026).
 */
export const currentPath = signal(location.pathname);
export const currentSearch = signal(location.search);

let focusPending = false;

export interface NavigateOptions {
  /** Replace this history entry instead of adding one: for redirects, which Back must skip. */
  replace?: boolean;
}

function show(path: string, search: string): void {
  focusPending = true;
  currentSearch.value = search;
  currentPath.value = path;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  const url = new URL(to, location.href);
  const target = url.pathname + url.search + url.hash;
  // The same address again adds nothing for Back to step through. Each entry carries quick exit's
  // stamp (lib/quick-exit.ts); a replaced entry keeps the one it had.
  if (options.replace || target === location.pathname + location.search + location.hash)
    history.replaceState(history.state ?? entryState(), '', target);
  else history.pushState(entryState(), '', target);
  show(url.pathname, url.search);
  window.scrollTo(0, 0);
}

/** True once after an in-app navigation: the next screen's heading takes focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(currentSearch.value).get(name);
}

function isInAppLink(a: HTMLAnchorElement): boolean {
  if (a.target && a.target !== '_self') return false;
  if (a.hasAttribute('download') || a.origin !== location.origin) return false;
  if (a.pathname.startsWith(API_ROOT) || a.pathname === '/healthz') return false;
  // Same-page anchors (such as the skip link) keep their normal behaviour.
  return !(a.pathname === location.pathname && a.search === location.search && a.hash);
}

/** In-app links move without a page load; Back and Forward show the screen of their entry. */
export function startRouter(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || !isInAppLink(a)) return;
    event.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  });
  window.addEventListener('popstate', () => {
    if (location.pathname !== currentPath.value || location.search !== currentSearch.value)
      show(location.pathname, location.search);
  });
}
