import type { ModelStageSpec, PipelineSpec } from './types';

// The three incidents the demo is meant to surface. They start exactly `windowDays` before `now`
// and last until `now`, so the default 7-day insights compare one incident week against one clean
// week. Magnitudes are chosen with margin over the detectors' thresholds (shared/API.md) so that
// sampling noise can never hide them, and so that the cost and failure incidents still show in the
// 30-day report (where 7 bad days are diluted over 30).

export const DAY_MS = 86_400_000;

export const DEMO_PLANTED = {
  windowDays: 7,
  costSpike: {
    // "Someone pinned the summariser to Opus": same tokens, ~19x the per-token price.
    pipelineId: 'doc-summarizer',
    stageId: 'summarize-chunks',
    provider: 'anthropic',
    fromModel: 'claude-3-5-haiku-20241022',
    toModel: 'claude-3-opus-20240229',
    version: '1.8.0',
    /** Opus is a little slower; kept small so the incident reads as cost, not as a slowdown. */
    durationFactor: 1.1,
  },
  failureBurst: {
    // An upstream outage: mostly fast 5xx answers plus some timeouts, all on one stage.
    pipelineId: 'invoice-extraction',
    stageId: 'extract-fields',
    failureRate: 0.35,
    errorMix: { api_error: 0.9, timeout: 0.1 },
  },
  latencyRegression: {
    // Provider-side slowdown of generation; tokens (and therefore cost) unchanged.
    pipelineId: 'rag-answer',
    stageId: 'generate',
    slowdownFactor: 2.1,
  },
} as const;

export interface PlantedWindow {
  /** Inclusive start, ISO UTC. */
  start: string;
  /** Exclusive end (= now), ISO UTC. */
  end: string;
}

/** The dates of the planted incidents for a given `now` (they all share one window). */
export function getPlantedWindow(now: Date): PlantedWindow {
  const end = now.getTime();
  return { start: new Date(end - DEMO_PLANTED.windowDays * DAY_MS).toISOString(), end: now.toISOString() };
}

function mapStage(spec: PipelineSpec, stageId: string, fn: (s: ModelStageSpec) => ModelStageSpec): PipelineSpec {
  const stages = spec.stages.map((s) => (s.id === stageId && s.kind === 'model' ? fn(s) : s));
  if (stages.every((s, i) => s === spec.stages[i])) throw new Error(`planted stage ${stageId} not found in ${spec.id}`);
  return { ...spec, stages };
}

/** The spec a pipeline follows inside the planted window. Precomputed once per pipeline, so the hot
 * loop only swaps spec objects instead of branching per execution. */
export function plantedVariant(spec: PipelineSpec): PipelineSpec {
  const { costSpike, failureBurst, latencyRegression } = DEMO_PLANTED;
  if (spec.id === costSpike.pipelineId) {
    const s = mapStage(spec, costSpike.stageId, (st) => ({
      ...st, model: costSpike.toModel, firstTokenMs: st.firstTokenMs * costSpike.durationFactor,
      msPerOutputToken: st.msPerOutputToken * costSpike.durationFactor,
    }));
    return { ...s, version: costSpike.version };
  }
  if (spec.id === failureBurst.pipelineId) {
    return {
      ...spec, failureRate: failureBurst.failureRate, errorMix: failureBurst.errorMix,
      failingStages: [failureBurst.stageId],
    };
  }
  if (spec.id === latencyRegression.pipelineId) {
    return mapStage(spec, latencyRegression.stageId, (st) => ({ ...st, slowdown: latencyRegression.slowdownFactor }));
  }
  return spec;
}
