import { attributeMap, cleanText, type Attributes } from './attributes';

// An ExportTraceServiceRequest (JSON, or protobuf decoded to the same shape) → a flat list of
// spans carrying their resource's attributes. A span with unusable ids or times is rejected on
// its own (counted for partial success); a body that is not a request at all is an error.

export type OtlpSpan = {
  traceId: string; // 32 lowercase hex
  spanId: string; // 16 lowercase hex
  parentSpanId: string | null;
  /** The parent lives in another process (W3C context propagated in): this is a local root. */
  parentIsRemote: boolean;
  name: string;
  startNs: bigint;
  endNs: bigint;
  statusCode: number; // 0 unset, 1 ok, 2 error
  statusMessage: string;
  attributes: Attributes;
  resource: Attributes;
  /** exception.type / exception.message of the span's first "exception" event. */
  exception: { type?: string; message?: string } | null;
};

export type ReadSpans = { spans: OtlpSpan[]; invalid: number; reasons: string[] };

export class OtlpShapeError extends Error {}

// Span flags bits 8 and 9 (opentelemetry-proto SpanFlags): "is-remote is known", "parent is remote".
const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;
/** The end of year 9999: later times cannot be stored (nor shown as a date). */
const MAX_NS = 253_402_300_799_999n * 1_000_000n;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** OTLP/JSON ids are hex; protobuf ids are bytes; base64 (the plain proto3 JSON mapping) is tolerated. */
export function idHex(v: unknown, bytes: 8 | 16): string | null {
  let hex: string | null = null;
  if (v instanceof Uint8Array) hex = v.length === bytes ? Buffer.from(v).toString('hex') : null;
  else if (typeof v === 'string' && v.length === bytes * 2 && /^[0-9a-f]+$/i.test(v)) hex = v.toLowerCase();
  else if (typeof v === 'string' && v.length > 0 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) {
    const raw = Buffer.from(v, 'base64');
    hex = raw.length === bytes ? raw.toString('hex') : null;
  }
  return hex && /[^0]/.test(hex) ? hex : null; // an all-zero id is invalid per the spec
}

export function nanos(v: unknown): bigint | null {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.trunc(v));
  return null;
}

function exceptionOf(events: unknown): OtlpSpan['exception'] {
  const event = list(events).find((e) => isObject(e) && e.name === 'exception');
  if (!isObject(event)) return null;
  const attrs = attributeMap(event.attributes);
  const str = (k: string) => (typeof attrs[k] === 'string' ? (attrs[k] as string) : undefined); // cleaned by attributeMap
  return { type: str('exception.type'), message: str('exception.message') };
}

function readSpan(s: Record<string, unknown>, resource: Attributes): OtlpSpan | string {
  const traceId = idHex(s.traceId, 16);
  const spanId = idHex(s.spanId, 8);
  if (!traceId || !spanId) return 'a span has no valid traceId / spanId (16 and 8 bytes, hex in JSON)';
  const startNs = nanos(s.startTimeUnixNano);
  const endNs = nanos(s.endTimeUnixNano);
  if (startNs === null || startNs === 0n || endNs === null || startNs > MAX_NS || endNs > MAX_NS) {
    return 'a span has no valid startTimeUnixNano / endTimeUnixNano';
  }
  if (endNs < startNs) return 'a span ends (endTimeUnixNano) before it starts';
  const flags = typeof s.flags === 'number' ? s.flags : 0;
  const status = isObject(s.status) ? s.status : {};
  return {
    traceId,
    spanId,
    parentSpanId: idHex(s.parentSpanId, 8),
    parentIsRemote: (flags & HAS_IS_REMOTE) !== 0 && (flags & IS_REMOTE) !== 0,
    name: typeof s.name === 'string' ? cleanText(s.name) : '',
    startNs,
    endNs,
    statusCode: typeof status.code === 'number' ? status.code : 0,
    statusMessage: typeof status.message === 'string' ? cleanText(status.message) : '',
    attributes: attributeMap(s.attributes),
    resource,
    exception: exceptionOf(s.events),
  };
}

export function readSpans(body: unknown): ReadSpans {
  if (!isObject(body)) throw new OtlpShapeError('body must be an ExportTraceServiceRequest object');
  if (body.resourceSpans !== undefined && !Array.isArray(body.resourceSpans)) {
    throw new OtlpShapeError('resourceSpans must be an array');
  }
  const out: ReadSpans = { spans: [], invalid: 0, reasons: [] };
  for (const rs of list(body.resourceSpans)) {
    if (!isObject(rs)) continue;
    const resource = attributeMap(isObject(rs.resource) ? rs.resource.attributes : undefined);
    for (const ss of list(rs.scopeSpans)) {
      if (!isObject(ss)) continue;
      for (const s of list(ss.spans)) {
        const span = isObject(s) ? readSpan(s, resource) : 'a span is not an object';
        if (typeof span !== 'string') {
          out.spans.push(span);
          continue;
        }
        out.invalid += 1;
        if (!out.reasons.includes(span)) out.reasons.push(span);
      }
    }
  }
  return out;
}
