/**
 * Text a person writes never sits in the clear at rest: after writing canary words through the
 * API, the raw SQLite file (WAL checkpointed) or a pg_dump of the database must not contain them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function everythingAtRest(): Promise<string> {
  if (t.database.kind === 'sqlite') {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.deps.db);
    const file = t.database.target.url;
    return [file, `${file}-wal`]
      .map((path) => {
        try {
          return readFileSync(path).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
  }
  return execFileSync('pg_dump', ['--data-only', '--no-owner', t.database.target.url], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('sealed text at rest', () => {
  it('keeps names written through the API out of the database in the clear', async () => {
    const canaryA = 'CanaryMarigold7731';
    const canaryB = 'CanaryLighthouse4409';
    const canaryRenamed = 'CanaryWillow2208';
    const { a, b } = await t.couple([canaryA, canaryB]);
    await a.client.patch('/api/v1/me', { name: canaryRenamed });
    // The words are really there, readable through the API...
    expect((await b.client.get('/api/v1/space')).body.partner.name).toBe(canaryRenamed);
    expect((await b.client.get('/api/v1/me')).body.name).toBe(canaryB);
    // ...and nowhere in the clear at rest.
    const dump = await everythingAtRest();
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain(a.email); // proves the dump really holds the rows
    for (const canary of [canaryA, canaryB, canaryRenamed]) {
      expect(dump).not.toContain(canary);
      expect(dump).not.toContain(Buffer.from(canary).toString('base64').slice(0, 16));
    }
  });

  it('stores no session, invite or reset secret as given out', async () => {
    const p = await t.signUp('Keeper');
    const invite = await p.client.post('/api/v1/space/invites');
    const dump = await everythingAtRest();
    expect(dump).not.toContain(p.client.sessionCookie());
    expect(dump).not.toContain(invite.body.token);
  });
});
