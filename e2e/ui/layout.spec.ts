import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { settled } from './ui-support';

// Layout a person sees, measured in the browser: the Models chart's labels (every bubble named,
// no label on another or on an axis tick, at 1440 px and at 375 px), ticks at round values, the
// sidebar's height on long pages, and the partial first and last day marked on every daily chart.

type Rect = { x: number; y: number; width: number; height: number; text: string };
const intersect = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const rects = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    }),
  );

for (const width of [1440, 375]) {
  test(`models chart at ${width} px: every bubble named, no label on another label or on a tick; round ticks`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/models?days=14');
    await settled(page);
    const chart = page.getByTestId('chart-cost-latency');
    const bubbles = chart.locator('svg .recharts-scatter-symbol');
    await expect(bubbles.first()).toBeVisible();
    const names = (await page.getByTestId('table-model-efficiency').locator('tbody tr td:first-child').allTextContents()).map((t) => t.trim());
    const labels = await rects(page, '[data-testid="chart-cost-latency"] [data-testid="bubble-label"]');
    expect(labels.length).toBe(await bubbles.count());
    for (const l of labels) expect(names).toContain(l.text);
    expect(new Set(labels.map((l) => l.text)).size).toBe(labels.length);
    expect(labels.map((l) => l.text)).toContainEqual(expect.stringMatching(/^claude-3-opus/)); // it had no label

    const ticks = await rects(page, '[data-testid="chart-cost-latency"] .recharts-cartesian-axis-tick-value');
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    const titles = await rects(page, '[data-testid="chart-cost-latency"] .recharts-label');
    const problems: string[] = [];
    const all = [...labels.map((r) => ({ ...r, kind: 'label' })), ...ticks.map((r) => ({ ...r, kind: 'tick' })), ...titles.map((r) => ({ ...r, kind: 'axis title' }))];
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) if (intersect(a, b)) problems.push(`${a.kind} "${a.text}" overlaps ${b.kind} "${b.text}"`);
    }
    expect(problems).toEqual([]);
    // Labels stay inside the chart.
    const box = (await chart.locator('svg.recharts-surface').boundingBox())!;
    for (const l of labels) {
      expect(l.x).toBeGreaterThanOrEqual(box.x);
      expect(l.x + l.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    // Ticks at round values: "500 ms", "1 s", "2 s", "$0.001", "$0.0005" — not "1.04 s".
    for (const t of ticks) expect(t.text).toMatch(/^(\$0?\.?0*[1235]0*|[1235]0* (ms|s|min)|\$[1235]0*)$/);
  });
}

test('the sidebar fills the page height on a long page, scrolled anywhere', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 800 });
  await page.goto('/costs?days=30');
  await settled(page);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight, 'a long page').toBeGreaterThan(1600);
  const sidebar = await page.getByTestId('sidebar').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, height: r.height, background: getComputedStyle(el).backgroundColor };
  });
  expect(sidebar.top).toBe(0);
  expect(sidebar.height).toBeGreaterThanOrEqual(pageHeight - 1); // the background reaches the bottom of the page
  expect(sidebar.background).not.toBe('rgba(0, 0, 0, 0)');
  for (const y of [pageHeight / 2, pageHeight]) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    // At the bottom of the screen, at the left: the sidebar; its navigation still in view.
    expect(await page.evaluate(() => Boolean(document.elementFromPoint(10, window.innerHeight - 3)?.closest('[data-testid="sidebar"]')))).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' })).toBeInViewport();
  }
});

const DAILY_CHARTS: [string, string][] = [
  ['/', 'chart-cost'],
  ['/', 'chart-failure-rate'],
  ['/costs', 'chart-cost'],
  ['/performance', 'chart-latency'],
  ['/reliability', 'chart-failure-rate'],
];

test('the partial first and last day are marked on every daily chart, in the chart and in its table', async ({ page }) => {
  for (const [path, id] of DAILY_CHARTS) {
    await page.goto(`${path}?days=14`);
    await settled(page);
    const chart = page.getByTestId(id);
    const rows = await chart.locator('details tbody tr th').allTextContents();
    const partialRows = rows.map((r, i) => (r.endsWith('(partial day)') ? i : -1)).filter((i) => i >= 0);
    // The first row and today's (the last with data: the cost chart's forecast rows follow it).
    expect(partialRows.length, `${path} ${id}: ${rows.join(', ')}`).toBe(2);
    expect(partialRows[0]).toBe(0);
    // In the chart: a named dotted line through each partial day, the first at the left, today's
    // at the right (on the costs page the forecast's days follow today).
    await expect(chart.locator('.recharts-reference-line line')).toHaveCount(2);
    const names = chart.locator('svg text', { hasText: /^partial day$/ });
    await expect(names).toHaveCount(2);
    const [first, last] = await names.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).sort((a, b) => a.x - b.x).map((r) => ({ left: r.left, right: r.right })));
    const plot = (await chart.locator('.recharts-cartesian-grid').boundingBox())!;
    expect(first.left - plot.x, `${path} ${id}: the first day's marker at the left`).toBeLessThan(plot.width * 0.12);
    if (path !== '/costs') expect(plot.x + plot.width - last.right, `${path} ${id}: today's marker at the right`).toBeLessThan(plot.width * 0.12);
  }
});
