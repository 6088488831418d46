import protobuf from 'protobufjs/light.js';
import { OTLP_DESCRIPTOR } from './proto-descriptor';

// Binary protobuf in and out. Decoding yields a plain object in the OTLP/JSON shape (camelCase
// fields, int64 as decimal strings, ids as bytes) so that one normaliser reads both encodings.

const root = protobuf.Root.fromJSON(OTLP_DESCRIPTOR);
const Request = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
const Response = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse');
const RpcStatus = root.lookupType('google.rpc.Status');

/** Decodes an ExportTraceServiceRequest; throws on bytes that are not one. */
export function decodeProtobufRequest(bytes: Uint8Array): unknown {
  const message = Request.decode(bytes);
  return Request.toObject(message, { longs: String, enums: Number, defaults: false, arrays: false });
}

export type PartialSuccess = { rejectedSpans: number; errorMessage: string };

export function encodeProtobufResponse(partial: PartialSuccess | null): Uint8Array {
  const payload = partial ? { partialSuccess: partial } : {};
  return Response.encode(Response.fromObject(payload)).finish();
}

/** google.rpc.Status, the body OTLP/HTTP wants for every 4xx/5xx answer. */
export function encodeProtobufStatus(code: number, message: string): Uint8Array {
  return RpcStatus.encode(RpcStatus.fromObject({ code, message })).finish();
}

export function decodeProtobufResponse(bytes: Uint8Array): unknown {
  return Response.toObject(Response.decode(bytes), { longs: Number });
}

export function decodeProtobufStatus(bytes: Uint8Array): { code?: number; message?: string } {
  return RpcStatus.toObject(RpcStatus.decode(bytes)) as { code?: number; message?: string };
}
