import { effect, signal } from '@preact/signals';
import { me } from './session';

/**
 * The one live connection of this tab: a server-sent event stream opened while someone is signed
 * in. Screens read `liveChanges` for the kinds they show and fetch again when one changes; events
 * carry ids and kinds only, never words. The browser reconnects by itself (with Last-Event-ID).
 */
export const liveChanges = signal<Record<string, number>>({});

let source: EventSource | null = null;

/** Kinds screens listen to; a new feature adds its kinds here. */
const KINDS = ['space.changed'];

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/events');
  for (const kind of KINDS) {
    source.addEventListener(kind, () => {
      liveChanges.value = { ...liveChanges.value, [kind]: (liveChanges.value[kind] ?? 0) + 1 };
    });
  }
}

function close(): void {
  source?.close();
  source = null;
}

export function startLiveUpdates(): void {
  effect(() => {
    if (me.value) open();
    else close();
  });
}

export function listenFor(kind: string): void {
  if (!KINDS.includes(kind)) KINDS.push(kind);
}
