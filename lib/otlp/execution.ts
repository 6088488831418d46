import type { z } from 'zod';
import type { ExecutionInput } from '@/lib/schemas/ingest';
import { attrLabel, attrString, clipText, type AttrValue } from './attributes';
import { normalizeErrorType, spanDurationMs, spanStartMs, type GenAiStage } from './gen-ai';
import type { OtlpSpan } from './spans';

// A trace's root span + its GenAI stages → one execution in the ingest API's input shape, so it
// then goes through exactly the same validation, pricing and idempotent insert as POST /executions.

export type ExecutionCandidate = z.input<typeof ExecutionInput>;

/** A root: no parent at all, or a parent in another process (this service's entry span). */
export const isRootSpan = (span: OtlpSpan) => span.parentSpanId === null || span.parentIsRemote;

/** flowmason.pipeline_id on the span, then on the resource, then the resource's service.name. */
export function pipelineIdOf(root: OtlpSpan): string {
  // An explicit but blank flowmason.pipeline_id stays '' so the execution is refused (not renamed).
  const id =
    attrLabel(root.attributes, 'flowmason.pipeline_id') ??
    attrLabel(root.resource, 'flowmason.pipeline_id') ??
    attrString(root.resource, 'service.name') ??
    'unknown_service';
  return clipText(id, 128);
}

/** An explicit flowmason.pipeline_id makes a root an execution even without any GenAI span. */
export const isMarkedPipeline = (root: OtlpSpan) =>
  attrString(root.attributes, 'flowmason.pipeline_id') !== undefined || attrString(root.resource, 'flowmason.pipeline_id') !== undefined;

const METADATA_PREFIX = 'flowmason.metadata.';
const MAX_METADATA_KEYS = 32;

function metadataOf(root: OtlpSpan): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const put = (key: string, v: AttrValue | undefined) => {
    if (Object.keys(out).length >= MAX_METADATA_KEYS || key.length === 0 || key.length > 128) return;
    if (typeof v === 'string') out[key] = clipText(v, 1024);
    else if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
  };
  put('service', root.resource['service.name']);
  put('version', root.resource['service.version']);
  put('environment', root.resource['deployment.environment.name'] ?? root.resource['deployment.environment']);
  put('root_span', root.name);
  // flowmason.metadata.<key> on the root span (or resource) becomes metadata.<key>: user_id, …
  for (const attrs of [root.attributes, root.resource]) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k.startsWith(METADATA_PREFIX) && !(k.slice(METADATA_PREFIX.length) in out)) put(k.slice(METADATA_PREFIX.length), v);
    }
  }
  return out;
}

/** Stages in call order: start time, then span id so that equal starts stay deterministic. */
export function orderStages(stages: GenAiStage[]): GenAiStage[] {
  const cmp = <T>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);
  return [...stages].sort((a, b) => cmp(a.startNs, b.startNs) || cmp(a.spanId, b.spanId));
}

export function buildExecution(root: OtlpSpan, stages: GenAiStage[]): ExecutionCandidate {
  const failed = root.statusCode === 2;
  const ordered = orderStages(stages).map((s) => s.stage);
  const failedStage = ordered.find((s) => s.status === 'failed' && s.error_type);
  // Precedence: the root's own error.type, then the failing call's, then the root's exception class;
  // with none of these the ingest path derives it from error_message.
  const errorType = failed
    ? (normalizeErrorType(attrString(root.attributes, 'error.type')) ?? failedStage?.error_type ?? normalizeErrorType(root.exception?.type))
    : undefined;
  const errorMessage = failed ? root.statusMessage || root.exception?.message : undefined;
  const execution: ExecutionCandidate = {
    id: root.traceId,
    pipeline_id: pipelineIdOf(root),
    status: failed ? 'failed' : 'success',
    started_at: new Date(spanStartMs(root)).toISOString(),
    duration_ms: spanDurationMs(root),
    metadata: metadataOf(root),
    stages: ordered,
  };
  if (errorType) execution.error_type = errorType;
  if (errorMessage) execution.error_message = errorMessage;
  return execution;
}
