import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let sink: SmtpSink;
const lines: string[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ env: { SMTP_URL: sink.url }, logger: createLogger('trace', capture) });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('logs', () => {
  it('record each API request by route name, and never passwords, tokens, cookies or words people wrote', async () => {
    const { a, b } = await t.couple(['LogNameAlder', 'LogNameBirch']);
    const invite = await (await t.signUp('LogNameCedar')).client.post('/api/v1/space/invites');
    await t.client().get(`/api/v1/invites/${invite.body.token}`);
    await a.client.patch('/api/v1/me', { name: 'LogNameDogwood' });
    await t.client().post('/api/v1/auth/login', { email: a.email, password: 'a wrong but long password' });
    await t.client().post('/api/v1/auth/password-reset', { email: b.email });
    const mail = await sink.waitFor((m) => m.to === b.email, 5000);
    const resetToken = mail.text.match(/token=([\w-]+)/)?.[1] ?? 'missing';

    const all = lines.join('');
    expect(all).toContain('"route":"auth.signup"');
    expect(all).toContain('"route":"spaces.invites.preview"');
    for (const secret of [
      a.password,
      'a wrong but long password',
      a.client.sessionCookie() ?? 'x',
      b.client.sessionCookie() ?? 'x',
      invite.body.token,
      resetToken,
      'LogNameAlder',
      'LogNameBirch',
      'LogNameCedar',
      'LogNameDogwood',
      a.email,
      b.email,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
