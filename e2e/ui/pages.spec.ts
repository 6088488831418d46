import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { formatCount, formatUsd } from '../../lib/format';
import type { ReportResponse } from '../../lib/schemas/insights';
import { api, downloadCsv, expectNear, settled } from './ui-support';

// Costs, performance, reliability and models on the demo data: the numbers are the report's for
// the same filters, a pipeline narrows them, and the tables export as CSV row for row.

/** The text of some columns of a table's rows, as shown. */
const cells = (page: Page, testId: string, columns: number[]) =>
  page.getByTestId(testId).locator('tbody tr').evaluateAll(
    (rows, cols) => rows.map((row) => cols.map((i) => row.querySelectorAll('td')[i]?.textContent ?? '')),
    columns,
  );

const report = (request: Parameters<typeof api>[0], query = 'days=7') => api<ReportResponse>(request, `/api/v1/analytics/insights/report?${query}`);

test('costs: totals, forecast, breakdowns and opportunities are the report’s', async ({ page, request }) => {
  await page.goto('/costs');
  await settled(page);
  const r = await report(request);
  await expectNear(page.getByTestId('cost-total'), r.cost_trend.current_value!);
  await expectNear(page.getByTestId('cost-forecast-monthly'), r.cost_forecast!.projected_monthly, { rel: 0.03 });
  await expectNear(page.getByTestId('cost-savings'), r.total_potential_savings, { rel: 0.02 });
  // The forecast's 30 days are drawn from today on: today's row carries both, the 29 after it only the forecast.
  const costRows = page.getByTestId('chart-cost').locator('details tbody tr');
  const buckets = (await api<{ buckets: unknown[] }>(request, '/api/v1/analytics/timeseries?days=7')).buckets.length;
  expect(r.cost_forecast!.daily).toHaveLength(30);
  expect(await costRows.count()).toBe(buckets + r.cost_forecast!.daily.length - 1);
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr')).toHaveCount(r.cost_breakdown.by_pipeline.length);
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr').first()).toContainText(r.cost_breakdown.by_pipeline[0].pipeline_id);
  await expect(page.getByTestId('table-by-model').locator('tbody tr')).toHaveCount(r.cost_breakdown.by_model.length);
  await expect(page.getByTestId('table-opportunities').locator('tbody tr')).toHaveCount(r.optimization_opportunities.length);

  // The CSV holds the rows shown: same models in the same order, the same costs.
  const csv = await downloadCsv(page, page.getByTestId('breakdown-model').getByRole('button', { name: /CSV/ }));
  expect(csv.name).toBe('cost-by-model-7d.csv');
  expect(csv.rows[0]).toEqual(['Model', 'Provider', 'Calls', 'Cost', 'Share']);
  expect(csv.rows.slice(1).map((row) => [row[0], formatCount(Number(row[2])), formatUsd(Number(row[3]))])).toEqual(
    await cells(page, 'table-by-model', [0, 2, 3]),
  );
});

test('costs by pipeline: choosing a pipeline narrows the numbers to the report for it', async ({ page, request }) => {
  await page.goto('/costs?days=30');
  await settled(page);
  await page.getByTestId('filter-pipeline').selectOption('doc-summarizer');
  await expect(page).toHaveURL(/days=30.*pipeline_id=doc-summarizer|pipeline_id=doc-summarizer.*days=30/);
  await settled(page);
  const r = await report(request, 'days=30&pipeline_id=doc-summarizer');
  await expectNear(page.getByTestId('cost-total'), r.cost_trend.current_value!);
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr')).toHaveCount(1);
});

test('performance: percentiles and slowest stages are the report’s; 30 days changes the chart', async ({ page, request }) => {
  await page.goto('/performance');
  await settled(page);
  const r = await report(request);
  await expectNear(page.getByTestId('perf-p50'), r.performance_metrics.p50_duration_ms!, { rel: 0.02 });
  await expectNear(page.getByTestId('perf-p95'), r.performance_metrics.p95_duration_ms!, { rel: 0.02 });
  await expectNear(page.getByTestId('perf-p99'), r.performance_metrics.p99_duration_ms!, { rel: 0.03 });
  const stages = page.getByTestId('table-slowest-stages').locator('tbody tr');
  await expect(stages).toHaveCount(r.performance_metrics.slowest_stages.length);
  await expect(stages.first()).toContainText(r.performance_metrics.slowest_stages[0].stage_id);
  // p50 / p95 / p99 per day come from the timeseries (not range-wide reference lines)
  await expect(page.getByTestId('chart-latency').locator('details thead th')).toContainText(['p50', 'p95', 'p99', 'Average']);
  const weekRows = await page.getByTestId('chart-latency').locator('details tbody tr').count();
  await page.getByTestId('range-30').click();
  await settled(page);
  expect(await page.getByTestId('chart-latency').locator('details tbody tr').count()).toBeGreaterThan(weekRows);
  await expectNear(page.getByTestId('perf-p95'), (await report(request, 'days=30')).performance_metrics.p95_duration_ms!, { rel: 0.02 });
});

test('reliability: failure rate, error types, pipelines and MTTR are the report’s; CSV matches', async ({ page, request }) => {
  await page.goto('/reliability');
  await settled(page);
  const m = (await report(request)).reliability_metrics;
  await expectNear(page.getByTestId('rel-failure-rate'), m.failure_rate! * 100, { abs: 0.15 });
  await expectNear(page.getByTestId('rel-failures'), m.total_failures, { abs: 2 });
  await expect(page.getByTestId('rel-mttr')).not.toHaveText('—');
  await expect(page.getByTestId('table-by-error-type').locator('tbody tr')).toHaveCount(Object.keys(m.by_error_type).length);
  const rows = page.getByTestId('table-failures-by-pipeline').locator('tbody tr');
  await expect(rows).toHaveCount(m.by_pipeline.length);
  // The demo's failure burst: invoice-extraction fails far more often than the rest.
  await expect(rows.first()).toContainText('invoice-extraction');
  const csv = await downloadCsv(page, page.getByTestId('failures-by-type').getByRole('button', { name: /CSV/ }));
  expect(csv.rows.slice(1).map((row) => [row[0], formatCount(Number(row[1]))])).toEqual(await cells(page, 'table-by-error-type', [0, 1]));
  expect(csv.rows.slice(1).map((row) => row[0]).sort()).toEqual(Object.keys(m.by_error_type).sort());
});

test('models: the efficiency table and its CSV are the report’s, with a cost-vs-latency chart', async ({ page, request }) => {
  await page.goto('/models?days=14');
  await settled(page);
  const r = await report(request, 'days=14');
  const rows = page.getByTestId('table-model-efficiency').locator('tbody tr');
  await expect(rows).toHaveCount(r.model_efficiency.length);
  await expect(page.getByTestId('chart-cost-latency').locator('svg .recharts-scatter-symbol')).toHaveCount(
    r.model_efficiency.filter((x) => x.avg_latency_ms != null && x.cost_per_1k_tokens != null).length,
  );
  const csv = await downloadCsv(page, page.getByTestId('model-efficiency').getByRole('button', { name: /CSV/ }));
  expect(csv.name).toBe('model-efficiency-14d.csv');
  // The CSV holds the rows shown; the rows are the report's models (calls within the window's slide).
  expect(csv.rows.slice(1).map((row) => [row[0], row[1], formatCount(Number(row[2]))])).toEqual(await cells(page, 'table-model-efficiency', [0, 1, 2]));
  const calls = Object.fromEntries(csv.rows.slice(1).map((row) => [`${row[1]}/${row[0]}`, Number(row[2])]));
  expect(Object.keys(calls).sort()).toEqual(r.model_efficiency.map((x) => `${x.provider}/${x.model}`).sort());
  for (const x of r.model_efficiency) expect(Math.abs(calls[`${x.provider}/${x.model}`] - x.usage_count)).toBeLessThanOrEqual(5);
});
