// POST /api/v1/otlp/v1/traces → ExportTraceServiceResponse: OTLP/HTTP trace export (JSON or
// protobuf, gzip allowed); GenAI spans become executions and stages (README "OpenTelemetry").
import { withApi } from '@/lib/api/route';
import { getPool } from '@/lib/db/client';
import { decodeOtlpBody } from '@/lib/otlp/decode';
import { ingestTraces } from '@/lib/otlp/ingest-traces';
import { readOtlpBody } from '@/lib/otlp/read-body';
import { otlpSuccess, withOtlpErrors } from '@/lib/otlp/response';

export const POST = withOtlpErrors(
  withApi({ scope: 'ingest' }, async ({ req, auth }) => {
    const body = await readOtlpBody(req);
    const partial = await ingestTraces(getPool(), auth.orgId, decodeOtlpBody(body));
    return otlpSuccess(body.format, partial);
  }),
);
