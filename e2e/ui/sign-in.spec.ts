import { expect, test } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { createInstance } from '../api/alerts-instance';
import { bearer, lastLine } from '../support';
import { settled } from './ui-support';

// Sign-in when the dashboard is not the local demo: a second app instance with
// FLOWMASON_AUTH=required (as `npm start` on DATABASE_URL runs), its own database and a small demo
// data set. Users are made with the CLI, sign in with e-mail and password, get an httpOnly session
// cookie, see only their organisation, and sign out.

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let instance: Awaited<ReturnType<typeof createInstance>>;
const PASSWORD = 'correct horse battery';

test.beforeAll(async () => {
  test.setTimeout(300_000); // a second app instance: database, migrations, demo data, next start
  instance = await createInstance({ FLOWMASON_AUTH: 'required', DEMO_DATA: '1', DEMO_TOTAL: '3000' });
  await instance.start(240_000);
  instance.cli('user', 'create', '--org', 'default', '--email', 'ana@example.com', '--password', PASSWORD);
  instance.cli('org', 'create', 'acme', '--name', 'Acme');
  instance.cli('user', 'create', '--org', 'acme', '--email', 'bo@acme.example', '--password', PASSWORD);
});
test.afterAll(async () => instance?.dispose());

async function signIn(browser: Browser, email: string, next = '/'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: instance.baseURL })).newPage();
  await page.goto(next);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

test('every page and API call needs credentials; the demo session does not exist', async ({ request }) => {
  for (const path of ['/', '/insights', '/costs?days=30', '/settings']) {
    const res = await request.get(`${instance.baseURL}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(new URL(res.headers().location, instance.baseURL).href).toBe(`${instance.baseURL}/sign-in?next=${encodeURIComponent(path)}`);
  }
  expect((await request.get(`${instance.baseURL}/api/v1/pipelines`)).status()).toBe(401);
  expect((await request.get(`${instance.baseURL}/api/v1/analytics/insights/summary`, { headers: { cookie: 'flowmason.session_token=forged.x' } })).status()).toBe(401);
  expect((await request.get(`${instance.baseURL}/api/auth/demo`, { maxRedirects: 0 })).status()).toBe(404);
});

test('a wrong password is refused; the right one opens the page asked for, with an httpOnly cookie', async ({ browser, consoleGuard }) => {
  // The browser logs the refused attempt's 401, and only that one.
  consoleGuard.allow(/^error: Failed to load resource: the server responded with a status of 401 .*\/api\/auth\/sign-in\/email:/);
  const page = await (await browser.newContext({ baseURL: instance.baseURL })).newPage();
  await page.goto('/costs?days=30');
  await settled(page);
  await page.getByLabel('E-mail').fill('ana@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong e-mail or password.');

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${instance.baseURL}/costs?days=30`);
  await expect(page.getByTestId('org-name')).toHaveText('Default organisation');
  await expect(page.getByTestId('user-email')).toHaveText('ana@example.com');
  await settled(page);
  await expect(page.getByTestId('cost-total')).toHaveText(/^\$[1-9]/);
  const [cookie] = (await page.context().cookies()).filter((c) => c.name.endsWith('flowmason.session_token'));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  // The dashboard's own API calls ride on the session: a filter change fetches through /api/v1.
  const refetch = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/insights/report') && r.url().includes('days=7'));
  await page.getByTestId('range-7').click();
  expect((await refetch).status()).toBe(200);
  // The signed-in cookie reaches the API too, and only for this organisation.
  expect((await page.request.get('/api/v1/pipelines')).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get('/api/v1/pipelines')).status()).toBe(401);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
});

test('a member of another organisation sees only theirs: empty, and settings of their own', async ({ browser, request }) => {
  const page = await signIn(browser, 'bo@acme.example', '/?days=30');
  await expect(page).toHaveURL(`${instance.baseURL}/?days=30`);
  await expect(page.getByTestId('org-name')).toHaveText('Acme');
  await expect(page.getByTestId('empty-state').first()).toContainText('No executions in this range');
  expect(((await (await page.request.get('/api/v1/pipelines')).json()) as { total: number }).total).toBe(0);

  await page.goto('/settings');
  await settled(page);
  await page.getByTestId('settings-time-zone').selectOption('Europe/Berlin');
  await page.getByText(/Detection thresholds/).click();
  await page.getByTestId('threshold-failure_rate_warning').fill('0.2');
  await page.getByTestId('settings-save').click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('settings-time-zone')).toHaveValue('Europe/Berlin');
  await expect(page.getByText('Detection thresholds (1 overridden)')).toBeVisible();

  const acmeKey = lastLine(instance.cli('key', 'create', '--org', 'acme', '--scopes', 'admin'));
  const acme = await (await request.get(`${instance.baseURL}/api/v1/settings`, { headers: bearer(acmeKey) })).json();
  expect(acme).toMatchObject({ time_zone: 'Europe/Berlin', thresholds: { failure_rate_warning: 0.2 } });
  const defaultKey = lastLine(instance.cli('key', 'create', '--org', 'default', '--scopes', 'admin'));
  const other = await (await request.get(`${instance.baseURL}/api/v1/settings`, { headers: bearer(defaultKey) })).json();
  expect(other).toMatchObject({ time_zone: 'UTC', thresholds: {} });
});

test('an open redirect in next= is refused: next=/%09/evil.example lands on /', async ({ browser }) => {
  const page = await (await browser.newContext({ baseURL: instance.baseURL })).newPage();
  await page.goto('/sign-in?next=/%09/evil.example/x');
  await settled(page);
  await page.getByLabel('E-mail').fill('ana@example.com');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${instance.baseURL}/`);
  await expect(page.getByTestId('user-email')).toHaveText('ana@example.com');
});
