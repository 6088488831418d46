// POST /api/v1/otlp/v1/traces → ExportTraceServiceResponse: OTLP/HTTP trace export (JSON or
// protobuf, gzip allowed); GenAI spans become executions and stages (README "OpenTelemetry").
import { otlpBody } from '@/lib/api/body';
import { withApi } from '@/lib/api/route';
import { getPool } from '@/lib/db/client';
import { decodeOtlpBody } from '@/lib/otlp/decode';
import { ingestTraces } from '@/lib/otlp/ingest-traces';
import { otlpSuccess, withOtlpErrors } from '@/lib/otlp/response';

export const POST = withOtlpErrors(
  withApi({ scope: 'ingest', read: otlpBody }, async ({ auth, body }) => {
    const partial = await ingestTraces(getPool(), auth.orgId, decodeOtlpBody(body));
    return otlpSuccess(body.format, partial);
  }),
);
