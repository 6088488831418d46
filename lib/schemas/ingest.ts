import { z } from './zod';

// The ingest contract (API.md "Ingest"). Unknown fields are stripped, never an error, so that
// clients can send richer payloads than we store. Bounds keep every value inside its column.

export const MAX_BATCH = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_FUTURE_MS = 5 * 60 * 1000;
const INT32_MAX = 2_147_483_647;
const MAX_TOKENS = 1e12;

const id = z.string().min(1, 'must be 1–128 characters').max(128, 'must be 1–128 characters');
const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const durationMs = z.int().min(0, 'must be an integer ≥ 0').max(INT32_MAX, `must be ≤ ${INT32_MAX}`);
const tokens = z.int().min(0, 'must be an integer ≥ 0').max(MAX_TOKENS, 'must be ≤ 1e12');
const cost = z.number().min(0, 'must be a number ≥ 0').max(1e9, 'must be ≤ 1e9');
const timestamp = z.iso.datetime({ offset: true, error: (i) => (i.input === undefined ? 'is required' : 'must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T12:00:00Z') });

export const StageInput = z
  .object({
    stage_id: id,
    stage_type: shortText(64).optional(),
    provider: shortText(64).optional(),
    model: shortText(128).optional(),
    status: z.enum(['success', 'failed', 'skipped'], { error: (i) => (i.input === undefined ? 'is required' : 'must be one of success, failed, skipped') }).default('success'),
    duration_ms: durationMs,
    input_tokens: tokens.optional(),
    output_tokens: tokens.optional(),
    cached_input_tokens: tokens.optional(),
    reasoning_tokens: tokens.optional(),
    cost_usd: cost.optional(),
    error_type: shortText(64).optional(),
  })
  .refine((s) => (s.cached_input_tokens ?? 0) <= (s.input_tokens ?? 0), {
    message: 'must not exceed input_tokens (cached tokens are part of the input)',
    path: ['cached_input_tokens'],
  });

const metadataValue = z.union([shortText(1024), z.number().finite(), z.boolean()], 'must be a string, number or boolean');

export const ExecutionInput = z
  .object({
    id,
    pipeline_id: id,
    status: z.enum(['success', 'failed', 'cancelled'], { error: (i) => (i.input === undefined ? 'is required' : 'must be one of success, failed, cancelled') }),
    started_at: timestamp,
    duration_ms: durationMs.optional(),
    completed_at: timestamp.optional(),
    error_type: shortText(64).optional(),
    error_message: z.string().optional(),
    cost_usd: cost.optional(),
    metadata: z
      .record(shortText(128), metadataValue)
      .refine((m) => Object.keys(m).length <= 32, 'must have at most 32 keys')
      .optional(),
    stages: z.array(StageInput).max(200, 'must have at most 200 stages').optional(),
  })
  .superRefine((e, ctx) => {
    const started = Date.parse(e.started_at);
    if (started > Date.now() + MAX_FUTURE_MS) {
      ctx.addIssue({ code: 'custom', path: ['started_at'], message: 'must not be more than 5 minutes in the future' });
    }
    if (e.completed_at !== undefined && Date.parse(e.completed_at) < started) {
      ctx.addIssue({ code: 'custom', path: ['completed_at'], message: 'must not be before started_at' });
    }
    if (e.duration_ms === undefined && e.completed_at === undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration_ms'], message: 'is required unless completed_at is given' });
    }
    if (e.duration_ms === undefined && e.completed_at !== undefined && Date.parse(e.completed_at) - started > INT32_MAX) {
      ctx.addIssue({ code: 'custom', path: ['completed_at'], message: `must be within ${INT32_MAX} ms of started_at` });
    }
  });
export type ExecutionInput = z.infer<typeof ExecutionInput>;

/** The envelope is checked before the items: a body without the array is rejected whole. */
export const IngestEnvelope = z.object({
  executions: z
    .array(z.unknown(), { error: (i) => (i.input === undefined ? 'is required' : 'must be an array of executions') })
    .min(1, 'must contain 1–1000 executions')
    .max(MAX_BATCH, 'must contain 1–1000 executions'),
});

export const IngestError = z.object({ path: z.string(), message: z.string() });
export const IngestRejected = z.object({ index: z.int(), id: z.string().nullable(), errors: z.array(IngestError) });
export const IngestResponse = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(IngestRejected),
});
export type IngestResponse = z.infer<typeof IngestResponse>;
export type IngestRejected = z.infer<typeof IngestRejected>;
