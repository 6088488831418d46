import { expect, test } from './fixtures';
import type { InsightsListResponse } from '../../lib/schemas/insights';
import { api, expectAccessible, keepScreenshot, settled } from './ui-support';

// Every page, loaded with its data: axe finds no serious or critical violation in light and dark
// mode, nothing is wider than a 375 px phone, no console error; screenshots are kept as artifacts.

const PAGES = ['/', '/insights', '/costs', '/performance', '/reliability', '/models', '/settings'];
// Three loads and two axe runs per page: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const name = (path: string) => (path === '/' ? 'overview' : path.slice(1).replace(/\W+/g, '-'));

for (const path of PAGES) {
  test(`${name(path)}: accessible in light and dark, fits 375 px, screenshots kept`, async ({ page }, testInfo) => {
    await page.goto(path);
    await settled(page);
    await expectAccessible(page, testInfo, `${name(path)}-light`);
    await keepScreenshot(page, testInfo, `${name(path)}-light`);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => localStorage.removeItem('fm-theme'));
    await page.reload();
    await settled(page);
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expectAccessible(page, testInfo, `${name(path)}-dark`);
    await keepScreenshot(page, testInfo, `${name(path)}-dark`);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal scroll at 375 px').toBeLessThanOrEqual(0);
    await keepScreenshot(page, testInfo, `${name(path)}-375px`);
  });
}

test('insight detail: accessible, screenshot kept', async ({ page, request }, testInfo) => {
  const [first] = (await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7')).insights;
  await page.goto(`/insights/${encodeURIComponent(first.id)}?days=7`);
  await settled(page);
  await expect(page.getByTestId('insight-detail')).toBeVisible();
  await expectAccessible(page, testInfo, 'insight-detail');
  await keepScreenshot(page, testInfo, 'insight-detail');
});

test('the theme toggle switches to dark mode and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await settled(page);
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByTestId('theme-toggle').filter({ visible: true }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});
