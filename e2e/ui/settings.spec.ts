import { expect, test } from './fixtures';
import { bearer } from '../support';
import { settled } from './ui-support';

// Settings → API keys on the demo organisation: a key made in the dashboard is shown once, works
// for programs at once, is listed by its prefix, and stops working when revoked there.
// (Time zone and thresholds are changed in sign-in.spec.ts, on an organisation of its own: the
// demo organisation's settings are shared by every suite.)

test('create, use and revoke an API key from Settings', async ({ page, request }) => {
  await page.goto('/settings');
  await settled(page);
  await page.getByRole('button', { name: 'New key' }).click();
  const name = `ui-${Date.now()}`;
  await page.getByTestId('new-key-name').fill(name);
  await page.getByTestId('new-key-scope-read').check();
  await page.getByTestId('new-key-scope-ingest').uncheck();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-key-value').textContent())!.trim();
  expect(key).toMatch(/^fm_[0-9A-Za-z]{32}$/);
  expect((await request.get('/api/v1/pipelines', { headers: bearer(key) })).status()).toBe(200);
  expect((await request.get('/api/v1/keys', { headers: bearer(key) })).status()).toBe(403); // read scope only

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-key')).toHaveCount(0);
  const row = page.locator(`[data-prefix="${key.slice(0, 11)}"]`);
  await expect(row).toContainText(name);
  await expect(page.getByTestId('api-keys')).not.toContainText(key.slice(11)); // the secret is not listed

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByTestId('key-revoked')).toBeVisible();
  expect((await request.get('/api/v1/pipelines', { headers: bearer(key) })).status()).toBe(401);
});
