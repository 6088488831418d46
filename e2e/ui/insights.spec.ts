import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { InsightsListResponse } from '../../lib/schemas/insights';
import { api, downloadCsv, expectNear, settled } from './ui-support';

// The insights list against the API's answer for the same filters, the filters in the URL
// (reload restores them), the CSV export of exactly the rows shown, and the detail view.

const shownIds = (page: Page) => page.getByTestId('insight-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-insight-id')));

test('category, severity and pipeline filters change the URL and the list, which matches the API', async ({ page, request }) => {
  await page.goto('/insights');
  await settled(page);
  const all = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7');
  expect(all.total).toBeGreaterThan(3);
  expect(await shownIds(page)).toEqual(all.insights.map((i) => i.id));

  await page.getByTestId('filter-category').selectOption('cost');
  await expect(page).toHaveURL(/[?&]category=cost\b/);
  await settled(page);
  const cost = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7&category=cost');
  expect(cost.total).toBeGreaterThan(0);
  expect(cost.total).toBeLessThan(all.total);
  await expect(page.getByTestId('insight-row')).toHaveCount(cost.total);
  expect(await shownIds(page)).toEqual(cost.insights.map((i) => i.id));

  await page.getByTestId('filter-category').selectOption('');
  await page.getByTestId('filter-severity').selectOption('critical');
  await expect(page).toHaveURL(/[?&]severity=critical\b/);
  await expect(page).not.toHaveURL(/category=/);
  await settled(page);
  const critical = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7&severity=critical');
  expect(critical.total).toBeGreaterThan(0);
  expect(await shownIds(page)).toEqual(critical.insights.map((i) => i.id));
  for (const badge of await page.getByTestId('insight-row').locator('span.capitalize').allTextContents()) expect(badge).toBe('critical');

  await page.getByTestId('filter-severity').selectOption('');
  await page.getByTestId('filter-pipeline').selectOption('invoice-extraction');
  await expect(page).toHaveURL(/pipeline_id=invoice-extraction/);
  await settled(page);
  const pipeline = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7&pipeline_id=invoice-extraction');
  expect(pipeline.insights.some((i) => i.category === 'reliability')).toBe(true);
  expect(await shownIds(page)).toEqual(pipeline.insights.map((i) => i.id));
});

test('a URL restores the exact view after a reload', async ({ page, request }) => {
  await page.goto('/insights?days=14&category=cost,optimization&severity=info');
  await settled(page);
  const expected = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=14&category=cost,optimization&severity=info');
  expect(await shownIds(page)).toEqual(expected.insights.map((i) => i.id));
  await page.getByTestId('filter-pipeline').selectOption('support-bot');
  await expect(page).toHaveURL(/pipeline_id=support-bot/);
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('filter-pipeline')).toHaveValue('support-bot');
  await expect(page.getByTestId('filter-severity')).toHaveValue('info');
  await expect(page.getByTestId('range-14')).toHaveAttribute('aria-pressed', 'true');
  const narrowed = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=14&category=cost,optimization&severity=info&pipeline_id=support-bot');
  expect(await shownIds(page)).toEqual(narrowed.insights.map((i) => i.id));
});

test('the CSV download holds exactly the rows shown', async ({ page }) => {
  await page.goto('/insights?severity=critical,warning');
  await settled(page);
  const ids = await shownIds(page);
  const titles = await page.getByTestId('insight-title').allTextContents();
  expect(ids.length).toBeGreaterThan(0);
  const csv = await downloadCsv(page, page.getByTestId('insights-list').getByRole('button', { name: /CSV/ }));
  expect(csv.name).toBe('insights-7d.csv');
  const [header, ...rows] = csv.rows;
  expect(header).toEqual(['id', 'severity', 'category', 'type', 'pipeline_id', 'title', 'description', 'recommendations', 'detected_at']);
  expect(rows.map((r) => r[0])).toEqual(ids);
  expect(rows.map((r) => r[5])).toEqual(titles);
  for (const r of rows) expect(['critical', 'warning']).toContain(r[1]);
});

test('the detail view shows the numbers behind a finding and its recommendations', async ({ page, request }) => {
  const list = await api<InsightsListResponse>(request, '/api/v1/analytics/insights?days=7&category=reliability');
  const insight = list.insights.find((i) => i.type === 'failure_pattern')!;
  expect(insight).toBeTruthy();
  await page.goto('/insights?category=reliability');
  await settled(page);
  await page.locator(`[data-insight-id="${insight.id}"]`).getByTestId('insight-title').click();
  await expect(page).toHaveURL(new RegExp(`/insights/${encodeURIComponent(insight.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const detail = page.getByTestId('insight-detail');
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText(/^(Critical|High) failure rate: [\d.]+%$/);
  const value = (label: string) => detail.getByTestId('insight-data').locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  await expectNear(value('Failure rate'), (insight.data.failure_rate as number) * 100, { abs: 0.3 });
  await expectNear(value('Total failures'), insight.data.total_failures as number, { abs: 2 });
  for (const r of insight.recommendations) await expect(detail.getByTestId('insight-recommendations')).toContainText(r);
  await detail.getByRole('link', { name: /All insights/ }).click();
  await expect(page).toHaveURL(/\/insights\?days=7&category=reliability$/);
});
