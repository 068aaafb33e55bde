import { expect, test } from '@playwright/test';
import { signUpViaApi } from './pages/app';

// The offline outbox now stores a route id and its input. A write queued by the earlier version
// (a method and a path relative to /api/v1) must still be sent after the upgrade, once, with the
// Idempotency-Key it was given when the person pressed the button.
test('a write queued by the earlier version of the app is still sent after the upgrade, with its own key', async ({ page }) => {
  await signUpViaApi(page.request, 'Wren');
  const me = (await (await page.request.get('/api/v1/me')).json()) as { id: string };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const body = { connected: 6, heard: 5, mood: 'calm', line: 'Queued before the upgrade', visibility: 'private' };
  const legacy = [
    {
      key: 'legacy-outbox-key-1',
      userId: me.id,
      method: 'PUT',
      path: `/checkins/${today}`,
      body,
      queuedAt: new Date().toISOString(),
    },
  ];
  await page.goto('/help');
  await page.evaluate((items) => localStorage.setItem('attune.outbox.v1', JSON.stringify(items)), legacy);
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('attune.outbox.v1'))).toBeNull();

  const todays = (await (await page.request.get('/api/v1/checkins/today')).json()) as { mine: { line: string } | null };
  expect(todays.mine?.line).toBe('Queued before the upgrade');
  // The same key again is a replay of that very write: it was sent with its original key.
  const replay = await page.request.put(`/api/v1/checkins/${today}`, {
    data: body,
    headers: { 'Idempotency-Key': 'legacy-outbox-key-1' },
  });
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be sent' })).toHaveCount(0);
});
