import 'server-only';
import { logger } from '@/lib/log';
import { alertsConfig } from './config';
import { detectWithService } from './detector';
import { EvaluationScheduler } from './scheduler';
import { DeliveryWorker } from './worker';

// The alerting background work of a server process: the delivery worker and the evaluation
// scheduler, started once from instrumentation.ts. Kept on globalThis because Next bundles
// instrumentation and route handlers separately: both must reach the same worker.

type Runtime = { worker: DeliveryWorker; scheduler: EvaluationScheduler };
const holder = globalThis as unknown as { __fmAlerts?: Runtime };

/** Wakes this process's worker after something was enqueued (no-op when it does not run here). */
export function kickDeliveryWorker() {
  holder.__fmAlerts?.worker.kick();
}

export function startAlerts() {
  if (holder.__fmAlerts || !alertsConfig().workerEnabled) return;
  if (!process.env.DATABASE_URL) {
    logger.warn('alerts: DATABASE_URL is not set (start the app with `npm start`); webhook delivery is not running');
    return;
  }
  const worker = new DeliveryWorker();
  const scheduler = new EvaluationScheduler(detectWithService, () => worker.kick());
  holder.__fmAlerts = { worker, scheduler };
  worker.start();
  scheduler.start();
  logger.info({ ...alertsConfig() }, 'alerts: delivery worker and evaluation scheduler started');

  let stopping: Promise<void> | null = null;
  const drain = () =>
    (stopping ??= Promise.all([scheduler.stop(), worker.stop(alertsConfig().timeoutMs + 2_000)]).then(() => {
      logger.info('alerts: stopped');
    }));
  // Next's own SIGTERM handler closes the HTTP server and then calls process.exit(). To finish the
  // webhook attempts in flight first, exit is deferred until the worker has drained (bounded by
  // the attempt timeout); an attempt cut short would otherwise be sent again after its lease.
  const onSignal = () => {
    void drain();
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void drain().finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
