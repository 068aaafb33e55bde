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

/**
 * The same headers on every answer. Set before the handler runs, so that the answer is built with
 * them (setting them afterwards made Hono copy the finished response once per header); an answer
 * built as a Response of its own, which does not take headers set beforehand, gets them afterwards.
 */
export function securityHeaders(https: boolean): MiddlewareHandler {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'geolocation=(), camera=(), microphone=()'],
    ...(https ? [['Strict-Transport-Security', 'max-age=31536000'] as [string, string]] : []),
  ];
  return async (c, next) => {
    const api = c.req.path.startsWith('/api/');
    const apply = () => {
      for (const [name, value] of headers) c.header(name, value);
      if (api) c.header('Cache-Control', 'no-store');
    };
    apply();
    await next();
    const h = c.res.headers;
    if (h.get('Content-Security-Policy') !== CONTENT_SECURITY_POLICY || (api && h.get('Cache-Control') !== 'no-store')) apply();
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
