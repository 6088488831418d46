import { SpanStatusCode } from '@opentelemetry/api';
import { expect, test } from '@playwright/test';
import { catalogCost } from '../../lib/pricing/catalog';
import { sql } from '../db';
import { bearer, newOrgWithKey } from '../support';
import { exportSpans, jsonExporter, protoExporterFromEnv, recorder } from './otlp-support';

// OTLP/HTTP ingest end to end: the real OpenTelemetry JS SDK exports traces to the running app
// (JSON exporter and protobuf+gzip exporter); the executions and stages land in its database.

type Stage = { stage_id: string; stage_type: string; provider: string; model: string; status: string; input_tokens: string;
  output_tokens: string; cached_input_tokens: string; reasoning_tokens: string; cost: number; cost_source: string; error_type: string | null };

const execution = async (orgSlug: string, id: string) =>
  sql<{ pipeline_id: string; status: string; error_type: string | null; duration_ms: number; stage_count: number; cost: number }>(
    `SELECT e.pipeline_id, e.status, e.error_type, e.duration_ms, e.stage_count, e.cost_usd::float8 AS cost
       FROM executions e JOIN organizations o ON o.id = e.org_id WHERE o.slug = $1 AND e.id = $2`, [orgSlug, id]);
const stages = async (orgSlug: string, id: string) =>
  sql<Stage>(`SELECT s.stage_id, s.stage_type, s.provider, s.model, s.status, s.input_tokens, s.output_tokens, s.cached_input_tokens,
                     s.reasoning_tokens, s.cost_usd::float8 AS cost, s.cost_source, s.error_type
                FROM stage_executions s JOIN organizations o ON o.id = s.org_id WHERE o.slug = $1 AND s.execution_id = $2
               ORDER BY s.stage_index`, [orgSlug, id]);

// One organisation for the file: the CLI that creates it is the slow part on a busy machine.
let slug: string;
let key: string;
test.beforeAll(() => {
  test.setTimeout(120_000);
  ({ slug, key } = newOrgWithKey('read,ingest'));
});
test.beforeEach(() => test.setTimeout(120_000));

test('the JSON exporter: a trace becomes one execution with priced stages, and a re-export adds nothing', async ({ request }) => {
  const rec = recorder({ 'service.name': 'support-bot', 'deployment.environment.name': 'e2e' });
  const root = rec.root('answer-ticket');
  const http = rec.child(root, 'GET /kb', { 'http.request.method': 'GET' });
  rec.end(http);
  const mini = rec.child(root, 'chat gpt-4o-mini', {
    'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 300, 'gen_ai.usage.cache_read.input_tokens': 200 });
  rec.end(mini);
  const claude = rec.child(root, 'chat claude', {
    'gen_ai.operation.name': 'chat', 'gen_ai.system': 'anthropic', 'gen_ai.request.model': 'claude-3-5-sonnet-20241022',
    'gen_ai.usage.input_tokens': 800, 'gen_ai.usage.output_tokens': 150, 'gen_ai.usage.reasoning_tokens': 40, 'gen_ai.usage.cost': 0.0123 });
  rec.end(claude);
  rec.end(root);
  const traceId = root.spanContext().traceId;

  const exporter = jsonExporter(key);
  await exportSpans(exporter, rec.spans());
  const [e] = await execution(slug, traceId);
  const miniCost = catalogCost('openai', 'gpt-4o-mini', { input: 1200, cachedInput: 200, output: 300 })!.costUsd;
  expect(miniCost).toBeGreaterThan(0);
  expect(e).toMatchObject({ pipeline_id: 'support-bot', status: 'success', error_type: null, stage_count: 2 });
  expect(e.cost).toBeCloseTo(miniCost + 0.0123, 9);
  expect(await stages(slug, traceId)).toEqual([
    { stage_id: 'chat gpt-4o-mini', stage_type: 'chat', provider: 'openai', model: 'gpt-4o-mini', status: 'success', input_tokens: '1200',
      output_tokens: '300', cached_input_tokens: '200', reasoning_tokens: '0', cost: expect.closeTo(miniCost, 9), cost_source: 'catalog', error_type: null },
    { stage_id: 'chat claude', stage_type: 'chat', provider: 'anthropic', model: 'claude-3-5-sonnet-20241022', status: 'success', input_tokens: '800',
      output_tokens: '150', cached_input_tokens: '0', reasoning_tokens: '40', cost: 0.0123, cost_source: 'provided', error_type: null },
  ]);

  await exportSpans(exporter, rec.spans());
  expect(await execution(slug, traceId)).toHaveLength(1);
  expect(await stages(slug, traceId)).toHaveLength(2);
  // The pipeline is visible through the API like any other.
  const pipelines = await request.get('/api/v1/pipelines', { headers: bearer(key) });
  expect(JSON.stringify(await pipelines.json())).toContain('support-bot');
  await exporter.shutdown();
  await rec.shutdown();
});

test('the protobuf exporter (gzip, env-configured): children exported before their root complete the trace', async () => {
  const rec = recorder({ 'service.name': 'ignored-when-named', 'flowmason.pipeline_id': 'rag-answer' });
  const root = rec.root('rag');
  const calls = ['embed', 'rerank', 'generate'].map((name, i) => {
    const span = rec.child(root, name, { 'gen_ai.operation.name': i === 0 ? 'embeddings' : 'chat', 'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.response.model': 'gpt-4o-mini-2024-07-18', 'gen_ai.usage.input_tokens': 100 * (i + 1), 'gen_ai.usage.output_tokens': 10 });
    rec.end(span);
    return span;
  });
  const exporter = protoExporterFromEnv(key);
  await exportSpans(exporter, rec.spans());
  const traceId = root.spanContext().traceId;
  expect(await execution(slug, traceId)).toEqual([]);
  rec.end(root);
  await exportSpans(exporter, rec.spans().filter((s) => s.spanContext().spanId === root.spanContext().spanId));
  const [e] = await execution(slug, traceId);
  expect(e).toMatchObject({ pipeline_id: 'rag-answer', status: 'success', stage_count: 3 });
  const rows = await stages(slug, traceId);
  expect(rows.map((s) => [s.stage_id, s.stage_type, s.model, s.input_tokens])).toEqual([
    ['embed', 'embeddings', 'gpt-4o-mini-2024-07-18', '100'], ['rerank', 'chat', 'gpt-4o-mini-2024-07-18', '200'], ['generate', 'chat', 'gpt-4o-mini-2024-07-18', '300']]);
  expect(rows.every((s) => s.cost > 0 && s.cost_source === 'catalog')).toBe(true);
  expect(calls).toHaveLength(3);
  // Re-exporting everything, in one request, is a no-op.
  await exportSpans(exporter, rec.spans());
  expect(await stages(slug, traceId)).toHaveLength(3);
  await exporter.shutdown();
  await rec.shutdown();
});

test('a failed call that fails its run yields a failed execution with the error type', async () => {
  const rec = recorder({ 'service.name': 'summarizer' });
  const root = rec.root('summarize');
  const call = rec.child(root, 'chat gpt-4o', { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'gen_ai.request.model': 'gpt-4o' });
  const error = Object.assign(new Error('429 Too Many Requests'), { name: 'RateLimitError' });
  call.recordException(error);
  call.setAttribute('error.type', 'openai.RateLimitError');
  call.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  rec.end(call);
  root.recordException(error); // the exception propagates out of the pipeline, as it does in real code
  root.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  rec.end(root);
  const exporter = jsonExporter(key);
  await exportSpans(exporter, rec.spans());
  const traceId = root.spanContext().traceId;
  expect(await execution(slug, traceId)).toEqual([expect.objectContaining({ pipeline_id: 'summarizer', status: 'failed', error_type: 'rate_limit', stage_count: 1 })]);
  expect(await stages(slug, traceId)).toEqual([expect.objectContaining({ status: 'failed', error_type: 'rate_limit', model: 'gpt-4o', cost_source: 'none' })]);
  await exporter.shutdown();
  await rec.shutdown();
});
