// Shapes produced by the demo generator. They mirror the ingest API body (snake_case, see
// shared/API.md "Ingest") so a batch can be posted or inserted as-is, with no mapping layer
// that could drift from the real contract.

export type DemoExecutionStatus = 'success' | 'failed' | 'cancelled';
export type DemoStageStatus = 'success' | 'failed' | 'skipped';
export type DemoErrorType = 'timeout' | 'rate_limit' | 'api_error' | 'validation_error' | 'auth_error' | 'other';
export type DemoMetadataValue = string | number | boolean;

export interface DemoStage {
  stage_id: string;
  stage_type: string;
  /** Absent on non-model stages (retrieval, tools): those are never priced. */
  provider?: string;
  model?: string;
  status: DemoStageStatus;
  duration_ms: number;
  /** Total prompt tokens, cached ones included (the price catalog treats cache reads as a partition). */
  input_tokens: number;
  /** Completion tokens, reasoning included (OpenAI reports them that way and bills them as output). */
  output_tokens: number;
  cached_input_tokens?: number;
  reasoning_tokens?: number;
  error_type?: DemoErrorType;
}

/** One execution exactly as `POST /api/v1/executions` accepts it. cost_usd is deliberately never set:
 * ingest prices stages from the catalog, which is what the demo is meant to exercise. */
export interface DemoExecution {
  id: string;
  pipeline_id: string;
  status: DemoExecutionStatus;
  started_at: string;
  duration_ms: number;
  error_type?: DemoErrorType;
  error_message?: string;
  metadata?: Record<string, DemoMetadataValue>;
  stages: DemoStage[];
}

export interface DemoOptions {
  /** End of the window (exclusive). Everything is relative to it, so tests can pin it. */
  now: Date;
  /** Length of the history in days (default 60: two 30-day report windows). */
  days?: number;
  /** Number of executions to produce (default 25,000). Exact, not approximate. */
  total?: number;
  seed?: number;
  /** Executions per yielded array (default 1,000 = the ingest API's per-request maximum). */
  batchSize?: number;
}

// ---- Internal specs (exported for the generator's modules, not part of the public API) ----

export interface ModelStageSpec {
  kind: 'model';
  id: string;
  type: string;
  provider: string;
  model: string;
  inputMedian: number;
  inputSigma: number;
  outputMedian: number;
  outputSigma: number;
  /** Hidden reasoning tokens (o-series); added on top of the visible output. */
  reasoningMedian?: number;
  /** Probability that part of the prompt is served from the provider's prompt cache. */
  cacheProbability?: number;
  /** Time to first token, ms. */
  firstTokenMs: number;
  msPerOutputToken: number;
  /** Multiplies the stage's duration (used by the planted latency regression). */
  slowdown?: number;
}

export interface ToolStageSpec {
  kind: 'tool';
  id: string;
  type: string;
  durationMedianMs: number;
  durationSigma: number;
}

export type StageSpec = ModelStageSpec | ToolStageSpec;

export interface PipelineSpec {
  id: string;
  /** Share of all executions over the whole window. */
  share: number;
  profile: 'business' | 'always-on' | 'office' | 'nightly';
  /** Probability that a run fails (among all runs). */
  failureRate: number;
  cancelRate: number;
  /** Relative odds of each error kind when this pipeline fails. */
  errorMix: Partial<Record<DemoErrorType, number>>;
  /** Upstream timeout the client uses; a timed-out stage lasts about this long. */
  timeoutMs: number;
  version: string;
  /** Stage ids that may fail; default: every model stage. */
  failingStages?: readonly string[];
  stages: readonly StageSpec[];
}
