import type { ExecutionInput, StageInput } from '@/lib/schemas/ingest';
import { deriveErrorType } from './error-type';
import type { PriceResolver } from './prices';

// Turns a validated execution into the rows we store: derived duration / completion time,
// derived error_type, every stage's cost with where it came from, and execution totals.

export type CostSource = 'provided' | 'catalog' | 'override' | 'unpriced' | 'none';

export type StageRow = {
  stageIndex: number;
  stageId: string;
  stageType: string | null;
  provider: string | null;
  model: string | null;
  status: string;
  durationMs: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  costUsd: number;
  costSource: CostSource;
  errorType: string | null;
};

export type ExecutionRow = {
  id: string;
  pipelineId: string;
  status: string;
  startedAt: Date;
  completedAt: Date;
  durationMs: number;
  errorType: string | null;
  errorMessage: string | null;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  unpricedStages: number;
  metadata: Record<string, unknown> | null;
  stages: StageRow[];
};

const MAX_ERROR_MESSAGE = 2000;

function stageRow(s: StageInput, index: number, at: Date, price: PriceResolver): StageRow {
  const usage = { input: s.input_tokens ?? 0, cachedInput: s.cached_input_tokens ?? 0, output: s.output_tokens ?? 0, reasoning: s.reasoning_tokens ?? 0 };
  let costUsd = 0;
  let costSource: CostSource = 'none';
  if (s.cost_usd !== undefined) {
    costUsd = s.cost_usd;
    costSource = 'provided';
  } else if (s.model && usage.input + usage.output > 0) {
    const priced = price(s.provider ?? null, s.model, usage, at);
    costUsd = priced?.costUsd ?? 0;
    costSource = priced?.source ?? 'unpriced';
  }
  return {
    stageIndex: index,
    stageId: s.stage_id,
    stageType: s.stage_type ?? null,
    provider: s.provider ?? null,
    model: s.model ?? null,
    status: s.status,
    durationMs: s.duration_ms,
    inputTokens: usage.input,
    outputTokens: usage.output,
    cachedInputTokens: usage.cachedInput,
    reasoningTokens: usage.reasoning,
    costUsd,
    costSource,
    errorType: s.error_type ?? null,
  };
}

export function normalizeExecution(e: ExecutionInput, price: PriceResolver): ExecutionRow {
  const startedAt = new Date(e.started_at);
  const durationMs = e.duration_ms ?? Date.parse(e.completed_at!) - startedAt.getTime();
  const completedAt = e.completed_at ? new Date(e.completed_at) : new Date(startedAt.getTime() + durationMs);
  const stages = (e.stages ?? []).map((s, i) => stageRow(s, i, startedAt, price));
  const failedStage = stages.find((s) => s.status === 'failed' && s.errorType);
  const errorType =
    e.error_type ?? (e.status === 'failed' ? (failedStage?.errorType ?? deriveErrorType(e.error_message)) : null);
  const stageCost = stages.reduce((sum, s) => sum + s.costUsd, 0);
  return {
    id: e.id,
    pipelineId: e.pipeline_id,
    status: e.status,
    startedAt,
    completedAt,
    durationMs,
    errorType,
    errorMessage: e.error_message ? e.error_message.replaceAll('\u0000', '').slice(0, MAX_ERROR_MESSAGE) : null,
    costUsd: e.cost_usd ?? stageCost,
    inputTokens: stages.reduce((sum, s) => sum + s.inputTokens, 0),
    outputTokens: stages.reduce((sum, s) => sum + s.outputTokens, 0),
    unpricedStages: stages.filter((s) => s.costSource === 'unpriced').length,
    metadata: e.metadata ?? null,
    stages,
  };
}
