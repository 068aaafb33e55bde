import type { Hono } from 'hono';
import type { AppDeps } from './deps.js';
import { signedInUser } from './features/auth/session.service.js';
import { createHttpApp } from './http/app.js';
import { routeTable } from './routes.js';

export interface AppOptions {
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string;
}

/**
 * The composition root of the HTTP side: Attune's route table and the auth feature's way of
 * resolving a request's session, handed to the http layer, which imports no feature.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono {
  return createHttpApp(deps, { routes: routeTable, resolveUser: signedInUser, ...options });
}
