import { InvalidInputError } from '@/lib/errors';
import { decodeProtobufRequest } from './proto';
import type { OtlpBody } from './format';
import { OtlpShapeError, readSpans, type ReadSpans } from './spans';

// Body bytes → spans. Anything that cannot be decoded as an ExportTraceServiceRequest is a 400
// (OTLP: "bad data", not to be retried). An empty body is an empty request, which OTLP accepts.

function parse(body: OtlpBody): unknown {
  if (body.bytes.length === 0) return {};
  if (body.format === 'protobuf') {
    try {
      return decodeProtobufRequest(body.bytes);
    } catch {
      throw new InvalidInputError('request body is not a valid protobuf ExportTraceServiceRequest', { path: 'body' });
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    throw new InvalidInputError('request body is not valid UTF-8', { path: 'body' });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError('request body is not valid JSON', { path: 'body' });
  }
}

export function decodeOtlpBody(body: OtlpBody): ReadSpans {
  const request = parse(body);
  try {
    return readSpans(request);
  } catch (err) {
    if (err instanceof OtlpShapeError) throw new InvalidInputError(`request body: ${err.message}`, { path: 'resourceSpans' });
    throw err;
  }
}
