import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const candidate = resolve(root, `.${normalize(`/${decoded}`)}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    return (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app. Unknown paths get index.html so a reload on /settings works. Hashed
 * assets are cached for a year; the service worker and other files are always revalidated. The
 * page itself is never stored (no-store): a browser then keeps no copy of an Attune page to show
 * again on Back, and does not hold it in its back/forward cache after a quick exit (decision 026).
 */
export function serveWebApp(webRoot: string) {
  const root = resolve(webRoot);
  return async (c: Context) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
      return c.json({ error: { code: 'not_found', message: 'We could not find that.' } }, 404);
    const path = (await fileAt(root, c.req.path)) ?? (await fileAt(root, '/index.html'));
    if (!path) {
      return c.text('The web app has not been built yet. Run `npm run build:web`, or start Attune with `npm start`.', 503);
    }
    const immutable = path.includes(`${sep}assets${sep}`);
    c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    c.header(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : extname(path) === '.html' ? 'no-store' : 'no-cache',
    );
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(new Uint8Array(await readFile(path)));
  };
}

export const webRootFromHere = (projectRoot: string) => join(projectRoot, 'dist', 'web');
