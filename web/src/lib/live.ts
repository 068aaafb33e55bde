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
const KINDS = ['space.changed', 'need.changed'];

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/events');
  for (const kind of KINDS) attach(source, kind);
}

function attach(to: EventSource, kind: string): void {
  to.addEventListener(kind, () => {
    liveChanges.value = { ...liveChanges.value, [kind]: (liveChanges.value[kind] ?? 0) + 1 };
  });
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

/** A screen that shows a kind of change asks for it; works before or after the stream opened. */
export function listenFor(kind: string): void {
  if (KINDS.includes(kind)) return;
  KINDS.push(kind);
  if (source) attach(source, kind);
}
