import { buildExecution, isMarkedPipeline, isRootSpan, type ExecutionCandidate } from './execution';
import { isGenAiSpan, spanToStage, type GenAiStage } from './gen-ai';
import type { OtlpSpan } from './spans';

// What one export request does to each trace it touches, decided from the request's spans and
// what the database already holds for those traces (pure, so every case is unit-tested):
// - a root (in the request or waiting) and at least one GenAI span (in the request or waiting),
//   no execution yet → build the execution from all of them;
// - GenAI spans without a root yet → they wait for it;
// - a root with no GenAI span yet → it waits (briefly) for them, unless it names its pipeline
//   (flowmason.pipeline_id), which makes it an execution on its own;
// - the execution already exists → a request carrying the root again, or spans the execution
//   already holds, are a re-export (duplicates); other GenAI spans are late and rejected: an
//   execution is immutable once stored, like any ingested one.
// Spans that are neither a root nor GenAI carry nothing we store and are accepted as is.

export type StoredSpan = { done: boolean; stage: GenAiStage | null; root: OtlpSpan | null };
export type TraceState = { existing: ReadonlySet<string>; stored: ReadonlyMap<string, ReadonlyMap<string, StoredSpan>> };

export type PlannedExecution = {
  traceId: string;
  item: ExecutionCandidate;
  /** The spans it is made of (its GenAI spans, and its root if that was waiting): marked done. */
  consumed: Array<{ spanId: string; startNs: bigint }>;
  /** Spans of this request that belong to the trace: what is rejected if the execution is. */
  requestSpans: number;
};

export type Plan = {
  executions: PlannedExecution[];
  bufferStages: Array<GenAiStage & { traceId: string }>;
  bufferRoots: OtlpSpan[];
  late: { spans: number; traces: string[] };
  duplicates: number;
};

function groupByTrace(spans: OtlpSpan[]): Map<string, OtlpSpan[]> {
  const byTrace = new Map<string, OtlpSpan[]>();
  for (const s of spans) {
    const list = byTrace.get(s.traceId);
    if (list) list.push(s);
    else byTrace.set(s.traceId, [s]);
  }
  return byTrace;
}

/** The true root (no parent) wins over a local root (remote parent); then the earliest start. */
function pickRoot(spans: OtlpSpan[]): OtlpSpan | undefined {
  const rank = (s: OtlpSpan) => (s.parentSpanId === null ? 0 : 1);
  return spans.filter(isRootSpan).sort((a, b) => rank(a) - rank(b) || (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0))[0];
}

/** GenAI stages of the request, one per span id (a span repeated inside a request counts once). */
function genAiStages(spans: OtlpSpan[]): GenAiStage[] {
  const bySpan = new Map<string, GenAiStage>();
  for (const s of spans) if (isGenAiSpan(s) && !bySpan.has(s.spanId)) bySpan.set(s.spanId, spanToStage(s));
  return [...bySpan.values()];
}

export function planTraces(spans: OtlpSpan[], state: TraceState): Plan {
  const plan: Plan = { executions: [], bufferStages: [], bufferRoots: [], late: { spans: 0, traces: [] }, duplicates: 0 };
  for (const [traceId, traceSpans] of groupByTrace(spans)) {
    const stored = state.stored.get(traceId) ?? new Map<string, StoredSpan>();
    const incoming = genAiStages(traceSpans);
    const requestRoot = pickRoot(traceSpans);
    if (state.existing.has(traceId)) {
      // A request that carries the root again is a re-export (a retry): all of it is a duplicate.
      const late = requestRoot ? [] : incoming.filter((s) => !stored.has(s.spanId));
      plan.duplicates += incoming.length - late.length;
      if (late.length > 0) {
        plan.late.spans += late.length;
        plan.late.traces.push(traceId);
      }
      continue;
    }
    const waitingRoot = [...stored.values()].find((s) => !s.done && s.root)?.root ?? undefined;
    const root = requestRoot ?? waitingRoot;
    const merged = new Map<string, GenAiStage>();
    for (const [spanId, row] of stored) if (!row.done && row.stage) merged.set(spanId, row.stage);
    const fresh = incoming.filter((s) => !merged.has(s.spanId));
    plan.duplicates += incoming.length - fresh.length;
    for (const s of fresh) merged.set(s.spanId, s);
    if (!root) {
      plan.bufferStages.push(...fresh.map((s) => ({ ...s, traceId })));
      continue;
    }
    if (merged.size === 0 && !isMarkedPipeline(root)) {
      // No GenAI call (yet): ordinary app traffic, or a root exported before its calls. It
      // waits for them; if none come it expires unseen (health checks never become executions).
      if (requestRoot && !waitingRoot) plan.bufferRoots.push(requestRoot);
      continue;
    }
    const stages = [...merged.values()];
    const consumed = stages.map((s) => ({ spanId: s.spanId, startNs: s.startNs }));
    if (!requestRoot) consumed.push({ spanId: root.spanId, startNs: root.startNs });
    plan.executions.push({ traceId, item: buildExecution(root, stages), consumed, requestSpans: traceSpans.length });
  }
  return plan;
}
