import { z } from '@/lib/schemas/zod';
import {
  DeliveriesResponse, Delivery, EvaluationResponse, InsightStateResponse, Webhook, WebhookCreateBody, WebhookCreatedResponse, WebhookListResponse,
} from '@/lib/schemas/alerts';
import { ErrorResponse } from '@/lib/schemas/errors';
import { ExecutionInput, IngestResponse, MAX_BATCH, StageInput } from '@/lib/schemas/ingest';
import {
  CATEGORIES, Insight, InsightsListResponse, PipelinesResponse, ReportResponse, SEVERITIES, SummaryResponse, TimeseriesResponse,
} from '@/lib/schemas/insights';
import { ApiKeyItem, CreateKeyBody, CreatedKeyResponse, KeysResponse } from '@/lib/schemas/keys';
import { OtlpErrorResponse, OtlpExportResponse, OtlpTraceRequest } from '@/lib/schemas/otlp';
import { SettingsResponse, UpdateSettingsBody } from '@/lib/schemas/settings';

// The schemas the OpenAPI document publishes as components: each is the one the handler parses
// with, or the type its service returns, so the document cannot drift from the code.

/** What POST /api/v1/executions accepts: the handler checks the envelope, then each item on its own. */
export const IngestBody = z.object({ executions: z.array(ExecutionInput).min(1).max(MAX_BATCH) });

/** Request schemas (described as the client sends them). */
export const INPUT_SCHEMAS = {
  StageInput, ExecutionInput, IngestBody, OtlpTraceRequest, WebhookCreateBody, CreateKeyBody, UpdateSettingsBody,
} as const;
export type InputName = keyof typeof INPUT_SCHEMAS;

/** Response schemas (described as the server returns them). */
export const OUTPUT_SCHEMAS = {
  Insight, InsightsListResponse, SummaryResponse, ReportResponse, TimeseriesResponse, PipelinesResponse, IngestResponse,
  OtlpExportResponse, EvaluationResponse, InsightStateResponse, Webhook, WebhookListResponse, WebhookCreatedResponse,
  Delivery, DeliveriesResponse, ApiKeyItem, KeysResponse, CreatedKeyResponse, SettingsResponse, ErrorResponse, OtlpErrorResponse,
} as const;
export type OutputName = keyof typeof OUTPUT_SCHEMAS;

/** Words for the query parameters that the schema alone cannot say (units, lists, defaults come from the schema). */
export const PARAMETER_DOCS: Record<string, { description: string; schema?: Record<string, unknown> }> = {
  days: { description: 'Window length in days: the current window is the last `days` days, the previous one the `days` before.', schema: { type: 'integer', minimum: 1, maximum: 365 } },
  pipeline_id: { description: 'Restrict data and insights to one pipeline; an unknown pipeline gives empty results.' },
  category: { description: `Comma-separated list of: ${CATEGORIES.join(', ')}.` },
  severity: { description: `Comma-separated list of: ${SEVERITIES.join(', ')}.` },
  include_recommendations: { description: 'false: insights carry no recommendation strings.', schema: { type: 'boolean' } },
  include_forecasts: { description: 'false: cost_forecast is null.', schema: { type: 'boolean' } },
  granularity: { description: 'Bucket size, in the organisation time zone. `hour` needs `days` ≤ 31 (400 naming `granularity` otherwise).' },
  limit: { description: 'At most this many deliveries, newest first.', schema: { type: 'integer', minimum: 1, maximum: 200 } },
  status: { description: 'Only deliveries in this state.' },
};
