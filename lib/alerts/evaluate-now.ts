import 'server-only';
import type { EvaluationResponse } from '@/lib/schemas/alerts';
import { detectWithService } from './detector';
import { evaluateOrg } from './evaluate';
import { kickDeliveryWorker } from './runtime';
import { markEvaluated, releaseClaim } from './state';

/** A forced evaluation (POST /api/v1/alerts/evaluate): evaluates now and wakes the worker. */
export async function evaluateNow(orgId: string): Promise<EvaluationResponse> {
  await markEvaluated(orgId);
  let result: EvaluationResponse;
  try {
    result = await evaluateOrg(orgId, detectWithService);
  } catch (err) {
    await releaseClaim(orgId).catch(() => {}); // let the scheduler try again
    throw err;
  }
  if (result.enqueued.length > 0) kickDeliveryWorker();
  return result;
}
