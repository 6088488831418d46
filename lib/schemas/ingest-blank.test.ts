import { describe, expect, it } from 'vitest';
import { ExecutionInput } from './ingest';

// Empty strings are not values (API.md "Statistics"): "" or whitespace in pipeline_id, stage_id,
// model, provider or error_type is refused, naming the field; absent optional labels are fine.
const base = { id: 'e1', pipeline_id: 'p', status: 'failed', started_at: '2026-01-01T12:00:00Z', duration_ms: 5 };
const stage = (x: Record<string, unknown>) => ({ ...base, stages: [{ stage_id: 's', duration_ms: 1, ...x }] });

describe('ExecutionInput refuses blank labels', () => {
  it.each([
    { item: { ...base, pipeline_id: '' }, path: 'pipeline_id' },
    { item: { ...base, pipeline_id: '   ' }, path: 'pipeline_id' },
    { item: { ...base, error_type: '' }, path: 'error_type' },
    { item: { ...base, error_type: '\t' }, path: 'error_type' },
    { item: stage({ stage_id: ' ' }), path: 'stages.0.stage_id' },
    { item: stage({ model: '' }), path: 'stages.0.model' },
    { item: stage({ provider: '  ' }), path: 'stages.0.provider' },
    { item: stage({ error_type: '' }), path: 'stages.0.error_type' },
  ])('$path = $item', ({ item, path }) => {
    const r = ExecutionInput.safeParse(item);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toMatch(/empty|1–128/);
  });

  it('absent labels and real values (unicode, maximal length) pass', () => {
    expect(ExecutionInput.safeParse(stage({ model: 'm'.repeat(128), provider: 'prövîder' })).success).toBe(true);
    expect(ExecutionInput.safeParse({ ...base, pipeline_id: 'ü'.repeat(128) }).success).toBe(true);
    expect(ExecutionInput.safeParse(stage({})).success).toBe(true);
  });
});
