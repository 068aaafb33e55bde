import type { Hono } from 'hono';

export const DEMO_PASSWORD = 'demo-attune-together';

export const DEMO_PEOPLE = {
  a: { email: 'maya@demo.attune.example', name: 'Maya', timeZone: 'Europe/London' },
  b: { email: 'daniel@demo.attune.example', name: 'Daniel', timeZone: 'Europe/London' },
} as const;

/** Seeds the demo through HTTP requests to the app itself, so the demo is only ever what the API allows. */
export async function seedDemo(app: Hono): Promise<void> {
  const base = 'http://demo.invalid';
  const cookies: Record<string, string> = {};
  const call = async (who: 'a' | 'b', method: string, path: string, body?: unknown) => {
    const res = await app.request(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookies[who] ? { cookie: cookies[who] } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (cookie) cookies[who] = cookie;
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  for (const who of ['a', 'b'] as const) {
    await call(who, 'POST', '/api/v1/auth/signup', { ...DEMO_PEOPLE[who], password: DEMO_PASSWORD });
  }
  const invite = (await call('a', 'POST', '/api/v1/space/invites')) as { token: string };
  await call('b', 'POST', `/api/v1/invites/${invite.token}/accept`);
}
