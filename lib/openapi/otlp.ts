import { MAX_BODY_BYTES } from '@/lib/schemas/ingest';
import { OTLP_SPEC_URL } from '@/lib/schemas/otlp';

// POST /api/v1/otlp/v1/traces speaks OTLP/HTTP: the request and its answers are the OTLP
// specification's messages, in the request's encoding. The document names the content types and
// points at the specification instead of modelling the protobuf (lib/api/body.ts otlpBody, lib/otlp/response.ts).

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const protobuf = (message: string) => ({ schema: { description: `${message}, binary protobuf (${OTLP_SPEC_URL})` } });

export const otlpExternalDocs = { description: 'OTLP/HTTP specification', url: OTLP_SPEC_URL };

export const otlpContentEncoding: Json = {
  name: 'Content-Encoding',
  in: 'header',
  required: false,
  description: 'gzip (or x-gzip) for a compressed body; anything else but identity is refused with 415.',
  schema: { type: 'string', enum: ['gzip', 'x-gzip', 'identity'] },
};

export const otlpRequestBody: Json = {
  required: false,
  description:
    'An ExportTraceServiceRequest as OTLP/JSON (application/json) or protobuf (application/x-protobuf; application/protobuf is accepted too). ' +
    `At most ${MAX_BODY_BYTES} bytes on the wire and after gunzip. An empty body is an empty request.`,
  content: {
    'application/json': { schema: ref('OtlpTraceRequest') },
    'application/x-protobuf': protobuf('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'),
  },
};

export const otlpSuccessContent: Json = {
  'application/json': { schema: ref('OtlpExportResponse') },
  'application/x-protobuf': protobuf('ExportTraceServiceResponse'),
};

/** google.rpc.Status: protobuf for protobuf requests; for JSON, the error envelope with the Status fields beside it. */
export const otlpErrorContent: Json = {
  'application/json': { schema: ref('OtlpErrorResponse') },
  'application/x-protobuf': protobuf('google.rpc.Status'),
};

/** Where OTLP's answers say more than the API's usual ones. */
export const OTLP_ERRORS: Record<number, string> = {
  400: 'invalid_request: the body cannot be decoded as an ExportTraceServiceRequest (not to be retried)',
  413: `payload_too_large: the body is over ${MAX_BODY_BYTES} bytes on the wire or after gunzip`,
  415: 'invalid_request: Content-Type is not application/json or application/x-protobuf, or Content-Encoding is not gzip',
  503: 'unavailable: the database is unavailable, or the same traces stayed locked by other exports for 15 s; retry after Retry-After seconds',
};
