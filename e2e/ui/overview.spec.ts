import { expect, test } from './fixtures';
import type { SummaryResponse, TimeseriesResponse } from '../../lib/schemas/insights';
import { sql } from '../db';
import { api, expectNear, settled } from './ui-support';

// Counts of executions may differ by the few runs that slide out of the window between the page's
// render and the SQL below (the demo has ~15 runs an hour).
const RUNS = { abs: 3, rel: 0 };

// The overview on the demo data: numbers as the database and the API have them, and the time
// range in the URL driving the charts without a page reload.

const executionsSince = async (days: number, pipeline?: string) =>
  (await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM executions e JOIN organizations o ON o.id = e.org_id
      WHERE o.slug = 'default' AND e.started_at >= now() - make_interval(days => $1::int) AND ($2::text IS NULL OR e.pipeline_id = $2)`,
    [days, pipeline ?? null],
  ))[0].n;

test('the overview shows the last 7 days as the database and the API have them', async ({ page, request }) => {
  await page.goto('/');
  await settled(page);
  const expected = await executionsSince(7);
  expect(expected).toBeGreaterThan(1000);
  await expectNear(page.getByTestId('stat-executions'), expected, RUNS);
  await expect(page.getByTestId('stat-cost')).toHaveText(/^\$[1-9][\d,]*\.\d{2}$/);

  const summary = await api<SummaryResponse>(request, '/api/v1/analytics/insights/summary?days=7');
  expect(summary.total_insights).toBeGreaterThan(0);
  await expect(page.getByTestId('summary-total')).toHaveText(String(summary.total_insights));
  await expect(page.getByTestId('summary-critical')).toHaveText(String(summary.critical_count));
  await expect(page.getByTestId('summary-warning')).toHaveText(String(summary.warning_count));
  await expectNear(page.getByTestId('summary-savings'), summary.estimated_savings, { rel: 0.02 });
  await expectNear(page.getByTestId('summary-cost-change'), summary.cost_change_percent!, { rel: 0.01, abs: 0.5 });
  // The demo plants a cost spike in the last week: it is the top cost insight.
  await expect(page.getByTestId('top-insights').locator(`[data-insight-id="${summary.top_cost_insight!.id}"]`)).toBeVisible();
});

test('the time range lives in the URL: charts change without a reload, back restores, reload keeps it', async ({ page, request }) => {
  await page.goto('/');
  await settled(page);
  const rowsOf = (chart: string) => page.getByTestId(chart).locator('details tbody tr');
  const weekRows = await rowsOf('chart-cost').count();
  expect(weekRows).toBeGreaterThanOrEqual(7);
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await page.getByTestId('range-30').click();
  await expect(page).toHaveURL(/[?&]days=30\b/);
  await settled(page);
  await expect(rowsOf('chart-cost')).toHaveCount((await api<TimeseriesResponse>(request, '/api/v1/analytics/timeseries?days=30')).buckets.length);
  expect(await rowsOf('chart-cost').count()).toBeGreaterThan(weekRows);
  await expectNear(page.getByTestId('stat-executions'), await executionsSince(30), RUNS);
  await expect(page.getByTestId('range-label')).toContainText('Last 30 days');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await page.goBack();
  await expect(page).not.toHaveURL(/days=30/);
  await settled(page);
  await expect(rowsOf('chart-cost')).toHaveCount(weekRows);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await page.goForward();
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('range-30')).toHaveAttribute('aria-pressed', 'true');
  await expectNear(page.getByTestId('stat-executions'), await executionsSince(30), RUNS);
});

test('the pipeline filter narrows every number to that pipeline, as the API does', async ({ page, request }) => {
  await page.goto('/');
  await settled(page);
  await page.getByTestId('filter-pipeline').selectOption('invoice-extraction');
  await expect(page).toHaveURL(/pipeline_id=invoice-extraction/);
  await settled(page);
  await expectNear(page.getByTestId('stat-executions'), await executionsSince(7, 'invoice-extraction'), RUNS);
  const summary = await api<SummaryResponse>(request, '/api/v1/analytics/insights/summary?days=7&pipeline_id=invoice-extraction');
  await expect(page.getByTestId('summary-total')).toHaveText(String(summary.total_insights));
  await expect(page.getByTestId('summary-critical')).toHaveText(String(summary.critical_count));
});

test('a range without executions says so and shows how to send some', async ({ page }) => {
  await page.goto('/?pipeline_id=no-such-pipeline');
  await settled(page);
  await expect(page.getByTestId('empty-state').first()).toContainText('No executions in this range');
  await expect(page.getByTestId('empty-state').first()).toContainText('/api/v1/executions');
});
