import { describe, expect, it } from 'vitest';
import { deriveErrorType } from '../ingest/error-type';
import { LIST_PRICES_PER_MTOK } from '@/tests/support/demo-stats';
import { DEMO_PIPELINES, generateDemoExecutions, type DemoExecution, type DemoStage } from './index';

// Every generated execution must pass the ingest rules of shared/API.md, otherwise the demo load
// would silently drop or reject part of its own history.

const NOW = new Date('2025-03-02T23:59:30Z'); // a Sunday night: planted window spans a weekend start
const xs: DemoExecution[] = [];
for (const b of generateDemoExecutions({ now: NOW, total: 20_000, seed: 1 })) xs.push(...b);
const stages = xs.flatMap((e) => e.stages);

const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const EXEC_KEYS = new Set(['id', 'pipeline_id', 'status', 'started_at', 'duration_ms', 'error_type', 'error_message', 'metadata', 'stages']);
const STAGE_KEYS = new Set(['stage_id', 'stage_type', 'provider', 'model', 'status', 'duration_ms', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'reasoning_tokens', 'error_type']);
const ERROR_TYPES = ['timeout', 'rate_limit', 'api_error', 'validation_error', 'auth_error', 'other'];

function stageProblems(s: DemoStage): string[] {
  const p: string[] = [];
  if (Object.keys(s).some((k) => !STAGE_KEYS.has(k))) p.push('unknown stage key (cost_usd must never be set)');
  if (!s.stage_id) p.push('stage_id');
  if (!['success', 'failed', 'skipped'].includes(s.status)) p.push('stage status');
  for (const k of ['duration_ms', 'input_tokens', 'output_tokens'] as const) if (!isCount(s[k])) p.push(k);
  if (s.cached_input_tokens !== undefined && !(isCount(s.cached_input_tokens) && s.cached_input_tokens <= s.input_tokens)) p.push('cached');
  if (s.reasoning_tokens !== undefined && !(isCount(s.reasoning_tokens) && s.reasoning_tokens <= s.output_tokens)) p.push('reasoning');
  if (!s.model && s.input_tokens + s.output_tokens > 0) p.push('tokens without a model');
  return p;
}

function executionProblems(e: DemoExecution): string[] {
  const p: string[] = [];
  if (Object.keys(e).some((k) => !EXEC_KEYS.has(k))) p.push('unknown key (cost_usd must never be set)');
  if (e.id.length < 1 || e.id.length > 128) p.push('id length');
  if (e.pipeline_id.length < 1 || e.pipeline_id.length > 128) p.push('pipeline_id length');
  if (!['success', 'failed', 'cancelled'].includes(e.status)) p.push('status');
  if (Number.isNaN(Date.parse(e.started_at))) p.push('started_at');
  if (!isCount(e.duration_ms)) p.push('duration_ms');
  if (e.stages.length < 1 || e.stages.length > 6) p.push('stage count');
  if (e.duration_ms < e.stages.reduce((a, s) => a + s.duration_ms, 0)) p.push('shorter than its stages');
  const meta = Object.values(e.metadata ?? {});
  if (meta.length > 32 || meta.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) p.push('metadata');
  if (e.error_type !== undefined && (e.error_type.length > 64 || !ERROR_TYPES.includes(e.error_type))) p.push('error_type');
  const statuses = e.stages.map((s) => s.status);
  const failedAt = statuses.indexOf('failed');
  if (e.status === 'failed') {
    if (!e.error_message) p.push('failed without message');
    if (statuses.filter((s) => s === 'failed').length !== 1) p.push('failed run needs exactly one failed stage');
    if (statuses.some((s, i) => (i < failedAt ? s !== 'success' : i > failedAt && s !== 'skipped'))) p.push('stage order around failure');
  } else {
    if (e.error_type || e.error_message || failedAt >= 0) p.push('error on a non-failed run');
    if (e.status === 'success' && statuses.some((s) => s !== 'success')) p.push('success with unfinished stages');
    if (e.status === 'cancelled' && statuses[statuses.length - 1] !== 'skipped') p.push('cancelled but completed');
  }
  return p.concat(e.stages.flatMap(stageProblems));
}

describe('demo executions follow the ingest contract', () => {
  it('has no invalid execution', () => {
    const bad = xs.map((e) => [e.id, executionProblems(e)] as const).filter(([, p]) => p.length > 0);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('uses at least 6 catalog models from 3 providers, all with a known list price', () => {
    const models = new Set(stages.filter((s) => s.model).map((s) => `${s.provider}/${s.model}`));
    const providers = new Set(stages.filter((s) => s.provider).map((s) => s.provider));
    expect(models.size).toBeGreaterThanOrEqual(6);
    expect([...providers].sort()).toEqual(['anthropic', 'google', 'openai']);
    for (const m of models) expect(LIST_PRICES_PER_MTOK).toHaveProperty([m.split('/')[1]]);
  });

  it('has 6 to 10 pipelines with 1 to 6 stages, including non-model stages', () => {
    expect(DEMO_PIPELINES.length).toBeGreaterThanOrEqual(6);
    expect(DEMO_PIPELINES.length).toBeLessThanOrEqual(10);
    expect(new Set(xs.map((e) => e.pipeline_id))).toEqual(new Set(DEMO_PIPELINES.map((p) => p.id)));
    expect(new Set(xs.map((e) => e.stages.length))).toEqual(new Set([1, 2, 3, 6]));
    expect(stages.some((s) => s.stage_type === 'retrieval' && !s.model)).toBe(true);
  });

  it('sends cached and reasoning tokens on part of the calls only', () => {
    const cached = stages.filter((s) => s.cached_input_tokens !== undefined).length;
    expect(cached).toBeGreaterThan(0.05 * stages.length);
    expect(cached).toBeLessThan(0.5 * stages.length);
    const reasoning = stages.filter((s) => s.reasoning_tokens !== undefined);
    expect(reasoning.length).toBeGreaterThan(100);
    expect(new Set(reasoning.map((s) => s.model))).toEqual(new Set(['o3-mini']));
  });

  it('fails with several error kinds, with and without an explicit error_type, all derivable from the message', () => {
    const failed = xs.filter((e) => e.status === 'failed');
    const explicit = failed.filter((e) => e.error_type !== undefined);
    expect(explicit.length / failed.length).toBeGreaterThan(0.3);
    expect(explicit.length / failed.length).toBeLessThan(0.8);
    expect(new Set(explicit.map((e) => e.error_type)).size).toBeGreaterThanOrEqual(5);
    // The message alone must lead ingest to the same type, so derived and explicit runs agree.
    const mismatched = explicit.filter((e) => deriveErrorType(e.error_message) !== e.error_type);
    expect(mismatched.map((e) => e.error_message)).toEqual([]);
    expect(xs.some((e) => e.status === 'cancelled')).toBe(true);
    expect(xs.some((e) => e.metadata?.environment === 'staging')).toBe(true);
  });
});
