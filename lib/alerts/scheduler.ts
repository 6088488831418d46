import 'server-only';
import { logger } from '@/lib/log';
import { alertsConfig } from './config';
import type { Detector } from './evaluate';
import { evaluateOrg } from './evaluate';
import { nextTickDelay } from './pacing';
import { claimDueOrgs, releaseClaim } from './state';

// Evaluates organisations whose data changed since their last evaluation, every
// ALERT_EVAL_INTERVAL_MS (default 15 s: new data is evaluated well within 60 s), and every
// organisation at least every ALERT_SCHEDULE_MS (default 10 min: time alone moves the window).
// It does not fight ingest: a tick evaluates each due organisation once (batches that arrive
// meanwhile are coalesced into the next tick's evaluation — before, an organisation under steady
// ingest was re-evaluated back to back, a core's worth of work), and the wait after a tick grows
// with the tick's busy time so that evaluations take at most ALERT_EVAL_CPU_SHARE of a core.

/** Claimed together: small, so a claim never holds many organisations another process could take. */
const ORGS_PER_CLAIM = 5;

export class EvaluationScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly detect: Detector,
    private readonly onEnqueued: () => void,
  ) {}

  start() {
    this.stopped = false;
    this.schedule(alertsConfig().evalIntervalMs);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const started = performance.now();
      this.running = this.runOnce().finally(() => {
        this.running = null;
        const cfg = alertsConfig();
        const pacing = { intervalMs: cfg.evalIntervalMs, share: cfg.evalCpuShare, maxDelayMs: cfg.evalMaxDelayMs };
        if (!this.stopped) this.schedule(nextTickDelay(performance.now() - started, pacing));
      });
    }, ms);
    this.timer.unref();
  }

  /**
   * Claims and evaluates due organisations, a few at a time, until none is due (a backlog drains in
   * one tick), each at most once per tick. Failed ones are released only at the end, so they are
   * retried next tick, not in a loop.
   */
  async runOnce() {
    const cfg = alertsConfig();
    const failed: string[] = [];
    const done: string[] = [];
    try {
      while (!this.stopped) {
        const orgs = await claimDueOrgs(ORGS_PER_CLAIM, cfg.scheduleMs, done);
        if (orgs.length === 0) return;
        for (const orgId of orgs) {
          done.push(orgId);
          if (!(await this.evaluate(orgId))) failed.push(orgId);
        }
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'alert scheduler: could not claim organisations');
    } finally {
      // Due again on the next tick: a transient failure must not hold an alert back until the schedule.
      for (const orgId of failed) await releaseClaim(orgId).catch(() => {});
    }
  }

  private async evaluate(orgId: string): Promise<boolean> {
    try {
      const r = await evaluateOrg(orgId, this.detect);
      if (r.enqueued.length > 0) this.onEnqueued();
      logger.info({ orgId, insights: r.insights.length, resolved: r.resolved.length, enqueued: r.enqueued.length }, 'alerts evaluated');
      return true;
    } catch (err) {
      logger.error({ err, orgId }, 'alert evaluation failed');
      return false;
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }
}
