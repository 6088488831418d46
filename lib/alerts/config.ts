// Alerting configuration, read from the environment at call time (not at import) so that one
// process can be reconfigured by its environment alone and tests can set it per case. There is no
// test-only code path: tests run the same code with smaller numbers.

const num = (name: string, fallback: number, min = 0): number => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min ? n : fallback;
};

export interface RetryConfig {
  /** Delay before the first retry (WEBHOOK_RETRY_BASE_MS, default 30 s); each next one ~doubles. */
  baseMs: number;
  /** No single wait is longer than this (WEBHOOK_RETRY_MAX_DELAY_MS, default 6 h). */
  maxDelayMs: number;
  /** Keep retrying until this long after the delivery was created (WEBHOOK_RETRY_WINDOW_MS, default 24 h). */
  windowMs: number;
  /** Each wait is stretched by a random factor in [1, 1 + jitter) (default 0.25). */
  jitter: number;
}

export function retryConfig(): RetryConfig {
  return {
    baseMs: num('WEBHOOK_RETRY_BASE_MS', 30_000, 1),
    maxDelayMs: num('WEBHOOK_RETRY_MAX_DELAY_MS', 6 * 3_600_000, 1),
    windowMs: num('WEBHOOK_RETRY_WINDOW_MS', 24 * 3_600_000, 0),
    jitter: 0.25,
  };
}

export interface AlertsConfig {
  /** Window of the alert evaluation in days (ALERT_WINDOW_DAYS, default 7): org-wide and per pipeline. */
  windowDays: number;
  /** How often the scheduler looks for organisations with new data (ALERT_EVAL_INTERVAL_MS, default 15 s). */
  evalIntervalMs: number;
  /** The scheduler's share of one core (ALERT_EVAL_CPU_SHARE, default 0.25): after a tick busy B ms it
   * waits at least 3·B (at 0.25), so evaluations never crowd out ingest. */
  evalCpuShare: number;
  /** No wait between ticks is longer than this (ALERT_EVAL_MAX_DELAY_MS, default 40 s: with a tick's
   * own time, new data is still evaluated within 60 s). */
  evalMaxDelayMs: number;
  /** Every organisation with data is re-evaluated at least this often (ALERT_SCHEDULE_MS, default 10 min):
   * time alone moves the window, so findings resolve without new data. */
  scheduleMs: number;
  /** How often the delivery worker polls the outbox (WEBHOOK_POLL_MS, default 1 s). */
  pollMs: number;
  /** Per-attempt HTTP timeout (WEBHOOK_TIMEOUT_MS, default 10 s). */
  timeoutMs: number;
  /** Deliveries attempted concurrently per poll. */
  batchSize: number;
  /** ALERTS_WORKER=0 disables the in-process worker and scheduler (e.g. for a read-only replica). */
  workerEnabled: boolean;
}

export function alertsConfig(): AlertsConfig {
  return {
    windowDays: Math.min(365, Math.round(num('ALERT_WINDOW_DAYS', 7, 1))),
    evalIntervalMs: num('ALERT_EVAL_INTERVAL_MS', 15_000, 100),
    evalCpuShare: Math.min(1, num('ALERT_EVAL_CPU_SHARE', 0.25, 0.01)),
    evalMaxDelayMs: num('ALERT_EVAL_MAX_DELAY_MS', 40_000, 100),
    scheduleMs: num('ALERT_SCHEDULE_MS', 600_000, 1_000),
    pollMs: num('WEBHOOK_POLL_MS', 1_000, 50),
    timeoutMs: num('WEBHOOK_TIMEOUT_MS', 10_000, 100),
    batchSize: 10,
    workerEnabled: process.env.ALERTS_WORKER !== '0',
  };
}

/** ALLOW_PRIVATE_WEBHOOKS=1 lets webhooks target loopback / private networks (local use, tests). */
export const allowPrivateWebhooks = () => process.env.ALLOW_PRIVATE_WEBHOOKS === '1';
