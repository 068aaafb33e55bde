import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';
import { isStorageFull, noteStorageFull, storageRecentlyFull } from '../platform/storage-health.js';
import { OffsetClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { MAX_BODY_BYTES, type ResolveUser, registerRoute, tooLarge } from './register.js';
import type { AnyRoute } from './route.js';
import { csrfGuard, securityHeaders } from './security.js';
import { serveWebApp } from './static.js';
import { registerTestClock } from './test-clock.js';

export interface HttpAppOptions {
  /** Every /api/v1 operation, bound to its handler (src/routes.ts). */
  routes: readonly AnyRoute[];
  resolveUser: ResolveUser;
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string;
}

const jsonError = (code: string, message: string) => ({ error: { code, message } });

/** The HTTP server around a table of routes; src/app.ts is where Attune's own are passed in. */
export function createHttpApp(deps: AppDeps, options: HttpAppOptions): Hono {
  const app = new Hono();
  const openApi = buildOpenApiDocument(options.routes, deps.config.publicUrl.origin);

  // One line per API request: the route's name, never its path (paths can hold invite tokens).
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (!c.req.path.startsWith('/api/')) return;
    const route = (c.get('routeId' as never) as string | undefined) ?? 'unmatched';
    deps.logger.info(
      { route, method: c.req.method, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use('*', securityHeaders(deps.config.publicUrl.protocol === 'https:'));
  app.use('*', csrfGuard(deps.config.publicUrl.origin));
  // Stops reading a body at 64 KB, even one sent in chunks without a Content-Length. A GET or HEAD
  // has no body to read (and looking for one made the server build a whole web Request for it).
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.db);
    // Still 200: reads work, so the process stays in rotation; the body tells monitoring why writes fail.
    if (storageRecentlyFull(deps.db, deps.clock.now())) return c.json({ status: 'degraded', problems: ['storage_full'] });
    return c.json({ status: 'ok' });
  });
  app.get('/api/openapi.json', (c) => c.json(openApi));
  if (deps.config.testClock && deps.clock instanceof OffsetClock) registerTestClock(app, deps.clock);
  for (const route of options.routes) registerRoute(app, route, deps, options.resolveUser);
  app.all('/api/*', (c) => c.json(jsonError('no_such_route', 'There is no such API route.'), 404));
  if (options.webRoot) app.all('*', serveWebApp(options.webRoot));

  app.notFound((c) => c.json(jsonError('not_found', 'We could not find that.'), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      // The rest of an oversized body may still be on its way: reading it would cost what the limit
      // saves, and leaving it would poison the next request on a kept-alive connection.
      if (error.status === 413) c.header('Connection', 'close');
      return c.json(error.toBody(), error.status);
    }
    if (isStorageFull(error)) {
      noteStorageFull(deps.db, deps.clock.now());
      deps.logger.error({ route: c.get('routeId' as never), method: c.req.method }, 'no room left to write');
      c.header('Retry-After', '60');
      return c.json(
        jsonError(
          'storage_full',
          'We could not save that just now because the server is out of space. Nothing was half saved; please try again later.',
        ),
        503,
      );
    }
    // Never the request body or anything a person wrote: the route and the error only.
    deps.logger.error(
      {
        route: c.get('routeId' as never),
        method: c.req.method,
        err: { type: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack },
      },
      'request failed',
    );
    return c.json(jsonError('server_error', 'Something went wrong on our side. Please try again in a moment.'), 500);
  });
  return app;
}
