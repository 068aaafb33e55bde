import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { call } from './pages/api';
import { coupleInBrowser, PASSWORD, uniqueEmail } from './pages/app';
import { seriousViolations } from './pages/axe';
import { sidewaysScroll } from './pages/closeness';
import { writeSharedStory } from './pages/story';

// The summary for a session, in real Chromium: each partner chooses their part on /summary, and the
// page printed to PDF by Chromium itself (A4 and Letter, the print style) holds exactly what each
// chose: every chosen word present, every word not chosen absent. The same for their therapist's copy.
// Text is read back with pdftotext (Debian's poppler-utils, installed by scripts/test.mjs).

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Chromium's PDF of the page as it prints, and its text and page size as poppler reads them. */
async function printed(page: Page, format: 'A4' | 'Letter'): Promise<{ text: string; info: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'attune-summary-'));
  try {
    const file = join(dir, `summary-${format}.pdf`);
    writeFileSync(file, await page.pdf({ format, printBackground: true }));
    return {
      text: squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })),
      info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function choosePart(page: Page, include: string[], leaveOut: string[], note: string) {
  await page.goto('/summary');
  await expect(page.getByRole('heading', { level: 1, name: 'Summary for a session' })).toBeVisible();
  const part = page.getByRole('region', { name: 'Your part' });
  for (const text of include) await part.getByRole('checkbox', { name: text }).check();
  for (const text of leaveOut) await part.getByRole('checkbox', { name: text }).uncheck();
  await part.getByLabel('A note for the session (optional)').fill(note);
  await part.getByRole('button', { name: 'Save my part' }).click();
  await expect(part.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

test('each partner chooses their part; the PDF Chromium prints holds exactly what each chose, on A4 and Letter', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = Math.random().toString(36).slice(2, 8);
  const { a, b } = await coupleInBrowser(browser, 'Lena', 'Marco');
  const { words } = await writeSharedStory(a, b, tag);
  // A long note with a long unbroken word: it must wrap on a phone and on paper.
  const noteA = `Note from Lena for the session ${tag}: ${'I would like us to talk about the evenings. '.repeat(8)}Supercalifragilisticexpialidocious${'x'.repeat(40)}`;
  const noteB = `Note from Marco for the session ${tag}: what would make the dinners feel real.`;
  const chosen = [words.lineA, words.takeawayA, words.reflectB, noteA, noteB];
  const notChosen = [words.shareA, words.takeawayB];

  await choosePart(a, [words.lineA, words.takeawayA], [words.shareA], noteA);
  await choosePart(b, [words.reflectB], [words.takeawayB], noteB);

  // The summary as it will print, on screen: both parts, as chosen.
  await a.goto('/summary');
  const doc = a.locator('article.summary-doc');
  await expect(doc.getByRole('heading', { name: 'In Marco’s words' })).toBeVisible();
  for (const text of chosen) await expect(doc).toContainText(text);
  for (const text of notChosen) await expect(doc).not.toContainText(text);
  await expect(doc).toContainText(words.need);
  await expect(doc.locator('figure.series svg').first()).toBeVisible();
  expect(await seriousViolations(a)).toEqual([]);
  await a.setViewportSize({ width: 360, height: 800 });
  expect(await sidewaysScroll(a)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(a)).toEqual([]);
  await a.setViewportSize({ width: 1280, height: 800 });

  // "Print or save as PDF" is the browser's own print window.
  await a.evaluate(() => {
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await a.getByRole('button', { name: 'Print or save as PDF' }).first().click();
  expect(await a.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);

  // On paper: the document alone (no app around it, no controls), with exactly what each chose.
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await printed(a, format);
    expect(pdf.info).toMatch(format === 'A4' ? /Page size:.*\(A4\)/ : /Page size:.*\(letter\)/);
    expect(pdf.text).toContain('Summary for a session: Lena and Marco');
    for (const text of chosen) expect(pdf.text, `${format} holds ${text}`).toContain(squash(text));
    for (const text of notChosen) expect(pdf.text, `${format} leaves out ${text}`).not.toContain(text);
    for (const chrome of ['Quick exit', 'Print or save as PDF', 'Your part', 'Save my part', 'Get help now'])
      expect(pdf.text, `${format} has no ${chrome}`).not.toContain(chrome);
  }

  // Lena takes her takeaway back out: it leaves the summary, for Marco too.
  await a.goto('/summary');
  await a.getByRole('region', { name: 'Your part' }).getByRole('checkbox', { name: words.takeawayA }).uncheck();
  await a.getByRole('button', { name: 'Save my part' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await b.goto('/summary');
  await expect(b.locator('article.summary-doc')).toContainText(words.lineA);
  await expect(b.locator('article.summary-doc')).not.toContainText(words.takeawayA);
  const marcoPdf = await printed(b, 'A4');
  expect(marcoPdf.text).not.toContain(words.takeawayA);
  expect(marcoPdf.text).toContain(squash(noteA));

  // Their therapist (both included the summary) prints the same parts from their own page.
  const invited = await call(a.request, 'therapists.invite', { body: { email: null } });
  for (const page of [a, b]) {
    // Granting asks for the password again first (decision 024).
    await call(page.request, 'auth.reauth', { body: { password: PASSWORD } });
    await call(page.request, 'therapists.consent', { params: { id: invited.id }, body: { include: ['agreements', 'summary'] } });
  }
  const t = await (await browser.newContext()).newPage();
  await call(t.request, 'therapists.accept', {
    params: { token: invited.token },
    body: { email: uniqueEmail('therapist'), password: PASSWORD, name: 'Ada Quinn' },
  });
  await t.goto(`/therapist/couples/${invited.id}/summary`);
  const theirs = t.locator('article.summary-doc');
  await expect(theirs.getByRole('heading', { name: 'In Marco’s words' })).toBeVisible();
  expect(await seriousViolations(t)).toEqual([]);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await printed(t, format);
    for (const text of [words.lineA, words.reflectB, noteA, noteB]) expect(pdf.text).toContain(squash(text));
    for (const text of [...notChosen, words.takeawayA]) expect(pdf.text).not.toContain(text);
    // Figures were not included by both: the therapist's copy leaves them out.
    expect(pdf.text).not.toContain('Figures for the period');
    expect(pdf.text).toContain(words.need);
    expect(pdf.text).not.toContain('Both partners can see a log');
  }

  for (const page of [a, b, t]) await page.context().close();
});
