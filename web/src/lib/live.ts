import { effect, signal } from '@preact/signals';
import type { EventKind } from '../../../src/domain/event-kinds';
import { endpoints } from '../api/client';
import { me } from './session';

export type { EventKind };

/**
 * The one live connection of this tab: a server-sent event stream opened while someone is signed
 * in. Screens read `liveChanges` for the kinds they show and fetch again when one changes; events
 * carry ids and kinds only, never words. The browser reconnects by itself (with Last-Event-ID).
 */
export const liveChanges = signal<Partial<Record<EventKind, number>>>({});

/** Counts the stream's reconnections: the server ends a stream when what it may carry changed (a therapist's access ended). */
export const liveReconnects = signal(0);

let source: EventSource | null = null;

/** Kinds screens listen to; a screen adds its kinds with listenFor (or useResource's liveKinds). */
const KINDS: EventKind[] = ['space.changed', 'need.changed'];

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource(endpoints['events.stream'].path);
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) liveReconnects.value += 1;
    opened = true;
  });
  for (const kind of KINDS) attach(source, kind);
}

function attach(to: EventSource, kind: EventKind): void {
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
export function listenFor(kind: EventKind): void {
  if (KINDS.includes(kind)) return;
  KINDS.push(kind);
  if (source) attach(source, kind);
}

/** A number that changes whenever an event of one of these kinds arrives (read during render). */
export function liveVersion(kinds: readonly EventKind[]): number {
  const changes = liveChanges.value;
  return kinds.reduce((n, k) => n + (changes[k] ?? 0), 0);
}
