import { ErrorResponse } from './errors';
import { z } from './zod';

// OTLP/HTTP trace export (POST /api/v1/otlp/v1/traces). The messages are the OTLP specification's
// (opentelemetry-proto, collector/trace/v1); only what this API adds or relies on is modelled here.
// lib/otlp/spans.ts reads the request by hand (OTLP/JSON and decoded protobuf alike).

export const OTLP_SPEC_URL = 'https://opentelemetry.io/docs/specs/otlp/#otlphttp';
export const OTLP_CONTENT_TYPES = ['application/json', 'application/x-protobuf'] as const;

/** OTLP/JSON ExportTraceServiceRequest: resourceSpans → scopeSpans → spans, as the spec defines them. */
export const OtlpTraceRequest = z
  .looseObject({
    resourceSpans: z
      .array(z.looseObject({ resource: z.looseObject({}).optional(), scopeSpans: z.array(z.looseObject({ spans: z.array(z.looseObject({})).optional() })).optional() }))
      .optional(),
  })
  .meta({ description: `An OTLP/JSON ExportTraceServiceRequest (lowerCamelCase keys, ids in hex, times as strings of nanoseconds): ${OTLP_SPEC_URL}` });

/** ExportTraceServiceResponse: empty on full success; partialSuccess when spans were rejected. */
export const OtlpExportResponse = z.object({
  partialSuccess: z
    .object({
      /** int64, as a decimal string (the proto3 JSON mapping). */
      rejectedSpans: z.string().regex(/^\d+$/),
      errorMessage: z.string(),
    })
    .optional(),
});
export type OtlpExportResponse = z.infer<typeof OtlpExportResponse>;

/** A JSON request's error: google.rpc.Status (code, message) beside the API's error envelope. */
export const OtlpErrorResponse = ErrorResponse.extend({
  /** The gRPC status code (3 invalid argument, 16 unauthenticated, 7 permission denied, 8 resource exhausted, 14 unavailable). */
  code: z.int(),
  message: z.string(),
});
export type OtlpErrorResponse = z.infer<typeof OtlpErrorResponse>;
