import { expect, test } from './fixtures';
import { settled } from './ui-support';

// The local demo opens without a password through an automatic session cookie; a request with
// neither that cookie nor a key is still refused.

test('the demo opens without a password; the API still wants a cookie or a key', async ({ page, request }) => {
  const anonymous = await request.get('/', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/\/api\/auth\/demo\?next=%2F$/);
  expect((await request.get('/api/v1/analytics/insights/summary', { headers: { cookie: '' } })).status()).toBe(401);

  await page.goto('/reliability?days=14');
  await settled(page);
  await expect(page).toHaveURL(/\/reliability\?days=14$/);
  await expect(page.getByText('Local demo')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const [cookie] = (await page.context().cookies()).filter((c) => c.name.endsWith('flowmason.session_token'));
  expect(cookie.httpOnly).toBe(true);
  expect((await page.request.get('/api/v1/pipelines')).status()).toBe(200);
  await page.goto('/sign-in');
  await settled(page);
  await expect(page).toHaveURL(/\/$/);
});
