/**
 * Self-check of the test infrastructure, run in both integration projects: the database helper
 * gives a fresh migrated database of the project's kind, the SMTP sink receives and parses mail,
 * and the process runs in a non-UTC time zone.
 */

import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

describe('test infrastructure', () => {
  let t: TestDatabase;
  let sink: SmtpSink;

  beforeAll(async () => {
    [t, sink] = await Promise.all([createTestDatabase(), startSmtpSink()]);
  });
  afterAll(async () => {
    await Promise.all([t?.cleanup(), sink?.close()]);
  });

  it('runs under a non-UTC time zone', () => {
    expect(process.env.TZ).toBeTruthy();
    // 2024-01-15 noon local time is not noon UTC.
    expect(new Date(2024, 0, 15, 12).getTimezoneOffset()).not.toBe(0);
  });

  it('gives a migrated database of the project kind', async () => {
    expect(t.kind).toBe(process.env.ATTUNE_TEST_DB);
    const migrated = await t.db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(migrated.length).toBeGreaterThan(0);
    const users = await t.db.selectFrom('users').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(users.n)).toBe(0);
  });

  it('receives and parses mail in the SMTP sink', async () => {
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({
      from: 'attune@localhost',
      to: 'Alice <alice@example.org>',
      bcc: 'audit@example.org',
      subject: 'Invitation ✓',
      text: 'Open https://attune.example/invite/abc',
      html: '<p>Open <a href="https://attune.example/invite/abc">the invite</a></p>',
      icalEvent: { method: 'REQUEST', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' },
    });
    transport.close();
    // Acknowledged only after parsing: visible at once, no polling needed.
    const [mail] = await sink.messages();
    expect(mail).toMatchObject({ to: 'alice@example.org', from: 'attune@localhost', subject: 'Invitation ✓' });
    expect(mail?.envelopeTo).toEqual(['alice@example.org', 'audit@example.org']);
    expect(mail?.text).toContain('https://attune.example/invite/abc');
    expect(mail?.html).toContain('<a href=');
    const found = await sink.waitFor((m) => m.subject.startsWith('Invitation'), 1000);
    expect(found).toBe(mail);
    await expect(sink.waitFor((m) => m.subject === 'never', 100)).rejects.toThrow(/no matching mail/);
  });
});
