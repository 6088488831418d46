import type { z } from 'zod';
import { deriveErrorType } from '@/lib/ingest/error-type';
import type { StageInput } from '@/lib/schemas/ingest';
import { attrInt, attrLabel, attrNumber, attrString, clipText } from './attributes';
import type { OtlpSpan } from './spans';

// A span carrying GenAI attributes → one stage (README "OpenTelemetry" has the table). The
// OpenTelemetry GenAI semantic conventions come first, then their deprecated names, then
// OpenLLMetry's and OpenInference's names, so the common instrumentation libraries all map.

export type StageCandidate = z.input<typeof StageInput>;
/** A stage with what orders it among its siblings (start time in ns, then span id). */
export type GenAiStage = { spanId: string; startNs: bigint; stage: StageCandidate };

const clip = (s: string | undefined, max: number) => (s === undefined ? undefined : clipText(s, max));

export function isGenAiSpan(span: OtlpSpan): boolean {
  const kind = span.attributes['openinference.span.kind'];
  return (typeof kind === 'string' && kind.toUpperCase() === 'LLM') || Object.keys(span.attributes).some((k) => k.startsWith('gen_ai.'));
}

// gen_ai.provider.name well-known values → the provider names the price catalog and the rest of
// the app use (see lib/pricing/catalog.ts for the catalog's own aliases).
const PROVIDERS: Record<string, string> = {
  'gcp.gemini': 'google',
  'gcp.vertex_ai': 'google',
  'gcp.gen_ai': 'google',
  gemini: 'google',
  vertex_ai: 'google',
  'aws.bedrock': 'aws',
  'azure.ai.openai': 'azure',
  'azure.ai.inference': 'azure',
  'az.ai.openai': 'azure',
  'az.ai.inference': 'azure',
  mistral_ai: 'mistral',
  x_ai: 'x-ai',
};

export function providerOf(span: OtlpSpan): string | undefined {
  const raw = attrLabel(span.attributes, 'gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system');
  if (raw === undefined) return undefined;
  const p = raw.toLowerCase();
  return clip(PROVIDERS[p] ?? p, 64);
}

/**
 * error.type is a class name ("openai.RateLimitError"), an HTTP status ("429") or a short code.
 * Ones that match the app's error taxonomy are folded into it (rate_limit, timeout…); the rest
 * are kept as sent, which says more than "other".
 */
export function normalizeErrorType(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw === '') return ''; // refused downstream: an empty error.type is not a type
  const derived = deriveErrorType(raw);
  return derived === 'other' ? clipText(raw, 64) : derived;
}

export function spanDurationMs(span: OtlpSpan): number {
  return Math.round(Number(span.endNs - span.startNs) / 1e6);
}

export const spanStartMs = (span: OtlpSpan) => Number(span.startNs / 1_000_000n);

export function spanToStage(span: OtlpSpan): GenAiStage {
  const a = span.attributes;
  const errorAttr = attrLabel(a, 'error.type');
  const failed = span.statusCode === 2 || errorAttr !== undefined;
  let input = attrInt(a, 'gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt');
  const cached = attrInt(a, 'gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens', 'llm.token_count.prompt_details.cache_read');
  // The conventions count cache reads inside input_tokens; older Anthropic instrumentations report
  // them apart. When cached > input the two can only be apart, so add them up.
  if (cached !== undefined && cached > (input ?? 0)) input = (input ?? 0) + cached;
  const operation = attrString(a, 'gen_ai.operation.name') ?? attrString(a, 'openinference.span.kind')?.toLowerCase();
  const stage: StageCandidate = {
    stage_id: clip(span.name.trim() || operation || 'span', 128)!,
    stage_type: clip(operation, 64),
    provider: providerOf(span),
    model: clip(attrLabel(a, 'gen_ai.response.model', 'gen_ai.request.model', 'llm.model_name'), 128),
    status: failed ? 'failed' : 'success',
    duration_ms: spanDurationMs(span),
    input_tokens: input,
    output_tokens: attrInt(a, 'gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.token_count.completion'),
    cached_input_tokens: cached,
    reasoning_tokens: attrInt(a, 'gen_ai.usage.reasoning_tokens', 'gen_ai.usage.output_tokens_details.reasoning', 'llm.token_count.completion_details.reasoning'),
    cost_usd: attrNumber(a, 'gen_ai.usage.cost', 'gen_ai.usage.cost_usd', 'llm.cost.total'),
    error_type: failed
      ? (normalizeErrorType(errorAttr ?? span.exception?.type) ?? deriveErrorType(span.statusMessage || span.exception?.message))
      : undefined,
  };
  // Absent values stay absent (not undefined keys) so stored pending stages are compact JSON.
  for (const k of Object.keys(stage) as Array<keyof StageCandidate>) if (stage[k] === undefined) delete stage[k];
  return { spanId: span.spanId, startNs: span.startNs, stage };
}
