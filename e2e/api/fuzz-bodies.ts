import fc from 'fast-check';
import {
  deepNesting, hostileKey, hostileScalar, hostileString, hostileValue, invalidUtf8, toJson, withInvalidUtf8,
} from './fuzz-values';

// Request bodies for the fuzz suite. `mustReject`: no valid request can look like this, so the
// answer must be a 4xx (and nothing may be stored); otherwise the body may be partly valid and
// whatever the API accepts is counted from its answer. `traceIds`: OTLP traces the body names.

export interface Body {
  bytes?: Buffer;
  contentType?: string;
  contentEncoding?: string;
  chunked?: boolean;
  mustReject: boolean;
  traceIds?: string[];
}

export const json = (text: string | Buffer, mustReject: boolean, traceIds?: string[]): Body => ({
  bytes: Buffer.isBuffer(text) ? text : Buffer.from(text),
  contentType: 'application/json',
  mustReject,
  traceIds,
});

/** Whole-body garbage any JSON endpoint must refuse: not JSON, not UTF-8, too deep, not an object, wrong type, too large. */
export const garbageJson = (limit: number): fc.Arbitrary<Body> =>
  fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 512 }).map((b) => json(Buffer.from(b), true)),
    fc.tuple(hostileValue, invalidUtf8).map(([v, bad]) => json(withInvalidUtf8(toJson({ x: v }), bad), true)),
    deepNesting.map((d) => json(toJson(d), true)),
    hostileScalar.map((v) => json(toJson(v), true)),
    fc.constantFrom('', '{', '{"a":1,}', "{'a':1}", 'NaN', '[1,2', '\ufeff', '{"a":1}{"b":2}', '{"a":1}\u0000').map((s) => json(s, true)),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'json', 'text/json')
      .map((contentType): Body => ({ bytes: Buffer.from('{"a":1}'), contentType, mustReject: true })),
    // Oversized: whitespace is valid JSON, so only the size can refuse it; with and without a length.
    // Rarer than the rest: each one uploads the whole limit.
    fc.nat(3).chain((n) => (n === 0
      ? fc.boolean().map((chunked): Body => ({ bytes: Buffer.alloc(limit + 1, 0x20), contentType: 'application/json', chunked, mustReject: true }))
      : fc.constant(json('{"a":', true)))),
  );

const EXEC_FIELDS = ['id', 'pipeline_id', 'status', 'started_at', 'duration_ms', 'completed_at', 'error_type', 'error_message', 'cost_usd', 'metadata', 'stages'];
const STAGE_FIELDS = ['stage_id', 'stage_type', 'provider', 'model', 'status', 'duration_ms', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'reasoning_tokens', 'cost_usd', 'error_type'];
type Mutation = { kind: 'set' | 'stage' | 'delete' | 'meta' | 'extra'; field: string; value?: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...EXEC_FIELDS), value: hostileValue }),
  fc.record({ kind: fc.constant('stage' as const), field: fc.constantFrom(...STAGE_FIELDS), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...EXEC_FIELDS) }),
  fc.record({ kind: fc.constant('meta' as const), field: hostileKey, value: hostileScalar }),
  fc.record({ kind: fc.constant('extra' as const), field: hostileKey, value: hostileValue }),
);

/** A valid execution (recent, one priced stage) with up to three hostile mutations. */
const execution = fc.tuple(fc.uuid(), fc.array(mutation, { maxLength: 3 })).map(([id, mutations]) => {
  const stage: Record<string, unknown> = { stage_id: 'answer', provider: 'openai', model: 'gpt-4o-mini', duration_ms: 50, input_tokens: 100, output_tokens: 20 };
  const item: Record<string, unknown> = {
    id: `fz-${id}`, pipeline_id: 'fuzz-pipeline', status: 'success', started_at: new Date(Date.now() - 3_600_000).toISOString(),
    duration_ms: 120, metadata: { env: 'fuzz' }, stages: [stage],
  };
  for (const m of mutations) {
    if (m.kind === 'set' || m.kind === 'extra') item[m.field] = m.value;
    else if (m.kind === 'stage') stage[m.field] = m.value;
    else if (m.kind === 'delete') delete item[m.field];
    else if (item.metadata && typeof item.metadata === 'object') (item.metadata as Record<string, unknown>)[m.field] = m.value;
  }
  return item;
});

/** Refused whole unless `executions` is an array of 1–1,000 items (then each item is judged alone). */
function envelope(text: string): Body {
  let items: unknown;
  try {
    items = (JSON.parse(text) as { executions: unknown }).executions;
  } catch {
    return json(text, true);
  }
  return json(text, !(Array.isArray(items) && items.length >= 1 && items.length <= 1000));
}

export const executionsBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 6, arbitrary: fc.array(execution, { minLength: 1, maxLength: 12 }).map((items) => json(toJson({ executions: items }), false)) },
  { weight: 2, arbitrary: hostileValue.map((v) => envelope(toJson({ executions: v }))) },
  { weight: 1, arbitrary: fc.constant(json(toJson({ executions: Array.from({ length: 1001 }, (_, i) => ({ id: `x${i}` })) }), true)) },
  { weight: 3, arbitrary: garbageJson(5 * 1024 * 1024) },
);

export const keysBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    name: fc.oneof(hostileValue, fc.constant('fuzz-key')),
    scopes: fc.oneof(hostileValue, fc.subarray(['read', 'ingest', 'admin']), fc.array(hostileString, { maxLength: 3 })),
  }, { requiredKeys: [] }).map((b) => json(toJson(b), false)) },
  { weight: 2, arbitrary: garbageJson(4096) },
);

const hookUrl = fc.oneof(hostileString, fc.constantFrom(
  'https://example.com/hook', 'http://127.0.0.1:1/x', 'https://[::1]/', 'ftp://example.com/', 'https://user:pass@example.com/',
  `https://example.com/${'a'.repeat(3000)}`, 'http://169.254.169.254/latest/meta-data', 'javascript:alert(1)', 'https://', 'http://%00/',
));
export const webhooksBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    url: fc.oneof(hookUrl, hostileValue),
    min_severity: fc.oneof(fc.constantFrom('critical', 'warning', 'info'), hostileValue),
    categories: fc.oneof(fc.subarray(['cost', 'performance', 'reliability', 'usage', 'optimization']), hostileValue),
  }, { requiredKeys: [] }).map((b) => json(toJson(b), false)) },
  { weight: 2, arbitrary: garbageJson(16 * 1024) },
);

/** Settings bodies that can never be valid (an unknown field): a rejected PATCH must change nothing. */
export const settingsBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ time_zone: hostileValue, thresholds: fc.oneof(hostileValue, fc.dictionary(hostileKey, hostileScalar)) }, { requiredKeys: [] })
    .chain((b) => hostileValue.map((v) => json(toJson({ ...b, zz_not_a_setting: v }), true))) },
  { weight: 2, arbitrary: garbageJson(16 * 1024) },
);
