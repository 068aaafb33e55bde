import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Loads a screen's code only when it is first shown, keeping the first screen small. */
export function lazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let Loaded: ComponentType<P> | null = null;
  let promise: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      promise ??= load().then((m) => (Loaded = m.default));
      promise.then(
        () => setReady((n) => n + 1),
        () => {
          promise = null;
          setFailed(true);
        },
      );
    }, []);
    if (Loaded) return <Loaded {...props} />;
    if (failed) return <p role="alert">This part of Attune could not load. Please check your connection and try again.</p>;
    return <Loading />;
  };
}

export function Loading() {
  return (
    <p class="loading" role="status">
      Loading…
    </p>
  );
}
