import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { FormAlert } from '../../components/form';
import { Loading } from '../../components/lazy';
import { type Resource, type ResourceOptions, useResource } from '../../lib/use-resource';

// One view of a couple, as a therapist opens it. Every request is decided afresh on the server: when
// the couple's access has ended or the view was taken away, it answers 404, and the page says so.

export interface PanelProps {
  /** The access id: the couple, as this therapist knows them. */
  id: string;
  /** Called when the server answers that this view is not (or no longer) open to this therapist. */
  onGone: () => void;
}

const isGone = (err: unknown) => err instanceof ApiError && err.status === 404;

/** Loads a view; a 404 tells the page (once per failure) instead of showing an error. */
export function usePanel<T>(load: () => Promise<T>, onGone: () => void, options: ResourceOptions = {}): Resource<T> {
  const resource = useResource(load, { refetchOnVisible: true, ...options });
  const gone = isGone(resource.error);
  useEffect(() => {
    if (gone) onGone();
  }, [gone]);
  return resource;
}

/** What a view shows while it loads, when it failed, and once it is there. */
export function PanelBody<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ComponentChildren }) {
  if (isGone(resource.error)) return <Loading />;
  if (resource.data) return <>{children(resource.data)}</>;
  if (resource.failed) {
    const message =
      resource.error instanceof ApiError && resource.error.status !== 0
        ? resource.error.message
        : 'This page could not load. Please check your connection and try again.';
    return <FormAlert message={message} />;
  }
  return <Loading />;
}
