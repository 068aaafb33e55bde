import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { routeTable } from '../../src/routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health and the API document', () => {
  it('answers /healthz once the database is ready', async () => {
    const res = await t.client().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves a valid OpenAPI 3.1 document of every /api/v1 operation, tagged', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of routeTable) {
      const op = res.body.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.tags).toEqual([route.tag]);
    }
    const tags = new Set(Object.values(res.body.paths).flatMap((p: any) => Object.values(p).flatMap((o: any) => o.tags)));
    expect(tags).toEqual(new Set(routeTable.map((r) => r.tag)));
    for (const capability of ['auth', 'spaces', 'safety']) expect(tags.has(capability), capability).toBe(true);
    expect(res.body.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(
      false,
    );
  });
});

describe('security headers', () => {
  it('sends a strict CSP without inline script, no referrer, nosniff, and no-store on the API', async () => {
    const res = await t.client().get('/api/v1/config');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the web app', () => {
  it('serves files, falls back to index.html for app paths, and never serves outside its folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'attune-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Attune</title>');
    await writeFile(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = createApp(t.deps, { webRoot: root });
    const page = await app.request('http://localhost:3000/settings');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Attune</title>');
    // The page is never stored, so no copy of it can be shown again on Back (decision 026).
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await app.request('http://localhost:3000/assets/app-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const traversal = await app.request('http://localhost:3000/..%2f..%2fetc%2fpasswd');
    expect(await traversal.text()).toContain('<title>Attune</title>');
    const api = await app.request('http://localhost:3000/api/v1/unknown');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('no_such_route');
  });
});
