import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { bearer, demoKey } from '../support';

// Helpers of the dashboard suites: the API's answer for the same filters (with the demo
// organisation's key), waiting for a filter change to land, axe, screenshots. (Console errors and
// warnings fail every test through the `test` of ./fixtures.)

/** GET an /api/v1 path with the demo key: what a program would see for the same filters. */
export async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path, { headers: bearer(demoKey()) });
  expect(res.status(), `${path} → ${res.status()}`).toBe(200);
  return (await res.json()) as T;
}

/** Until every section is hydrated and nothing is loading or showing data of old filters. */
export async function settled(page: Page) {
  await expect(page.locator('[data-hydrated="false"], [data-busy="true"], [aria-busy="true"], [role="status"][aria-label="Loading"]')).toHaveCount(0);
}

/** axe on the whole page: no serious or critical violation. */
export async function expectAccessible(page: Page, testInfo: TestInfo, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(bad, null, 2), contentType: 'application/json' });
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`)).toEqual([]);
}

/** A full-page screenshot kept with the test's results (a file in its output folder, attached). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${name}.png`, { path, contentType: 'image/png' });
}

/** Parses the CSV our exports write (quoted cells, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** Clicks a CSV button and returns the parsed file. */
export async function downloadCsv(page: Page, button: ReturnType<Page['locator']>): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), rows: parseCsv(Buffer.concat(chunks).toString('utf8')) };
}

/** A number as the dashboard shows it: "$1,234.56", "+230.0%", "−3.4%", "8.83 s", "968 ms", "2,326". */
export function parseShown(text: string): number {
  const t = text.trim().replace(/,/g, '').replace('−', '-');
  const n = Number(/-?\+?[\d.]+/.exec(t.replace('+', ''))?.[0] ?? NaN);
  if (/\bmin$/.test(t)) return n * 60_000;
  if (/\bms$/.test(t)) return n;
  if (/\bs$/.test(t)) return n * 1000;
  return n;
}

/**
 * The page shows `expected` up to rounding and the window's slide: the page and the API compute
 * "the last N days up to now" a few seconds apart, so a run at the window's edge may be in one and
 * not in the other. `rel` is a fraction of the expected value, `abs` a floor in its unit.
 */
export async function expectNear(locator: Locator, expected: number, { rel = 0.01, abs = 0 } = {}) {
  const tolerance = Math.max(Math.abs(expected) * rel, abs);
  await expect
    .poll(async () => Math.abs(parseShown((await locator.textContent()) ?? '') - expected) <= tolerance, {
      message: `${await locator.textContent()} ≈ ${expected} (±${tolerance})`,
    })
    .toBe(true);
}
