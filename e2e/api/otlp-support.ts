import { context, trace, type Attributes, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { baseURL } from '../../playwright.config';

// The real OpenTelemetry JS SDK for the OTLP suite: spans are recorded in memory first, then sent
// with the real OTLP exporters in whatever grouping a test wants (one export, children first,
// a re-export), as an application's BatchSpanProcessor would send them.

export function recorder(resource: Attributes) {
  const memory = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer('flowmason-e2e', '1.0.0');
  // A clock of our own (a minute ago, moving forward): the SDK's start times have millisecond
  // resolution, and calls made back to back in a test would otherwise start in the same ms.
  let clock = Date.now() - 60_000;
  return {
    root: (name: string, attributes: Attributes = {}) => tracer.startSpan(name, { attributes, startTime: clock }),
    child: (parent: Span, name: string, attributes: Attributes) =>
      tracer.startSpan(name, { attributes, startTime: (clock += 5) }, trace.setSpan(context.active(), parent)),
    /** Ends a span `durationMs` after the clock. */
    end: (span: Span, durationMs = 50) => span.end((clock += durationMs)),
    spans: () => memory.getFinishedSpans(),
    shutdown: () => provider.shutdown(),
  };
}

/** OTLP/HTTP JSON, configured in code. */
export const jsonExporter = (key: string) =>
  new JsonExporter({ url: `${baseURL}/api/v1/otlp/v1/traces`, headers: { Authorization: `Bearer ${key}` } });

/** OTLP/HTTP protobuf with gzip, configured the way an application usually is: environment variables. */
export function protoExporterFromEnv(key: string) {
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `${baseURL}/api/v1/otlp`,
    OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer%20${key}`,
    OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return new ProtoExporter();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** One export call; rejects when the exporter reports a failure (a non-2xx answer). */
export function exportSpans(exporter: SpanExporter, spans: ReadableSpan[]): Promise<void> {
  return new Promise((resolve, reject) => {
    exporter.export(spans, (result) => (result.code === 0 ? resolve() : reject(result.error ?? new Error('export failed'))));
  });
}
