import { config } from './config';

/** Leave at once for a neutral page, replacing this history entry so Back does not return here. */
export function quickExit(): void {
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable; leaving matters more.
  }
  document.title = 'Weather';
  document.body.replaceChildren();
  location.replace(config.value.quickExitUrl);
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
