import type { DemoExecution } from '@/lib/demo/types';

// Small aggregation helpers over generated executions, used by the tests to measure the planted
// incidents the way the insight detectors will (per pipeline, current window vs previous window).
// The cost here is a proxy from public list prices, independent of the ingest pricing code, so the
// generator's tests do not depend on that module.

/** USD per million tokens: input, cached input, output. */
export const LIST_PRICES_PER_MTOK: Readonly<Record<string, readonly [number, number, number]>> = {
  'gpt-4o': [2.5, 1.25, 10],
  'gpt-4o-mini': [0.15, 0.075, 0.6],
  'o3-mini': [1.1, 0.55, 4.4],
  'claude-3-5-sonnet-20241022': [3, 0.3, 15],
  'claude-3-5-haiku-20241022': [0.8, 0.08, 4],
  'claude-3-opus-20240229': [15, 1.5, 75],
  'gemini-1.5-pro': [1.25, 0.3125, 5],
  'gemini-1.5-flash': [0.075, 0.01875, 0.3],
};

export interface WindowStats {
  executions: number;
  success: number;
  failed: number;
  cancelled: number;
  cost: number;
  durations: number[];
  stageDurations: Map<string, { sum: number; n: number }>;
  errorTypes: Map<string, number>;
  models: Set<string>;
}

function emptyStats(): WindowStats {
  return {
    executions: 0, success: 0, failed: 0, cancelled: 0, cost: 0, durations: [],
    stageDurations: new Map(), errorTypes: new Map(), models: new Set(),
  };
}

export function executionCost(e: DemoExecution): number {
  let usd = 0;
  for (const s of e.stages) {
    if (!s.model || s.input_tokens + s.output_tokens === 0) continue;
    const price = LIST_PRICES_PER_MTOK[s.model];
    if (!price) throw new Error(`no list price for ${s.model}`);
    const cached = s.cached_input_tokens ?? 0;
    usd += ((s.input_tokens - cached) * price[0] + cached * price[1] + s.output_tokens * price[2]) / 1e6;
  }
  return usd;
}

/** Stats per pipeline (and '*' for the organisation) of executions started in [fromMs, toMs). */
export function statsByPipeline(executions: readonly DemoExecution[], fromMs: number, toMs: number): Map<string, WindowStats> {
  const out = new Map<string, WindowStats>();
  const get = (k: string) => out.get(k) ?? out.set(k, emptyStats()).get(k)!;
  for (const e of executions) {
    const t = Date.parse(e.started_at);
    if (t < fromMs || t >= toMs) continue;
    for (const st of [get(e.pipeline_id), get('*')]) {
      st.executions++;
      st[e.status === 'success' ? 'success' : e.status === 'failed' ? 'failed' : 'cancelled']++;
      st.cost += executionCost(e);
      st.durations.push(e.duration_ms);
      if (e.status === 'failed') {
        const k = e.error_type ?? 'unset';
        st.errorTypes.set(k, (st.errorTypes.get(k) ?? 0) + 1);
      }
      for (const s of e.stages) {
        if (s.model && s.status !== 'skipped') st.models.add(s.model);
        if (s.status !== 'success') continue;
        const d = st.stageDurations.get(s.stage_id) ?? { sum: 0, n: 0 };
        d.sum += s.duration_ms;
        d.n++;
        st.stageDurations.set(s.stage_id, d);
      }
    }
  }
  return out;
}

/** failed ÷ (success + failed), as the detectors define it (cancelled runs excluded). */
export function failureRate(s: WindowStats): number {
  return s.failed / Math.max(1, s.success + s.failed);
}

export function avgDuration(s: WindowStats): number {
  return s.durations.reduce((a, b) => a + b, 0) / Math.max(1, s.durations.length);
}

export function stageAvg(s: WindowStats, stageId: string): number {
  const d = s.stageDurations.get(stageId);
  return d ? d.sum / d.n : NaN;
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Relative change current vs previous (0.25 = +25%). */
export function change(current: number, previous: number): number {
  return (current - previous) / previous;
}
