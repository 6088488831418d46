// The subset of the OTLP trace protobuf schema (opentelemetry-proto v1: common, resource, trace,
// collector/trace) and google.rpc.Status that the receiver needs, as a protobufjs JSON
// descriptor. Field names are the lowerCamelCase JSON names, so a decoded message has the same
// shape as an OTLP/JSON body. Fields left out here (links, dropped counts, trace_state…) are
// skipped by the decoder as unknown fields, which protobuf allows. Enums are read as int32
// (same varint wire format) so unknown enum values never fail a decode.

const f = (type: string, id: number) => ({ type, id });
const many = (type: string, id: number) => ({ rule: 'repeated', type, id });

export const OTLP_DESCRIPTOR = {
  nested: {
    opentelemetry: { nested: { proto: { nested: {
      common: { nested: { v1: { nested: {
        AnyValue: {
          oneofs: { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'] } },
          fields: {
            stringValue: f('string', 1),
            boolValue: f('bool', 2),
            intValue: f('int64', 3),
            doubleValue: f('double', 4),
            arrayValue: f('ArrayValue', 5),
            kvlistValue: f('KeyValueList', 6),
            bytesValue: f('bytes', 7),
          },
        },
        ArrayValue: { fields: { values: many('AnyValue', 1) } },
        KeyValueList: { fields: { values: many('KeyValue', 1) } },
        KeyValue: { fields: { key: f('string', 1), value: f('AnyValue', 2) } },
        InstrumentationScope: { fields: { name: f('string', 1), version: f('string', 2), attributes: many('KeyValue', 3) } },
      } } } },
      resource: { nested: { v1: { nested: {
        Resource: { fields: { attributes: many('opentelemetry.proto.common.v1.KeyValue', 1) } },
      } } } },
      trace: { nested: { v1: { nested: {
        ResourceSpans: {
          fields: {
            resource: f('opentelemetry.proto.resource.v1.Resource', 1),
            scopeSpans: many('ScopeSpans', 2),
            schemaUrl: f('string', 3),
          },
        },
        ScopeSpans: {
          fields: {
            scope: f('opentelemetry.proto.common.v1.InstrumentationScope', 1),
            spans: many('Span', 2),
            schemaUrl: f('string', 3),
          },
        },
        Span: {
          fields: {
            traceId: f('bytes', 1),
            spanId: f('bytes', 2),
            parentSpanId: f('bytes', 4),
            flags: f('fixed32', 16),
            name: f('string', 5),
            kind: f('int32', 6),
            startTimeUnixNano: f('fixed64', 7),
            endTimeUnixNano: f('fixed64', 8),
            attributes: many('opentelemetry.proto.common.v1.KeyValue', 9),
            events: many('Event', 11),
            status: f('Status', 15),
          },
        },
        Event: {
          fields: {
            timeUnixNano: f('fixed64', 1),
            name: f('string', 2),
            attributes: many('opentelemetry.proto.common.v1.KeyValue', 3),
          },
        },
        Status: { fields: { message: f('string', 2), code: f('int32', 3) } },
      } } } },
      collector: { nested: { trace: { nested: { v1: { nested: {
        ExportTraceServiceRequest: { fields: { resourceSpans: many('opentelemetry.proto.trace.v1.ResourceSpans', 1) } },
        ExportTraceServiceResponse: { fields: { partialSuccess: f('ExportTracePartialSuccess', 1) } },
        ExportTracePartialSuccess: { fields: { rejectedSpans: f('int64', 1), errorMessage: f('string', 2) } },
      } } } } } },
    } } } },
    google: { nested: { rpc: { nested: {
      Status: { fields: { code: f('int32', 1), message: f('string', 2) } },
    } } } },
  },
};
