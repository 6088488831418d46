import fc from 'fast-check';
import type { RawRequest } from './fuzz-http';
import { headerSafe, pathSafe } from './fuzz-http';
import { executionsBody, keysBody, settingsBody, webhooksBody, type Body } from './fuzz-bodies';
import { otlpBody } from './fuzz-otlp';
import { fillPath } from './fuzz-routes';
import { hostileKey, hostileSegment, hostileString, hostileValue, toJson } from './fuzz-values';

// One row per /api/v1 endpoint: its scope, the query parameters it knows (with values around
// their edges), its body generator, and how many requests it gets. A case = a full request.

export type Scope = 'read' | 'ingest' | 'admin' | 'public';
export interface FuzzContext { keys: string[]; readKey: string }
export interface FuzzCase { endpoint: string; request: RawRequest; mustReject: boolean; traceIds: string[] }
interface Spec { scope: Scope; query?: Record<string, fc.Arbitrary<string>>; body?: fc.Arbitrary<Body>; requests: number }

const days = fc.constantFrom('0', '1', '7', '30', '365', '366', '-1', '1.5', '1e2', '0x10', ' 7', '７', '99999999999999999999', 'NaN', '', '007');
const pipeline = fc.oneof(hostileString, fc.constantFrom('fuzz-pipeline', 'support-bot'));
const flag = fc.constantFrom('true', 'false', 'TRUE', '1', '0', 'yes', '', 'null');
const list = (items: string[]) => fc.oneof(fc.subarray(items).map((s) => s.join(',')), fc.constantFrom('', ',', 'COST', 'cost,,info', 'all', '*'), hostileString);
const CATEGORIES = ['cost', 'performance', 'reliability', 'usage', 'optimization'];
const SEVERITIES = ['critical', 'warning', 'info'];

export const ENDPOINTS: Record<string, Spec> = {
  'GET /api/v1/analytics/insights/summary': { scope: 'read', query: { days, pipeline_id: pipeline }, requests: 96 },
  'GET /api/v1/analytics/insights/report': {
    scope: 'read', query: { days, pipeline_id: pipeline, include_recommendations: flag, include_forecasts: flag }, requests: 96,
  },
  'GET /api/v1/analytics/insights': {
    scope: 'read', query: { days, pipeline_id: pipeline, category: list(CATEGORIES), severity: list(SEVERITIES) }, requests: 96,
  },
  'GET /api/v1/analytics/timeseries': {
    scope: 'read', query: { days, pipeline_id: pipeline, granularity: fc.constantFrom('hour', 'day', 'DAY', 'minute', '', 'week') }, requests: 96,
  },
  'POST /api/v1/analytics/insights/[id]/acknowledge': { scope: 'read', requests: 120 },
  'GET /api/v1/pipelines': { scope: 'read', requests: 80 },
  'POST /api/v1/executions': { scope: 'ingest', body: executionsBody, requests: 480 },
  'POST /api/v1/otlp/v1/traces': { scope: 'ingest', body: otlpBody, requests: 280 },
  'GET /api/v1/keys': { scope: 'admin', requests: 60 },
  'POST /api/v1/keys': { scope: 'admin', body: keysBody, requests: 160 },
  'DELETE /api/v1/keys/[id]': { scope: 'admin', requests: 100 },
  'GET /api/v1/settings': { scope: 'admin', requests: 60 },
  'PATCH /api/v1/settings': { scope: 'admin', body: settingsBody, requests: 160 },
  'GET /api/v1/webhooks': { scope: 'admin', requests: 60 },
  'POST /api/v1/webhooks': { scope: 'admin', body: webhooksBody, requests: 160 },
  'DELETE /api/v1/webhooks/[id]': { scope: 'admin', requests: 100 },
  'GET /api/v1/webhooks/[id]/deliveries': {
    scope: 'admin', query: { limit: fc.constantFrom('1', '200', '201', '0', '-5', 'abc', '1e2', ''), status: fc.constantFrom('pending', 'PENDING', 'x', '') }, requests: 120,
  },
  'POST /api/v1/alerts/evaluate': { scope: 'admin', requests: 24 },
  'GET /api/v1/openapi.json': { scope: 'public', requests: 40 },
};

const garbageAuth = fc.oneof(
  fc.constantFrom('Bearer', 'Bearer ', 'bearer fm_', 'Basic YWRtaW46YWRtaW4=', `Bearer fm_${'A'.repeat(32)}`, "Bearer fm_' OR 1=1--", `Bearer ${'fm_'.repeat(3000)}`,
    'Token fm_x', 'Bearer fm_x fm_y', `Bearer ${'x'.repeat(20_000)}`, 'Bearer fm_%00', 'Bearer\tfm_x'),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `Bearer fm_${s}`),
  hostileString,
);

type Auth = { kind: 'key' | 'read' | 'garbage' | 'none'; header?: string };
const auth = (ctx: FuzzContext): fc.Arbitrary<Auth> =>
  fc.oneof(
    { weight: 14, arbitrary: fc.constantFrom(...ctx.keys).map((k): Auth => ({ kind: 'key', header: `Bearer ${k}` })) },
    { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'read', header: `Bearer ${ctx.readKey}` }) },
    { weight: 2, arbitrary: garbageAuth.map((h): Auth => ({ kind: 'garbage', header: h })) },
    { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
  );

const extraHeaders = fc.record({
  'x-request-id': hostileString,
  cookie: fc.constantFrom('flowmason.session_token=abc.def', '__Secure-flowmason.session_token=%00', `flowmason.session_token=${'z'.repeat(4000)}`, 'a=b; ;;='),
  'x-forwarded-for': fc.constantFrom('203.0.113.7', 'not-an-ip', "' OR 1=1", ', ,', '::1'),
  accept: fc.constantFrom('*/*', 'text/html', 'application/xml', '\u00ff'),
  origin: fc.constantFrom('https://evil.example', 'null'),
}, { requiredKeys: [] });

function queryArb(known: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> {
  const names = Object.keys(known);
  const pair = names.length
    ? fc.constantFrom(...names).chain((n) => fc.oneof(known[n], hostileString).map((v) => [n, v] as const))
    : fc.tuple(hostileKey, hostileString);
  const encoded = fc.array(fc.oneof({ weight: 3, arbitrary: pair }, { weight: 1, arbitrary: fc.tuple(hostileKey, hostileString) }), { maxLength: 5 })
    .map((ps) => ps.map(([k, v]) => `${encodeURIComponent(k.replace(/[\ud800-\udfff]/g, '?'))}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))}`).join('&'));
  const raw = fc.constantFrom('%', 'days=%zz', 'days=%FF%FE', 'pipeline_id=%00', 'days=1&days=2', 'days[]=1', 'days[$gt]=0', '=&=&', '&&&', `pipeline_id=${'%41'.repeat(2000)}`);
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

const noBody: fc.Arbitrary<Body> = fc.option(hostileValue.map((v): Body => ({ bytes: Buffer.from(toJson(v)), contentType: 'application/json', mustReject: false })), { nil: undefined })
  .map((b) => b ?? { mustReject: false });

export function caseArb(endpoint: string, ctx: FuzzContext): fc.Arbitrary<FuzzCase> {
  const spec = ENDPOINTS[endpoint];
  const [method, template] = endpoint.split(' ');
  return fc.record({ a: auth(ctx), h: extraHeaders, q: queryArb(spec.query), id: hostileSegment, b: spec.body ?? noBody }).map(({ a, h, q, id, b }) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) headers[k] = headerSafe(v);
    if (a.header !== undefined) headers.authorization = headerSafe(a.header);
    if (b.contentType !== undefined) headers['content-type'] = b.contentType;
    if (b.contentEncoding) headers['content-encoding'] = b.contentEncoding;
    const path = pathSafe(fillPath(template, { id })) + (q ? `?${q}` : '');
    const unauthorised = spec.scope !== 'public' && (a.kind === 'garbage' || a.kind === 'none' || (a.kind === 'read' && spec.scope !== 'read'));
    const c: FuzzCase = {
      endpoint,
      request: { method, path, headers, body: b.bytes, chunked: b.chunked },
      mustReject: (b.mustReject && spec.scope !== 'public' && method !== 'GET') || unauthorised,
      traceIds: b.traceIds ?? [],
    };
    // A failing batch is printed with this summary, not with megabytes of body bytes.
    const summary = () => `${method} ${path.slice(0, 160)} auth=${a.kind} body=${b.bytes ? `${b.bytes.length}B ${JSON.stringify(b.bytes.subarray(0, 120).toString('latin1'))}` : 'none'}`;
    return Object.defineProperty(c, fc.toStringMethod, { value: summary, enumerable: false });
  });
}
