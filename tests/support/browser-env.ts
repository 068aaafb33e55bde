/**
 * What browser specs need from the test environment (set up by playwright.config.ts and
 * tests/support/browser-global-setup.ts):
 *
 *   import { neutralUrl, readMails, waitForMail } from '../support/browser-env';
 *   const mail = await waitForMail((m) => m.to === email && /invite/i.test(m.subject));
 *
 * Mails are shared by all workers: match on a recipient address unique to the test.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SinkMail } from './smtp-sink.js';

export type Mail = SinkMail;

/** URL of the neutral "Weather" page the quick-exit button should lead to. */
export const neutralUrl: string = process.env.NEUTRAL_URL ?? 'http://127.0.0.1:38080/';

/** JSONL file the SMTP sink appends to; per run, in the run's temp directory (see playwright.config.ts). */
export const mailsFile: string = process.env.ATTUNE_E2E_MAILS_FILE ?? resolve('.test-output/mails.jsonl');

/** Every mail the app has sent during this run, oldest first. */
export async function readMails(): Promise<Mail[]> {
  let text: string;
  try {
    text = await readFile(mailsFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const mails: Mail[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      mails.push(JSON.parse(line) as Mail);
    } catch {
      // a line still being written: it will be complete on the next read
    }
  }
  return mails;
}

/** Polls the mail file until a mail matches; rejects after timeoutMs with what did arrive. */
export async function waitForMail(predicate: (mail: Mail) => boolean, timeoutMs = 10_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await readMails();
    const hit = mails.find(predicate);
    if (hit) return hit;
    if (Date.now() >= deadline) {
      const seen = mails.map((m) => `  to=${m.to} subject=${JSON.stringify(m.subject)}`).join('\n');
      throw new Error(`no matching mail within ${timeoutMs} ms; ${mails.length} received${seen ? `:\n${seen}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first http(s) link in a mail's text (or HTML) that contains `contains`. */
export function linkIn(mail: Mail, contains = ''): string {
  const source = `${mail.text}\n${mail.html ?? ''}`;
  const links = source.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
  const link = links.find((l) => l.includes(contains));
  if (!link) throw new Error(`no link containing ${JSON.stringify(contains)} in mail "${mail.subject}" to ${mail.to}`);
  return link.replace(/&amp;/g, '&');
}
