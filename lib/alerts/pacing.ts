// How long the evaluation scheduler waits before its next tick (pure; lib/alerts/scheduler.ts).
// Evaluations compete with ingest for the same cores (the app's and PostgreSQL's), so the
// scheduler keeps its busy time to at most `share` of the wall clock: after a tick that was busy
// B ms it waits at least B·(1 − share)/share. The wait never exceeds `maxDelayMs`, which keeps the
// contract "new data is evaluated within 60 s" (a tick evaluates every organisation due).

export interface Pacing {
  /** The usual wait between ticks (ALERT_EVAL_INTERVAL_MS). */
  intervalMs: number;
  /** The scheduler's share of one core, 0 < share ≤ 1 (ALERT_EVAL_CPU_SHARE). */
  share: number;
  /** Upper bound of any wait (ALERT_EVAL_MAX_DELAY_MS). */
  maxDelayMs: number;
}

export function nextTickDelay(busyMs: number, p: Pacing): number {
  const share = Math.min(1, Math.max(0.01, p.share));
  const rest = (Math.max(0, busyMs) * (1 - share)) / share;
  return Math.round(Math.min(Math.max(p.intervalMs, rest), Math.max(p.intervalMs, p.maxDelayMs)));
}
