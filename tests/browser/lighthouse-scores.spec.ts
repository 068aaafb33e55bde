import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { signUpViaApi } from './pages/app';
import { lighthouseScores } from './pages/lighthouse';

// Lighthouse itself (12.2.3, its default mobile settings) on the real app in Debian's Chromium:
// accessibility, best practices and SEO at 0.95 or more on the first screen signed out and on home
// signed in. Performance depends on the machine's load, so it is measured by scripts/lighthouse.ts
// and reported, never asserted. lighthouse.spec.ts checks the same ground rule by rule, with names.

const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test('Lighthouse scores accessibility, best practices and SEO at 0.95 or more, signed out and signed in', async ({
  baseURL,
}, testInfo) => {
  // Each audit reloads the page with mobile emulation; on two busy cores that takes a while.
  test.setTimeout(300_000);
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'attune-lighthouse-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  // A persistent profile: Lighthouse opens its own tab in it, which shares the cookies set below.
  const context = await chromium.launchPersistentContext(profile, {
    ...launch,
    baseURL,
    args: [...(launch.args ?? []), `--remote-debugging-port=${port}`],
  });
  try {
    const origin = new URL(baseURL ?? '').origin;
    const signedOut = await lighthouseScores(`${origin}/`, port, CATEGORIES);
    await signUpViaApi(context.request, 'Jo');
    const signedIn = await lighthouseScores(`${origin}/`, port, CATEGORIES);
    testInfo.annotations.push({ type: 'lighthouse', description: JSON.stringify({ signedOut, signedIn }) });
    for (const [who, result] of [
      ['signed out', signedOut],
      ['signed in', signedIn],
    ] as const) {
      for (const category of CATEGORIES) {
        const failing = result.failing[category]?.join('; ') ?? '';
        expect(result.scores[category], `${who}: ${category} (audits below 1: ${failing})`).toBeGreaterThanOrEqual(0.95);
      }
      expect(result.finalPath, `${who}: the page Lighthouse ended on`).toBe(who === 'signed out' ? '/sign-in' : '/');
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
