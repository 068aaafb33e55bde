import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { type EventKind, listenFor, liveVersion } from './live';
import { outboxFlushed } from './outbox-state';
import { signedOut } from './session';

export interface ResourceOptions {
  /** Fetch again when a live event of one of these kinds arrives (events carry no words). */
  liveKinds?: readonly EventKind[];
  /** Fetch again when the tab comes back into view: for what publishes no event (private things). */
  refetchOnVisible?: boolean;
  /** Fetch again when writes kept offline have gone through. */
  afterOutbox?: boolean;
  /** Fetch again when one of these values changes (a window of days, an id from the path). */
  key?: readonly unknown[];
}

export interface Resource<T> {
  /** The latest answer; kept while a later fetch runs or fails, so a screen never blanks. */
  data: T | null;
  /** True when the last fetch failed and there is nothing to show. */
  failed: boolean;
  /** Why the last fetch failed (null once one succeeds), for a screen that says more than "could not load". */
  error: unknown;
  reload: () => Promise<void>;
  /** Puts an answer in place at once (a write that answered with the new state). */
  set: (data: T) => void;
}

/**
 * One screen's data: loads it, loads it again when what it shows may have changed (live events,
 * the tab coming back, the offline outbox), sends a signed-out person to sign in, and ignores an
 * answer that arrives after a newer one was asked for.
 */
export function useResource<T>(load: () => Promise<T>, options: ResourceOptions = {}): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = async () => {
    latest.current += 1;
    const mine = latest.current;
    try {
      const answer = await loadRef.current();
      if (mine !== latest.current) return;
      setData(answer);
      setError(null);
    } catch (err) {
      if (mine !== latest.current) return;
      if (err instanceof ApiError && err.status === 401) signedOut();
      else setError(err ?? new Error('failed'));
    }
  };

  const kinds = options.liveKinds ?? [];
  for (const kind of kinds) listenFor(kind);
  const version = liveVersion(kinds) + (options.afterOutbox ? outboxFlushed.value : 0);

  // reload reads the latest load through a ref, so only these values decide when to fetch again.
  useEffect(() => {
    void reload();
  }, [version, ...(options.key ?? [])]);

  useEffect(() => {
    if (!options.refetchOnVisible) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [options.refetchOnVisible]);

  return {
    data,
    failed: error !== null && data === null,
    error,
    reload,
    set: (next: T) => {
      latest.current += 1;
      setData(next);
      setError(null);
    },
  };
}
