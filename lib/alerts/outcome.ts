import { planRetry } from './backoff';
import type { RetryConfig } from './config';
import type { SendResult } from './send';

// What an attempt's answer means for its delivery (pure):
//   2xx                       → delivered
//   410 Gone                  → the endpoint asked never to be called again: the delivery fails
//                               and the endpoint is disabled (its other pending deliveries cancelled)
//   anything else / no answer → retry on the backoff schedule, or fail once the window is over

export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'gone' }
  | { kind: 'retry'; nextAttemptAt: Date }
  | { kind: 'failed' };

export function decideOutcome(
  result: Pick<SendResult, 'statusCode'>,
  d: { attempts: number; createdAt: Date },
  now: Date,
  cfg: RetryConfig,
  random: number,
): AttemptOutcome {
  const s = result.statusCode;
  if (s !== null && s >= 200 && s < 300) return { kind: 'delivered' };
  if (s === 410) return { kind: 'gone' };
  const plan = planRetry({ failedAttempts: d.attempts, createdAt: d.createdAt, now, cfg, random });
  return plan.giveUp ? { kind: 'failed' } : { kind: 'retry', nextAttemptAt: plan.nextAttemptAt };
}
