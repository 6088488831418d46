import { clipText, type Attributes } from './attributes';
import type { OtlpSpan } from './spans';

// A root span that arrives before any GenAI span of its trace waits in otlp_pending_spans as
// JSON, keeping only what buildExecution reads (bigints as decimal strings): an HTTP root's
// request headers or an agent's prompt have no business in the buffer.

export type RootJson = Omit<OtlpSpan, 'startNs' | 'endNs'> & { startNs: string; endNs: string };

const keep = (k: string) =>
  k.startsWith('flowmason.') || k === 'error.type' || k === 'service.name' || k === 'service.version' || k.startsWith('deployment.environment');

const pick = (attrs: Attributes): Attributes => Object.fromEntries(Object.entries(attrs).filter(([k]) => keep(k)));

export function rootToJson(span: OtlpSpan): RootJson {
  return {
    ...span,
    attributes: pick(span.attributes),
    resource: pick(span.resource),
    statusMessage: clipText(span.statusMessage, 2000),
    exception: span.exception && {
      type: span.exception.type === undefined ? undefined : clipText(span.exception.type, 256),
      message: span.exception.message === undefined ? undefined : clipText(span.exception.message, 2000),
    },
    startNs: span.startNs.toString(),
    endNs: span.endNs.toString(),
  };
}

export function rootFromJson(json: RootJson): OtlpSpan {
  return { ...json, startNs: BigInt(json.startNs), endNs: BigInt(json.endNs) };
}
