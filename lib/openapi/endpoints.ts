import { z } from '@/lib/schemas/zod';
import { ExecutionInput, IngestResponse, MAX_BATCH, StageInput } from '@/lib/schemas/ingest';
import {
  CATEGORIES,
  Insight,
  InsightsListResponse,
  InsightsQuery,
  PipelinesResponse,
  ReportQuery,
  ReportResponse,
  SEVERITIES,
  SummaryQuery,
  SummaryResponse,
  TimeseriesQuery,
  TimeseriesResponse,
} from '@/lib/schemas/insights';

// What the OpenAPI document describes: every schema here is the one the handler parses with or
// the engine's response type, so the document cannot drift from the code. To document another
// endpoint, add its schemas to a registry and an entry to ENDPOINTS.

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(['invalid_request', 'unauthorized', 'forbidden', 'not_found', 'payload_too_large', 'rate_limited', 'unavailable', 'internal_error']),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const IngestBody = z.object({ executions: z.array(ExecutionInput).min(1).max(MAX_BATCH) });

/** Request schemas (described as the client sends them). */
export const INPUT_SCHEMAS = { StageInput, ExecutionInput, IngestBody } as const;
/** Response schemas (described as the server returns them). */
export const OUTPUT_SCHEMAS = {
  Insight, InsightsListResponse, SummaryResponse, ReportResponse, TimeseriesResponse, PipelinesResponse, IngestResponse, ErrorResponse,
} as const;

type OutputName = keyof typeof OUTPUT_SCHEMAS;

export interface Endpoint {
  method: 'get' | 'post';
  path: string;
  summary: string;
  /** null = public. */
  scope: 'read' | 'ingest' | 'admin' | null;
  query?: z.ZodObject;
  body?: keyof typeof INPUT_SCHEMAS;
  response: OutputName | null;
}

/** Words for the query parameters that the schema alone cannot say (units, lists, defaults come from the schema). */
export const PARAMETER_DOCS: Record<string, { description: string; schema?: Record<string, unknown> }> = {
  days: { description: 'Window length in days: the current window is the last `days` days, the previous one the `days` before.', schema: { type: 'integer', minimum: 1, maximum: 365 } },
  pipeline_id: { description: 'Restrict data and insights to one pipeline; an unknown pipeline gives empty results.' },
  category: { description: `Comma-separated list of: ${CATEGORIES.join(', ')}.` },
  severity: { description: `Comma-separated list of: ${SEVERITIES.join(', ')}.` },
  include_recommendations: { description: 'false: insights carry no recommendation strings.', schema: { type: 'boolean' } },
  include_forecasts: { description: 'false: cost_forecast is null.', schema: { type: 'boolean' } },
  granularity: { description: 'Bucket size, in the organisation time zone.' },
};

export const ENDPOINTS: Endpoint[] = [
  { method: 'post', path: '/api/v1/executions', summary: 'Ingest a batch of 1–1,000 executions (idempotent per id)', scope: 'ingest', body: 'IngestBody', response: 'IngestResponse' },
  { method: 'get', path: '/api/v1/analytics/insights/summary', summary: 'Insight counts, top insights, savings and changes', scope: 'read', query: SummaryQuery, response: 'SummaryResponse' },
  { method: 'get', path: '/api/v1/analytics/insights/report', summary: 'The full insights report', scope: 'read', query: ReportQuery, response: 'ReportResponse' },
  { method: 'get', path: '/api/v1/analytics/insights', summary: 'Insights, filtered by category, severity and pipeline', scope: 'read', query: InsightsQuery, response: 'InsightsListResponse' },
  { method: 'get', path: '/api/v1/analytics/timeseries', summary: 'Executions, failures, cost and latency per day or hour', scope: 'read', query: TimeseriesQuery, response: 'TimeseriesResponse' },
  { method: 'get', path: '/api/v1/pipelines', summary: "The organisation's pipelines with execution counts", scope: 'read', response: 'PipelinesResponse' },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document', scope: null, response: null },
];
