import { describe, expect, it } from 'vitest';
import { executionCost } from '@/tests/support/demo-stats';
import { generateDemoExecutions } from './generator';
import { expectedDailySpend } from './expected-spend';

// The expectation must be the generator's own: on a steady stretch of generated history (a week
// ending before the planted incidents' window), the expected spend of those days matches what
// the generator produced within sampling noise.
describe('expectedDailySpend', () => {
  it("matches the generator's output on a steady week (list-price proxy, 5%)", () => {
    const now = new Date(Date.UTC(2026, 10, 30));
    const days = 60;
    const total = 40_000;
    const from = new Date(now.getTime() - 21 * 86_400_000);
    let produced = 0;
    for (const batch of generateDemoExecutions({ now, days, total })) {
      for (const e of batch) {
        const t = Date.parse(e.started_at);
        if (t >= from.getTime() && t < from.getTime() + 7 * 86_400_000) produced += executionCost(e);
      }
    }
    // The planted variants run only in the last 7 days: this week ran the steady regime.
    const expected = expectedDailySpend({ now, days, total, from, horizonDays: 7, price: executionCost, regime: 'steady' });
    const sum = expected.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - produced) / produced).toBeLessThan(0.05);
  });
});
