import { signal } from '@preact/signals';
import { API_ROOT } from '../api/client';

/**
 * A tiny router over location.pathname. Every in-app move uses history.replaceState, never
 * pushState: the app only ever holds one history entry, so after a quick exit the Back button
 * cannot lead back into it.
 */
export const currentPath = signal(location.pathname);
export const currentSearch = signal(location.search);

let focusPending = false;

export function navigate(to: string): void {
  const url = new URL(to, location.href);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  focusPending = true;
  currentSearch.value = url.search;
  currentPath.value = url.pathname;
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

export function interceptLinks(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || !isInAppLink(a)) return;
    event.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  });
}
