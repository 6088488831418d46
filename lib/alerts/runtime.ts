import 'server-only';
import pg from 'pg';
import { logger } from '@/lib/log';
import { alertsConfig } from './config';
import { detectWithService } from './detector';
import { LeaderElection } from './leader';
import { EvaluationScheduler } from './scheduler';
import { DeliveryWorker } from './worker';

// The alerting background work of a server process: the delivery worker and the evaluation
// scheduler, started once from instrumentation.ts. Kept on globalThis because Next bundles
// instrumentation and route handlers separately: both must reach the same worker.
// With ALERTS_LEADER_ELECTION=1 (npm start on PostgreSQL: several server processes share the
// database) only the elected leader runs them (lib/alerts/leader.ts); a dead leader is replaced
// within ALERT_LEADER_RETRY_MS (default 5 s).

type Runtime = { worker: DeliveryWorker; scheduler: EvaluationScheduler; active: boolean };
const holder = globalThis as unknown as { __fmAlerts?: Runtime };

/** Wakes this process's worker after something was enqueued (no-op when it does not run here). */
export function kickDeliveryWorker() {
  if (holder.__fmAlerts?.active) holder.__fmAlerts.worker.kick();
}

export function startAlerts() {
  if (holder.__fmAlerts || !alertsConfig().workerEnabled) return;
  if (!process.env.DATABASE_URL) {
    logger.warn('alerts: DATABASE_URL is not set (start the app with `npm start`); webhook delivery is not running');
    return;
  }
  const worker = new DeliveryWorker();
  const scheduler = new EvaluationScheduler(detectWithService, () => worker.kick());
  const runtime: Runtime = { worker, scheduler, active: false };
  holder.__fmAlerts = runtime;
  const begin = () => {
    runtime.active = true;
    worker.start();
    scheduler.start();
    logger.info({ ...alertsConfig() }, 'alerts: delivery worker and evaluation scheduler started');
  };
  const end = async () => {
    if (!runtime.active) return;
    runtime.active = false;
    await Promise.all([scheduler.stop(), worker.stop(alertsConfig().timeoutMs + 2_000)]);
    logger.info('alerts: stopped');
  };
  let election: LeaderElection | null = null;
  if (process.env.ALERTS_LEADER_ELECTION === '1') {
    const url = process.env.DATABASE_URL;
    election = new LeaderElection(() => new pg.Client({ connectionString: url }), {
      onElected: () => {
        logger.info({ pid: process.pid }, 'alerts: this process is the leader');
        begin();
      },
      onDeposed: end,
      onError: (err) => logger.warn({ err: err.message }, 'alerts: leader election'),
    }, { retryMs: Number(process.env.ALERT_LEADER_RETRY_MS ?? 5_000) || 5_000 });
    election.start();
  } else {
    begin();
  }

  let stopping: Promise<void> | null = null;
  const drain = () => (stopping ??= (election ? election.stop() : end()));
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
