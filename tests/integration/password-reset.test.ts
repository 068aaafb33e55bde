import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResetLink } from '../../src/features/auth/password-reset.service.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'attune@localhost' } });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const tokenFrom = (text: string) => {
  const match = text.match(/\/reset\?token=([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return match[1];
};

describe('password reset by email', () => {
  it('mails a one-time link that sets a new password, ends every session and signs this browser in', async () => {
    const p = await t.signUp('Dana');
    const res = await t.client().post('/api/v1/auth/password-reset', { email: ` ${p.email.toUpperCase()}` });
    expect(res.status).toBe(202);
    const mail = await sink.waitFor((m) => m.to === p.email, 5000);
    expect(mail.subject).toBe('Your Attune password reset link');
    expect(mail.text).toContain('http://localhost:3000/reset?token=');
    // Nothing personal in an inbox that might be shared.
    expect(mail.text).not.toContain('Dana');

    const resetter = t.client('resetting browser');
    const done = await resetter.post('/api/v1/auth/password-reset/confirm', {
      token: tokenFrom(mail.text),
      password: 'a new calm long phrase',
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: p.id, email: p.email, name: 'Dana' });
    expect((await resetter.get('/api/v1/me')).status).toBe(200);
    expect((await p.client.get('/api/v1/me')).status).toBe(401);
    expect((await t.client().post('/api/v1/auth/login', { email: p.email, password: p.password })).status).toBe(401);
    expect((await t.client().post('/api/v1/auth/login', { email: p.email, password: 'a new calm long phrase' })).status).toBe(
      200,
    );

    const reuse = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token: tokenFrom(mail.text), password: 'yet another long phrase' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('reset_link_invalid');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    await sink.clear();
    const known = await t.signUp('Eli');
    const a = await t.client().post('/api/v1/auth/password-reset', { email: 'no.such.person@example.org' });
    const b = await t.client().post('/api/v1/auth/password-reset', { email: known.email });
    expect(a.status).toBe(202);
    expect(a.text).toBe(b.text);
    await sink.waitFor((m) => m.to === known.email, 5000);
    expect((await sink.messages()).map((m) => m.to)).toEqual([known.email]);
  });

  it('expires a link after 30 minutes', async () => {
    const p = await t.signUp('Fran');
    await t.client().post('/api/v1/auth/password-reset', { email: p.email });
    const mail = await sink.waitFor((m) => m.to === p.email, 5000);
    t.clock.advance(31 * 60_000);
    const late = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token: tokenFrom(mail.text), password: 'a late long phrase' });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('reset_link_invalid');
  });

  it('checks the new password like sign-up does', async () => {
    const p = await t.signUp('Gale');
    const link = await createResetLink(t.deps, p.id);
    const weak = await t.client().post('/api/v1/auth/password-reset/confirm', {
      token: new URL(link.url).searchParams.get('token'),
      password: 'qwertyuiop',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('password');
  });
});

describe('password reset without email (operator link)', () => {
  it('says email is off, sends nothing, and the operator link works once', async () => {
    const noMail = await createTestApp();
    try {
      expect((await noMail.client().get('/api/v1/config')).body.emailEnabled).toBe(false);
      const p = await noMail.signUp('Hana');
      expect((await noMail.client().post('/api/v1/auth/password-reset', { email: p.email })).status).toBe(202);
      const link = await createResetLink(noMail.deps, p.id);
      expect(link.expiresAt.getTime() - noMail.clock.now().getTime()).toBe(30 * 60_000);
      const token = new URL(link.url).searchParams.get('token');
      const c = noMail.client();
      expect((await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'an operator made phrase' })).status).toBe(
        200,
      );
      expect((await c.post('/api/v1/auth/password-reset/confirm', { token, password: 'an operator made phrase' })).status).toBe(
        400,
      );
    } finally {
      await noMail.close();
    }
  });
});
