import type { z } from '@/lib/schemas/zod';
import type { Scope } from '@/lib/schemas/keys';
import { DeliveriesQuery, InsightIdParams, MAX_WEBHOOK_BODY_BYTES, WebhookIdParams } from '@/lib/schemas/alerts';
import { MAX_BODY_BYTES } from '@/lib/schemas/ingest';
import { InsightsQuery, ReportQuery, SummaryQuery, TimeseriesQuery } from '@/lib/schemas/insights';
import { KeyIdParams, MAX_KEY_BODY_BYTES } from '@/lib/schemas/keys';
import { MAX_SETTINGS_BODY_BYTES } from '@/lib/schemas/settings';
import type { InputName, OutputName } from './schemas';

// Every operation under app/api/v1, with the schemas and limits its handler uses
// (lib/openapi/document.test.ts fails when a route.ts exports a method that is not listed here).

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Endpoint {
  method: Method;
  /** With `{name}` for each path parameter, as in the route folder's `[name]`. */
  path: string;
  summary: string;
  /** null = public. */
  scope: Scope | null;
  query?: z.ZodObject;
  /** Path parameters; each field's `.meta({ description })` describes it. */
  params?: z.ZodObject;
  /** A JSON body (parsed with `schema`, refused over `maxBytes`), or an OTLP/HTTP export (lib/openapi/otlp.ts). */
  body?: { schema: InputName; maxBytes: number } | 'otlp';
  /** The success answer; without a schema it is any JSON object, and 204 has no body. */
  success: { status: 200 | 201 | 204; description: string; schema?: OutputName };
  /** When the handler answers 404: for what. */
  notFound?: string;
  /** The success answer carries a secret shown this once (the field's name): sent with Cache-Control: no-store. */
  secret?: string;
}

const ok = (schema: OutputName, description = 'OK') => ({ status: 200 as const, description, schema });

export const ENDPOINTS: Endpoint[] = [
  { method: 'post', path: '/api/v1/executions', summary: 'Ingest a batch of 1–1,000 executions (idempotent per id)', scope: 'ingest', body: { schema: 'IngestBody', maxBytes: MAX_BODY_BYTES }, success: ok('IngestResponse', 'Valid items stored (and durable), duplicates counted, invalid ones listed') },
  { method: 'post', path: '/api/v1/otlp/v1/traces', summary: 'OTLP/HTTP trace export: GenAI spans become executions and stages', scope: 'ingest', body: 'otlp', success: ok('OtlpExportResponse', 'ExportTraceServiceResponse, in the request\'s encoding') },
  { method: 'get', path: '/api/v1/analytics/insights/summary', summary: 'Insight counts, top insights, savings and changes', scope: 'read', query: SummaryQuery, success: ok('SummaryResponse') },
  { method: 'get', path: '/api/v1/analytics/insights/report', summary: 'The full insights report', scope: 'read', query: ReportQuery, success: ok('ReportResponse') },
  { method: 'get', path: '/api/v1/analytics/insights', summary: 'Insights, filtered by category, severity and pipeline', scope: 'read', query: InsightsQuery, success: ok('InsightsListResponse') },
  { method: 'post', path: '/api/v1/analytics/insights/{id}/acknowledge', summary: 'Acknowledge an insight: no more deliveries this episode (idempotent)', scope: 'read', params: InsightIdParams, success: ok('InsightStateResponse', "The insight's alert state"), notFound: 'the insight is not tracked by alerts (only findings of the alert window, once evaluated)' },
  { method: 'get', path: '/api/v1/analytics/timeseries', summary: 'Executions, failures, cost and latency per day or hour', scope: 'read', query: TimeseriesQuery, success: ok('TimeseriesResponse') },
  { method: 'get', path: '/api/v1/pipelines', summary: "The organisation's pipelines with execution counts", scope: 'read', success: ok('PipelinesResponse') },
  { method: 'post', path: '/api/v1/alerts/evaluate', summary: 'Evaluate insights for alerts now and enqueue their webhook deliveries', scope: 'admin', success: ok('EvaluationResponse') },
  { method: 'get', path: '/api/v1/webhooks', summary: 'Webhook endpoints (without their secrets)', scope: 'admin', success: ok('WebhookListResponse') },
  { method: 'post', path: '/api/v1/webhooks', summary: 'Add a webhook endpoint; its signing secret is shown this once', scope: 'admin', body: { schema: 'WebhookCreateBody', maxBytes: MAX_WEBHOOK_BODY_BYTES }, success: { status: 201, description: 'Created', schema: 'WebhookCreatedResponse' }, secret: 'secret' },
  { method: 'delete', path: '/api/v1/webhooks/{id}', summary: 'Remove a webhook endpoint, its pending deliveries and its delivery log', scope: 'admin', params: WebhookIdParams, success: { status: 204, description: 'Deleted' }, notFound: "no webhook of this organisation has this id" },
  { method: 'get', path: '/api/v1/webhooks/{id}/deliveries', summary: "A webhook's deliveries, newest first, with every attempt", scope: 'admin', query: DeliveriesQuery, params: WebhookIdParams, success: ok('DeliveriesResponse'), notFound: 'no webhook of this organisation has this id' },
  { method: 'get', path: '/api/v1/keys', summary: "The organisation's API keys (prefix, scopes, last use; never the secret)", scope: 'admin', success: ok('KeysResponse') },
  { method: 'post', path: '/api/v1/keys', summary: 'Create an API key; the key is shown this once', scope: 'admin', body: { schema: 'CreateKeyBody', maxBytes: MAX_KEY_BODY_BYTES }, success: { status: 201, description: 'Created', schema: 'CreatedKeyResponse' }, secret: 'key' },
  { method: 'delete', path: '/api/v1/keys/{id}', summary: 'Revoke an API key (idempotent)', scope: 'admin', params: KeyIdParams, success: ok('ApiKeyItem', 'The key, now revoked'), notFound: "no API key of this organisation has this id" },
  { method: 'get', path: '/api/v1/settings', summary: 'Time zone and detection thresholds (overrides and effective values)', scope: 'admin', success: ok('SettingsResponse') },
  { method: 'patch', path: '/api/v1/settings', summary: 'Change the time zone or thresholds; a threshold set to null returns to its default', scope: 'admin', body: { schema: 'UpdateSettingsBody', maxBytes: MAX_SETTINGS_BODY_BYTES }, success: ok('SettingsResponse', 'The settings, updated') },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document', scope: null, success: { status: 200, description: 'The OpenAPI 3.1 document' } },
];
