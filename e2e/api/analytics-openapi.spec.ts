import { expect, test } from '@playwright/test';
import { ReportResponse, SummaryResponse } from '@/lib/schemas/insights';

// GET /api/v1/openapi.json: public, OpenAPI 3.1, generated from the zod schemas the handlers use.

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; schema: Record<string, unknown> }[]; security?: unknown[]; responses: Record<string, unknown> }>>; components: { schemas: Record<string, { required?: string[] }> } };

test('the OpenAPI document describes every /api/v1 endpoint, and every $ref resolves', async ({ request }) => {
  const res = await request.get('/api/v1/openapi.json');
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as Doc;
  expect(doc.openapi).toBe('3.1.0');
  for (const [path, method] of [
    ['/api/v1/executions', 'post'], ['/api/v1/analytics/insights/summary', 'get'], ['/api/v1/analytics/insights/report', 'get'],
    ['/api/v1/analytics/insights', 'get'], ['/api/v1/analytics/timeseries', 'get'], ['/api/v1/pipelines', 'get'],
    ['/api/v1/otlp/v1/traces', 'post'], ['/api/v1/analytics/insights/{id}/acknowledge', 'post'], ['/api/v1/alerts/evaluate', 'post'],
    ['/api/v1/webhooks', 'get'], ['/api/v1/webhooks', 'post'], ['/api/v1/webhooks/{id}', 'delete'], ['/api/v1/webhooks/{id}/deliveries', 'get'],
    ['/api/v1/keys', 'get'], ['/api/v1/keys', 'post'], ['/api/v1/keys/{id}', 'delete'], ['/api/v1/settings', 'get'], ['/api/v1/settings', 'patch'],
  ]) {
    expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(doc.paths[path][method].security).toEqual([{ apiKey: [] }]);
  }
  // lib/openapi/document.test.ts checks the full list against the route files; here, the served copy.
  expect(doc.paths['/api/v1/openapi.json'].get.security).toEqual([]);
  expect(Object.keys(doc.paths['/api/v1/webhooks'].post.responses)).toContain('201');
  expect(Object.keys(doc.paths['/api/v1/webhooks/{id}'].delete.responses)).toContain('204');
  const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(5);
  for (const r of refs) expect(doc.components.schemas[r.slice('"#/components/schemas/'.length, -1)], r).toBeDefined();
  // Generated from the same schemas: the required keys are the zod shapes' keys.
  expect(doc.components.schemas.ReportResponse.required?.sort()).toEqual(Object.keys(ReportResponse.shape).sort());
  expect(doc.components.schemas.SummaryResponse.required?.sort()).toEqual(Object.keys(SummaryResponse.shape).sort());
  const days = doc.paths['/api/v1/analytics/insights/summary'].get.parameters!.find((p) => p.name === 'days')!;
  expect(days.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 365, default: 7 });
  const reportDays = doc.paths['/api/v1/analytics/insights/report'].get.parameters!.find((p) => p.name === 'days')!;
  expect(reportDays.schema).toMatchObject({ default: 30 });
});
