import 'server-only';
import { logger } from '@/lib/log';
import { alertsConfig, allowPrivateWebhooks, retryConfig } from './config';
import { cancelDelivery, claimDueDeliveries, recordAttempt, type ClaimedDelivery } from './outbox';
import { decideOutcome } from './outcome';
import { sendWebhook } from './send';
import { messageId, signedHeaders } from './signing';

// The delivery worker: polls the outbox every WEBHOOK_POLL_MS (and at once when an evaluation
// enqueues something in this process), sends up to batchSize attempts concurrently, and logs each
// one. stop() stops claiming and waits for the attempts in flight, so a shutdown records their
// outcome instead of leaving them to be re-sent after their lease.

/** Longer than any attempt (10 s timeout) plus the time to record it. */
const leaseMs = () => alertsConfig().timeoutMs + 50_000;

async function deliver(d: ClaimedDelivery) {
  if (!d.url || !d.secret) return cancelDelivery(d, 'endpoint deleted');
  if (!d.enabled) return cancelDelivery(d, `endpoint disabled${d.disabled_reason ? `: ${d.disabled_reason}` : ''}`);
  const body = JSON.stringify(d.payload);
  const startedAt = new Date();
  const result = await sendWebhook({
    url: d.url,
    headers: signedHeaders(d.secret, messageId(d.id), body, startedAt),
    body,
    timeoutMs: alertsConfig().timeoutMs,
    allowPrivate: allowPrivateWebhooks(),
  });
  const outcome = decideOutcome(result, { attempts: d.attempts, createdAt: new Date(d.created_at) }, new Date(), retryConfig(), Math.random());
  await recordAttempt(d, startedAt, result, outcome);
  logger.info({ delivery: d.id, webhook: d.webhook_id, attempt: d.attempts, status: result.statusCode, ms: result.durationMs, outcome: outcome.kind, error: result.error ?? undefined }, 'webhook attempt');
}

export class DeliveryWorker {
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private stopped = false;

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  /** Poll now (something was just enqueued). */
  kick() {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick() {
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    const cfg = alertsConfig();
    let claimed = 0;
    try {
      const batch = await claimDueDeliveries(cfg.batchSize - this.inFlight.size, leaseMs());
      claimed = batch.length;
      for (const d of batch) {
        const p: Promise<void> = deliver(d)
          .catch((err: unknown) => logger.error({ err, delivery: d.id }, 'webhook delivery failed to record; retried after its lease'))
          .finally(() => {
            this.inFlight.delete(p);
            this.kick(); // a slot is free: look for more work
          });
        this.inFlight.add(p);
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'webhook outbox poll failed');
    } finally {
      this.ticking = false;
      // A full batch suggests more is due: poll again soon rather than after a whole interval.
      if (!this.stopped) this.schedule(claimed > 0 && this.inFlight.size < cfg.batchSize ? 10 : cfg.pollMs);
    }
  }

  /** Stops claiming; resolves when the attempts in flight are recorded (or after `graceMs`). */
  async stop(graceMs: number) {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlight.size === 0) return;
    logger.info({ inFlight: this.inFlight.size }, 'webhook worker: finishing attempts in flight');
    let t: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (t = setTimeout(r, graceMs)))]);
    clearTimeout(t);
  }
}
