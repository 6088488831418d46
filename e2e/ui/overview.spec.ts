import { expect, test } from '@playwright/test';
import { sql } from '../db';

test('the overview shows the demo organisation’s last 7 days, as the database has them', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  const [expected] = await sql<{ executions: number; failures: number }>(
    `SELECT count(*)::int AS executions, count(*) FILTER (WHERE status = 'failed')::int AS failures
       FROM executions e JOIN organizations o ON o.id = e.org_id
      WHERE o.slug = 'default' AND e.started_at >= now() - interval '7 days'`,
  );
  expect(expected.executions).toBeGreaterThan(1000);
  await expect(page.getByTestId('stat-executions')).toHaveText(expected.executions.toLocaleString('en-US'));
  await expect(page.getByTestId('stat-cost')).toHaveText(/^\$[1-9][\d,]*\.\d{2}$/);
  await expect(page.getByTestId('stat-failure-rate')).toHaveText(/^\d+\.\d%$/);
  await expect(page.getByTestId('stat-avg-duration')).toHaveText(/\d (ms|s)$/);
  expect(errors).toEqual([]);
});
