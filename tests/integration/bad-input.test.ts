import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const countUsers = async () => (await t.deps.db.selectFrom('users').select('id').execute()).length;

describe('bad input', () => {
  it('answers malformed JSON with a JSON 400', async () => {
    const res = await t.client().post('/api/v1/auth/signup', '{"email": "a@b.c", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('names every field with a wrong type', async () => {
    const res = await t.client().post('/api/v1/auth/signup', { email: 42, password: ['x'], name: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('names missing fields', async () => {
    const res = await t.client().post('/api/v1/auth/login', {});
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('rejects unknown fields and writes nothing', async () => {
    const before = await countUsers();
    const res = await t
      .client()
      .post('/api/v1/auth/signup', { email: 'extra@example.org', password: 'a fine long phrase', name: 'X', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'isAdmin', message: expect.any(String) }]);
    expect(await countUsers()).toBe(before);
  });

  it('rejects a body that is not an object', async () => {
    const res = await t.client().post('/api/v1/auth/login', '[1,2,3]');
    expect(res.status).toBe(400);
  });

  it('answers bodies over 64 KB with 413', async () => {
    const big = JSON.stringify({ email: 'big@example.org', password: 'a fine long phrase', name: 'x'.repeat(70 * 1024) });
    const res = await t.client().post('/api/v1/auth/signup', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('body_too_large');
  });

  it('answers 413 when a chunked body grows past 64 KB without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await t.app.request('http://localhost:3000/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error Node's fetch needs this for a streamed body
      duplex: 'half',
    });
    expect(res.status).toBe(413);
  });

  it('asks for JSON when another content type is sent', async () => {
    const res = await t.client().post('/api/v1/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('validates path parameters', async () => {
    const p = await t.signUp('Ivy');
    const res = await p.client.delete('/api/v1/auth/sessions/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('id');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/me'],
      ['GET', '/api/v2/me'],
    ] as const) {
      const res = await t.client().request(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('no_such_route');
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request from another origin', async () => {
    const p = await t.signUp('Jay');
    for (const origin of ['https://evil.example', 'http://localhost:3001', 'https://localhost:3000', 'null']) {
      const res = await p.client.post('/api/v1/space/invites', undefined, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
    expect((await p.client.get('/api/v1/space/invites')).body.invites).toEqual([]);
  });

  it('refuses every state-changing method from another origin, and changes nothing', async () => {
    const p = await t.signUp('Mel');
    const invite = await p.client.post('/api/v1/space/invites');
    const attempts: [string, string, unknown][] = [
      ['PATCH', '/api/v1/me', { name: 'Changed' }],
      ['DELETE', `/api/v1/space/invites/${invite.body.id}`, undefined],
      ['PUT', '/api/v1/safety', { answers: {} }],
      ['POST', '/api/v1/auth/logout', undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await p.client.request(method, path, body, { origin: 'https://evil.example' });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await p.client.get('/api/v1/me')).body.name).toBe('Mel');
    expect((await p.client.get('/api/v1/space/invites')).body.invites).toHaveLength(1);
  });

  it('refuses a request marked cross-site by the browser when Origin is missing', async () => {
    const res = await t
      .client()
      .post('/api/v1/auth/login', { email: 'a@b.org', password: 'whatever long' }, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  it('allows the same origin, same-site fetches, and non-browser clients', async () => {
    const p = await t.signUp('Kit');
    expect((await p.client.post('/api/v1/space/invites', undefined, { origin: 'http://localhost:3000' })).status).toBe(201);
    expect((await p.client.post('/api/v1/space/invites', undefined, { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await p.client.post('/api/v1/space/invites')).status).toBe(201);
  });

  it('does not apply to reads', async () => {
    const p = await t.signUp('Lou');
    expect((await p.client.get('/api/v1/me', { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('per-address limit', () => {
  it('limits public writes from one address but never signing out', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_PER_ADDRESS: '3' } });
    try {
      const p = await limited.signUp('Nell');
      for (let i = 0; i < 3; i++)
        await limited.client().post('/api/v1/auth/login', { email: p.email, password: 'wrong but long' });
      const blocked = await limited.client().post('/api/v1/auth/login', { email: p.email, password: p.password });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await p.client.post('/api/v1/auth/logout')).status).toBe(204);
      expect((await p.client.get('/api/v1/me')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
