import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_QUESTIONS, safetyConcern } from '../../src/domain/safety.js';
import { concernFor } from '../../src/features/safety/safety.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const allNo = () => Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.id, 'no']));
// The first single answer that raises concern by itself, found through the domain rule.
const concerning = () => {
  for (const q of SAFETY_QUESTIONS) {
    const answers = { ...allNo(), [q.id]: 'yes' };
    if (safetyConcern(answers as never)) return answers;
  }
  throw new Error('no single yes raises concern');
};

describe('the private safety check', () => {
  it('starts empty, saves, changes and forgets answers, computing concern each time', async () => {
    const p = await t.signUp('Safe');
    expect((await p.client.get('/api/v1/safety')).body).toEqual({ answers: null, concern: false, updatedAt: null });
    const calm = await p.client.put('/api/v1/safety', { answers: allNo() });
    expect(calm.status).toBe(200);
    expect(calm.body).toMatchObject({ answers: allNo(), concern: false });
    const worried = await p.client.put('/api/v1/safety', { answers: concerning() });
    expect(worried.body.concern).toBe(true);
    expect((await p.client.get('/api/v1/safety')).body.concern).toBe(true);
    expect(await concernFor(t.deps, p.id)).toBe(true);
    expect((await p.client.delete('/api/v1/safety')).status).toBe(204);
    expect((await p.client.get('/api/v1/safety')).body.answers).toBeNull();
    expect(await concernFor(t.deps, p.id)).toBe(false);
  });

  it('refuses unknown questions and answers, naming them, and keeps the earlier answers', async () => {
    const p = await t.signUp('Careful');
    await p.client.put('/api/v1/safety', { answers: allNo() });
    const unknown = await p.client.put('/api/v1/safety', { answers: { 'no-such-question': 'yes' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toContain('answers');
    const badValue = await p.client.put('/api/v1/safety', { answers: { [SAFETY_QUESTIONS[0]?.id ?? 'x']: 'maybe' } });
    expect(badValue.status).toBe(400);
    expect((await p.client.get('/api/v1/safety')).body.answers).toEqual(allNo());
  });

  it('never shows or signals anything to the partner: their every view is identical either way', async () => {
    const { a, b } = await t.couple(['Asha', 'Bo']);
    const views = async () => {
      const paths = ['/api/v1/space', '/api/v1/me', '/api/v1/safety', '/api/v1/space/invites', '/api/v1/auth/sessions'];
      const texts: string[] = [];
      for (const path of paths) texts.push((await b.client.get(path)).text);
      return texts;
    };
    const before = await views();
    await a.client.put('/api/v1/safety', { answers: concerning() });
    expect((await a.client.get('/api/v1/safety')).body.concern).toBe(true);
    expect(await views()).toEqual(before);
  });

  it('keeps the answers sealed at rest', async () => {
    const p = await t.signUp('Sealed');
    await p.client.put('/api/v1/safety', { answers: concerning() });
    const row = await t.deps.db.selectFrom('safety_checks').selectAll().where('user_id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.answers_sealed.startsWith('v1.')).toBe(true);
    expect(row.answers_sealed).not.toContain('yes');
  });
});
