import type { MiddlewareHandler } from 'hono';
import { AppError } from '../shared/errors.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(https: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
    if (https) c.header('Strict-Transport-Security', 'max-age=31536000');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF for JSON as well as forms (Hono's csrf() only looks at form posts). A browser always sends
 * Origin on these methods; when it is absent, Sec-Fetch-Site still tells a cross-site request.
 * A request with neither header comes from a non-browser client and is allowed.
 */
export function csrfGuard(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      const crossSite = origin !== undefined ? origin !== publicOrigin : fetchSite === 'cross-site';
      if (crossSite) {
        throw new AppError(403, 'cross_site_request', 'This request came from another site, so it was not carried out.');
      }
    }
    await next();
  };
}
