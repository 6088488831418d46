import { generateDemoExecutions } from '@/lib/demo';
import { executionCost } from '@/tests/support/demo-stats';
import type { Case } from './corpus';

// The demo organisation's daily spend (UTC days, the generator's list-price cost proxy), cut at
// several origins before the planted incident week so the 30 "future" days are ordinary days.

const DAY_MS = 86_400_000;

export function demoCases(): Case[] {
  const days = 97;
  const now = new Date(Date.UTC(2026, 10, 1));
  const startDay = Math.floor(now.getTime() / DAY_MS) - days;
  const daily = new Array<number>(days).fill(0);
  for (const batch of generateDemoExecutions({ now, days, total: Math.round((25_000 * days) / 60), seed: 42 })) {
    for (const e of batch) daily[Math.floor(Date.parse(e.started_at) / DAY_MS) - startDay] += executionCost(e);
  }
  // Day 0 is complete (now is midnight UTC); the planted week is days 90–96.
  return [35, 42, 49, 56, 60].map((origin) => ({ cls: 'demo', history: daily.slice(0, origin), future: daily.slice(origin, origin + 30) }));
}
