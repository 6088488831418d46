import { ERROR_KINDS, EXPLICIT_ERROR_TYPE_RATE, errorMessage, failedStageDuration, type ErrorKind } from './errors';
import type { Rng } from './prng';
import type { DemoErrorType, DemoExecution, DemoStage, ModelStageSpec, PipelineSpec, StageSpec } from './types';

// Builds one execution from a pipeline spec. This is the hot path (millions of calls for big
// demos), so per-pipeline lookups are precompiled and the only allocations are the output objects.

/** Mutable per-pipeline state, shared by a pipeline's steady and planted variants. */
export interface PipelineState {
  failureCredit: number;
}

export interface CompiledPipeline {
  spec: PipelineSpec;
  state: PipelineState;
  errorKinds: ErrorKind[];
  errorWeights: number[];
  errorWeightSum: number;
  failingStageIdx: number[];
}

export function compilePipeline(spec: PipelineSpec, state: PipelineState): CompiledPipeline {
  const entries = Object.entries(spec.errorMix) as Array<[DemoErrorType, number]>;
  const errorWeights = entries.map(([, w]) => w);
  const failingStageIdx = spec.stages
    .map((s, i) => ((spec.failingStages ? spec.failingStages.includes(s.id) : s.kind === 'model') ? i : -1))
    .filter((i) => i >= 0);
  if (failingStageIdx.length === 0 || entries.length === 0) throw new Error(`pipeline ${spec.id} cannot fail`);
  return {
    spec,
    state,
    errorKinds: entries.map(([t]) => ERROR_KINDS[t]),
    errorWeights,
    errorWeightSum: errorWeights.reduce((a, b) => a + b, 0),
    failingStageIdx,
  };
}

function skipped(st: StageSpec): DemoStage {
  const s: DemoStage = { stage_id: st.id, stage_type: st.type, status: 'skipped', duration_ms: 0, input_tokens: 0, output_tokens: 0 };
  if (st.kind === 'model') {
    s.provider = st.provider;
    s.model = st.model;
  }
  return s;
}

function modelStage(st: ModelStageSpec, rng: Rng, failure: ErrorKind | null, explicitType: boolean, timeoutMs: number): DemoStage {
  const billed = failure === null || failure.billsTokens;
  const visible = Math.max(1, Math.round(rng.logNormal(st.outputMedian, st.outputSigma)));
  const reasoning = st.reasoningMedian ? Math.round(rng.logNormal(st.reasoningMedian, 0.35)) : 0;
  const input = Math.max(1, Math.round(rng.logNormal(st.inputMedian, st.inputSigma)));
  // Latency grows with generated tokens (reasoning included), with a multiplicative jitter.
  let duration = Math.round((st.firstTokenMs + (visible + reasoning) * st.msPerOutputToken) * Math.exp(0.25 * rng.normal()) * (st.slowdown ?? 1));
  if (failure) {
    const d = failedStageDuration(failure.type, rng, timeoutMs);
    if (d >= 0) duration = d;
  }
  const s: DemoStage = {
    stage_id: st.id, stage_type: st.type, provider: st.provider, model: st.model,
    status: failure ? 'failed' : 'success', duration_ms: duration,
    input_tokens: billed ? input : 0, output_tokens: billed ? visible + reasoning : 0,
  };
  if (billed && st.cacheProbability && rng.next() < st.cacheProbability) {
    s.cached_input_tokens = Math.floor(input * (0.4 + 0.45 * rng.next()));
  }
  if (billed && reasoning > 0) s.reasoning_tokens = reasoning;
  if (failure && explicitType) s.error_type = failure.type;
  return s;
}

function toolStage(st: StageSpec & { kind: 'tool' }, rng: Rng): DemoStage {
  return {
    stage_id: st.id, stage_type: st.type, status: 'success',
    duration_ms: Math.round(rng.logNormal(st.durationMedianMs, st.durationSigma)), input_tokens: 0, output_tokens: 0,
  };
}

export function buildExecution(id: string, startMs: number, p: CompiledPipeline, rng: Rng): DemoExecution {
  const spec = p.spec;
  const n = spec.stages.length;
  let failAt = -1;
  let cutAt = n; // stages from here on were never reached (cancelled run)
  let failure: ErrorKind | null = null;
  // Failures come from a credit that grows by a random amount averaging failureRate per run and
  // fires at 1. Gaps between failures stay irregular, but a week's failure count lands within ±1
  // of its expectation; independent coin flips would let a 120-run week swing from 0% to 6% and
  // make a steady pipeline look like it had a reliability incident.
  p.state.failureCredit += 2 * spec.failureRate * rng.next();
  if (p.state.failureCredit >= 1) {
    p.state.failureCredit -= 1;
    failAt = p.failingStageIdx[Math.floor(rng.next() * p.failingStageIdx.length)];
    failure = p.errorKinds[rng.weighted(p.errorWeights, p.errorWeightSum)];
  } else if (rng.next() < spec.cancelRate) {
    cutAt = Math.floor(rng.next() * n);
  }
  const explicitType = failure !== null && rng.next() < EXPLICIT_ERROR_TYPE_RATE;

  const stages: DemoStage[] = new Array<DemoStage>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const st = spec.stages[i];
    let s: DemoStage;
    if (i >= cutAt || (failAt >= 0 && i > failAt)) s = skipped(st);
    else if (st.kind === 'tool') s = toolStage(st, rng);
    else s = modelStage(st, rng, i === failAt ? failure : null, explicitType, spec.timeoutMs);
    total += s.duration_ms;
    stages[i] = s;
  }
  // Orchestration overhead between stages; also makes the run strictly longer than its stages.
  total += Math.round(rng.logNormal(25, 0.5));

  const e: DemoExecution = {
    id, pipeline_id: spec.id,
    status: failure ? 'failed' : cutAt < n ? 'cancelled' : 'success',
    started_at: new Date(startMs).toISOString(),
    duration_ms: total,
    metadata: { environment: rng.next() < 0.03 ? 'staging' : 'production', version: spec.version },
    stages,
  };
  if (failure) {
    e.error_message = errorMessage(failure, rng, spec.timeoutMs);
    if (explicitType) e.error_type = failure.type;
  }
  return e;
}
