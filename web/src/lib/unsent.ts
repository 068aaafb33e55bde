import { useState } from 'preact/hooks';

// Words a person has typed but not yet sent (a conversation turn, a takeaway, a prepared statement
// not yet saved). They are kept in this tab's sessionStorage only, so a reload does not lose them,
// and they never outlive the tab: sessionStorage is cleared by the browser when the tab closes, and
// `forgetUnsentText()` removes them at once on sign-out and quick exit. Nothing here goes to
// localStorage, where private words could stay on a shared device.

const PREFIX = 'attune.unsent.';

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Storage can be blocked; then typing is simply not kept across a reload.
  }
}

/** Keeps `text` under `key` for this tab; an empty text removes it. */
export function keepUnsent(key: string, text: string): void {
  const s = store();
  if (!s) return;
  try {
    if (text === '') s.removeItem(PREFIX + key);
    else s.setItem(PREFIX + key, text);
  } catch {
    // A full storage must not stop the person typing.
  }
}

/** What was kept under `key`, or null. */
export function readUnsent(key: string): string | null {
  return store()?.getItem(PREFIX + key) ?? null;
}

/** Forgets what was kept under `key` (after it has been sent or saved). */
export function clearUnsent(key: string): void {
  store()?.removeItem(PREFIX + key);
}

/** Forgets every unsent word kept on this device: call on sign-out, on an ended session and on quick exit. */
export function forgetUnsentText(): void {
  const s = store();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i += 1) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) s.removeItem(k);
}

/**
 * A text box's value kept across a reload in this tab: starts from what was kept under `key`, keeps
 * each change at once, and `sent()` forgets it once the words have gone to the server.
 */
export function useUnsentText(key: string): [string, (text: string) => void, () => void] {
  const [text, setText] = useState(() => readUnsent(key) ?? '');
  const change = (next: string) => {
    setText(next);
    keepUnsent(key, next);
  };
  const sent = () => {
    clearUnsent(key);
    setText('');
  };
  return [text, change, sent];
}
