import { z } from './zod';

// The ingest contract (API.md "Ingest"). Unknown fields are stripped, never an error, so that
// clients can send richer payloads than we store. Bounds keep every value inside its column.
// Cross-field rules live in one superRefine on the execution (not in per-object refines): zod keeps
// its compiled fast path for plain objects, and a rule only runs on fields that are already valid,
// so one bad value yields one error, not a cascade.

export const MAX_BATCH = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_FUTURE_MS = 5 * 60 * 1000;
/** Executions start after this instant; it also bounds how many monthly partitions can exist. */
export const MIN_STARTED_AT = '2000-01-01T00:00:00Z';
export const MIN_STARTED_MS = Date.parse(MIN_STARTED_AT);
export const INT32_MAX = 2_147_483_647;
export const MAX_TOKENS = 1e12;
export const MAX_COST_USD = 1e9;
export const MAX_STAGES = 200;
export const MAX_METADATA_KEYS = 32;

// PostgreSQL text and jsonb cannot hold U+0000: refuse it per field instead of failing the batch.
const NO_NUL = /^[^\u0000]*$/;
const noNul = 'must not contain the NUL character (\\u0000)';
// Empty strings are not values (API.md "Statistics"): "" or only whitespace is a 400 naming the
// field, never a silent '' that the rollups would read as their "none" marker.
const NOT_BLANK = /\S/;
const notBlank = 'must not be empty or only whitespace';
// (an empty id already fails min(1): the blank rule speaks only of non-empty whitespace, so a
// field gets one error, not two)
const id = z
  .string()
  .min(1, 'must be 1–128 characters')
  .max(128, 'must be 1–128 characters')
  .regex(NO_NUL, noNul)
  .refine((s) => s.length === 0 || NOT_BLANK.test(s), notBlank);
const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`).regex(NO_NUL, noNul);
/** An optional label (model, provider, error_type): absent is fine, blank is not. */
const label = (max: number) => shortText(max).regex(NOT_BLANK, notBlank);
const durationMs = z.int().min(0, 'must be an integer ≥ 0').max(INT32_MAX, `must be ≤ ${INT32_MAX}`);
const tokens = z.int().min(0, 'must be an integer ≥ 0').max(MAX_TOKENS, 'must be ≤ 1e12');
const cost = z.number().min(0, 'must be a number ≥ 0').max(MAX_COST_USD, 'must be ≤ 1e9');
const required = (fallback: string) => (i: { input: unknown }) => (i.input === undefined ? 'is required' : fallback);
export const timestamp = z.iso.datetime({ offset: true, error: required('must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T12:00:00Z') });
const anObject = { error: required('must be an object') };
const metadataError = (i: { input: unknown; code?: string }) =>
  i.code === 'invalid_key' ? 'key must be at most 128 characters of valid Unicode, without NUL' : required('must be an object')(i);

export const StageInput = z.object(
  {
    stage_id: id,
    stage_type: shortText(64).optional(),
    provider: label(64).optional(),
    model: label(128).optional(),
    status: z.enum(['success', 'failed', 'skipped'], { error: required('must be one of success, failed, skipped') }).default('success'),
    duration_ms: durationMs,
    input_tokens: tokens.optional(),
    output_tokens: tokens.optional(),
    /** Part of input_tokens (as providers report them), priced at the cache-read rate. */
    cached_input_tokens: tokens.optional(),
    /** Part of output_tokens. */
    reasoning_tokens: tokens.optional(),
    cost_usd: cost.optional(),
    error_type: label(64).optional(),
  },
  anObject,
);
export type StageInput = z.infer<typeof StageInput>;

// metadata is stored as jsonb, which refuses an unpaired UTF-16 surrogate ("\udfff") that text
// columns would merely replace: refuse it per field instead of failing the whole batch (a 500).
export const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const jsonText = (max: number) => shortText(max).refine((s) => !UNPAIRED_SURROGATE.test(s), 'must be valid Unicode (no unpaired surrogate)');
const metadataValue = z.union([jsonText(1024), z.number(), z.boolean()], 'must be a string, number or boolean');

export const ExecutionInput = z
  .object(
    {
      id,
      pipeline_id: id,
      status: z.enum(['success', 'failed', 'cancelled'], { error: required('must be one of success, failed, cancelled') }),
      started_at: timestamp,
      duration_ms: durationMs.optional(),
      completed_at: timestamp.optional(),
      error_type: label(64).optional(),
      /** Stored truncated to 2,000 characters (NUL characters dropped). */
      error_message: z.string().optional(),
      cost_usd: cost.optional(),
      metadata: z.record(jsonText(128), metadataValue, { error: metadataError }).optional(),
      stages: z.array(StageInput, { error: required('must be an array') }).max(MAX_STAGES, 'must have at most 200 stages').optional(),
    },
    anObject,
  )
  .superRefine((e, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const started = Date.parse(e.started_at);
    if (started > Date.now() + MAX_FUTURE_MS) issue(['started_at'], 'must not be more than 5 minutes in the future');
    if (started < MIN_STARTED_MS) issue(['started_at'], `must not be before ${MIN_STARTED_AT}`);
    if (e.completed_at !== undefined) {
      const completed = Date.parse(e.completed_at);
      if (completed < started) issue(['completed_at'], 'must not be before started_at');
      else if (e.duration_ms === undefined && completed - started > INT32_MAX) issue(['completed_at'], `must be within ${INT32_MAX} ms of started_at`);
    } else if (e.duration_ms === undefined) {
      issue(['duration_ms'], 'is required unless completed_at is given');
    }
    if (e.metadata && Object.keys(e.metadata).length > MAX_METADATA_KEYS) issue(['metadata'], 'must have at most 32 keys');
    e.stages?.forEach((s, i) => {
      const input = s.input_tokens ?? 0;
      if (input >= 0 && (s.cached_input_tokens ?? 0) > input) {
        issue(['stages', i, 'cached_input_tokens'], 'must not exceed input_tokens (cached tokens are part of the input)');
      }
    });
  });
export type ExecutionInput = z.infer<typeof ExecutionInput>;

/** The envelope is checked before the items: a body without the array is rejected whole. */
export const IngestEnvelope = z.object(
  {
    executions: z
      .array(z.unknown(), { error: required('must be an array of executions') })
      .min(1, 'must contain 1–1000 executions')
      .max(MAX_BATCH, 'must contain 1–1000 executions'),
  },
  anObject,
);

export const IngestError = z.object({ path: z.string(), message: z.string() });
export const IngestRejected = z.object({ index: z.int(), id: z.string().nullable(), errors: z.array(IngestError) });
export const IngestResponse = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(IngestRejected),
});
export type IngestResponse = z.infer<typeof IngestResponse>;
export type IngestRejected = z.infer<typeof IngestRejected>;
