import { expect, test } from '@playwright/test';
import { formatMs, formatPercent, formatUsd } from '../../lib/format';
import type { ReportResponse } from '../../lib/schemas/insights';
import { api, downloadCsv, settled, watchConsole } from './ui-support';

// Costs, performance, reliability and models on the demo data: the numbers are the report's for
// the same filters, a pipeline narrows them, and the tables export as CSV row for row.

const report = (request: Parameters<typeof api>[0], query = 'days=7') => api<ReportResponse>(request, `/api/v1/analytics/insights/report?${query}`);

test('costs: totals, forecast, breakdowns and opportunities are the report’s', async ({ page, request }) => {
  const errors = watchConsole(page);
  await page.goto('/costs');
  await settled(page);
  const r = await report(request);
  await expect(page.getByTestId('cost-total')).toHaveText(formatUsd(r.cost_trend.current_value));
  await expect(page.getByTestId('cost-forecast-monthly')).toHaveText(formatUsd(r.cost_forecast!.projected_monthly));
  await expect(page.getByTestId('cost-savings')).toHaveText(formatUsd(r.total_potential_savings));
  // The forecast is drawn ahead of today: rows after the last day with a cost.
  const costRows = page.getByTestId('chart-cost').locator('details tbody tr');
  expect(await costRows.count()).toBe(7 + (await api<{ buckets: unknown[] }>(request, '/api/v1/analytics/timeseries?days=7')).buckets.length - 1);
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr')).toHaveCount(r.cost_breakdown.by_pipeline.length);
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr').first()).toContainText(r.cost_breakdown.by_pipeline[0].pipeline_id);
  await expect(page.getByTestId('table-by-model').locator('tbody tr')).toHaveCount(r.cost_breakdown.by_model.length);
  await expect(page.getByTestId('table-opportunities').locator('tbody tr')).toHaveCount(r.optimization_opportunities.length);

  const csv = await downloadCsv(page, page.getByTestId('breakdown-model').getByRole('button', { name: /CSV/ }));
  expect(csv.name).toBe('cost-by-model-7d.csv');
  expect(csv.rows[0]).toEqual(['Model', 'Provider', 'Calls', 'Cost', 'Share']);
  expect(csv.rows.slice(1).map((row) => [row[0], Number(row[3])])).toEqual(r.cost_breakdown.by_model.map((m) => [m.model, m.cost_usd]));
  expect(errors).toEqual([]);
});

test('costs by pipeline: choosing a pipeline narrows the numbers to the report for it', async ({ page, request }) => {
  await page.goto('/costs?days=30');
  await settled(page);
  await page.getByTestId('filter-pipeline').selectOption('doc-summarizer');
  await expect(page).toHaveURL(/days=30.*pipeline_id=doc-summarizer|pipeline_id=doc-summarizer.*days=30/);
  await settled(page);
  const r = await report(request, 'days=30&pipeline_id=doc-summarizer');
  await expect(page.getByTestId('cost-total')).toHaveText(formatUsd(r.cost_trend.current_value));
  await expect(page.getByTestId('table-by-pipeline').locator('tbody tr')).toHaveCount(1);
});

test('performance: percentiles and slowest stages are the report’s; 30 days changes the chart', async ({ page, request }) => {
  const errors = watchConsole(page);
  await page.goto('/performance');
  await settled(page);
  const r = await report(request);
  await expect(page.getByTestId('perf-p50')).toHaveText(formatMs(r.performance_metrics.p50_duration_ms));
  await expect(page.getByTestId('perf-p95')).toHaveText(formatMs(r.performance_metrics.p95_duration_ms));
  await expect(page.getByTestId('perf-p99')).toHaveText(formatMs(r.performance_metrics.p99_duration_ms));
  const stages = page.getByTestId('table-slowest-stages').locator('tbody tr');
  await expect(stages).toHaveCount(r.performance_metrics.slowest_stages.length);
  await expect(stages.first()).toContainText(r.performance_metrics.slowest_stages[0].stage_id);
  const weekRows = await page.getByTestId('chart-latency').locator('details tbody tr').count();
  await page.getByTestId('range-30').click();
  await settled(page);
  expect(await page.getByTestId('chart-latency').locator('details tbody tr').count()).toBeGreaterThan(weekRows);
  await expect(page.getByTestId('perf-p95')).toHaveText(formatMs((await report(request, 'days=30')).performance_metrics.p95_duration_ms));
  expect(errors).toEqual([]);
});

test('reliability: failure rate, error types, pipelines and MTTR are the report’s; CSV matches', async ({ page, request }) => {
  const errors = watchConsole(page);
  await page.goto('/reliability');
  await settled(page);
  const m = (await report(request)).reliability_metrics;
  await expect(page.getByTestId('rel-failure-rate')).toHaveText(formatPercent(m.failure_rate));
  await expect(page.getByTestId('rel-failures')).toHaveText(m.total_failures.toLocaleString('en-US'));
  await expect(page.getByTestId('rel-mttr')).not.toHaveText('—');
  await expect(page.getByTestId('table-by-error-type').locator('tbody tr')).toHaveCount(Object.keys(m.by_error_type).length);
  const rows = page.getByTestId('table-failures-by-pipeline').locator('tbody tr');
  await expect(rows).toHaveCount(m.by_pipeline.length);
  // The demo's failure burst: invoice-extraction fails far more often than the rest.
  await expect(rows.first()).toContainText('invoice-extraction');
  const csv = await downloadCsv(page, page.getByTestId('failures-by-type').getByRole('button', { name: /CSV/ }));
  expect(Object.fromEntries(csv.rows.slice(1).map((row) => [row[0], Number(row[1])]))).toEqual(m.by_error_type);
  expect(errors).toEqual([]);
});

test('models: the efficiency table and its CSV are the report’s, with a cost-vs-latency chart', async ({ page, request }) => {
  const errors = watchConsole(page);
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
  expect(csv.rows.slice(1).map((row) => ({ model: row[0], calls: Number(row[2]) }))).toEqual(
    r.model_efficiency.map((x) => ({ model: x.model, calls: x.usage_count })),
  );
  expect(await rows.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(r.model_efficiency[0].model)]));
  expect(errors).toEqual([]);
});
