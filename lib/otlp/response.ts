import type { NextRequest } from 'next/server';
import type { ErrorResponse } from '@/lib/schemas/errors';
import type { OtlpErrorResponse, OtlpExportResponse } from '@/lib/schemas/otlp';
import { encodeProtobufResponse, encodeProtobufStatus, type PartialSuccess } from './proto';
import { otlpFormat, type OtlpFormat } from './format';

// OTLP/HTTP answers in the encoding it was sent: an ExportTraceServiceResponse on success (with
// partialSuccess only when spans were rejected), and a google.rpc.Status for every 4xx/5xx.
// JSON errors keep the API's own envelope ({"error":{…}}) and add the Status fields beside it
// ("code", "message"), so both an OTLP client and the API's error contract read them.

export function otlpSuccess(format: OtlpFormat, partial: PartialSuccess | null): Response {
  if (format === 'protobuf') {
    return new Response(Buffer.from(encodeProtobufResponse(partial)), { headers: { 'content-type': 'application/x-protobuf' } });
  }
  // int64 goes out as a decimal string, as the proto3 JSON mapping (and OTLP/JSON) says.
  const body: OtlpExportResponse = partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {};
  return Response.json(body);
}

/** gRPC status codes for the HTTP statuses this API uses (OTLP clients only log them). */
export function grpcCode(status: number): number {
  const codes: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8, 503: 14 };
  return codes[status] ?? 13;
}

type Route<C> = (req: NextRequest, ctx: C) => Promise<Response>;

export function withOtlpErrors<C>(route: Route<C>): Route<C> {
  return async (req, ctx) => {
    const res = await route(req, ctx);
    if (res.status < 400) return res;
    const envelope = (await res.json().catch(() => ({}))) as Partial<ErrorResponse>;
    const message = envelope.error?.message ?? res.statusText;
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    if (otlpFormat(req.headers.get('content-type')) === 'protobuf') {
      headers.set('content-type', 'application/x-protobuf');
      return new Response(Buffer.from(encodeProtobufStatus(grpcCode(res.status), message)), { status: res.status, headers });
    }
    const body: Omit<OtlpErrorResponse, 'error'> & Partial<ErrorResponse> = { code: grpcCode(res.status), message, ...envelope };
    return Response.json(body, { status: res.status, headers });
  };
}
