import { z } from './zod';
import { InsightBase, InsightCategory, InsightSeverity, InsightType } from './insights';

// The Alerts contract (API.md "Alerts"): webhook endpoints, their deliveries, forced evaluation
// and acknowledgement. Request schemas parse JSON bodies / URL params; response schemas are what
// the handlers return (types are z.infer of these).

export const MAX_WEBHOOK_BODY_BYTES = 16 * 1024;
export const MAX_WEBHOOKS_PER_ORG = 25;

export const WebhookCreateBody = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'url is required')
    .max(2048, 'url must be at most 2048 characters')
    .refine((u) => /^https?:\/\//i.test(u), 'url must be an absolute http:// or https:// URL'),
  min_severity: InsightSeverity.default('critical'),
  /** Empty or absent = every category. */
  categories: z
    .array(InsightCategory)
    .max(5, 'categories has at most 5 items')
    .default([])
    .transform((c) => [...new Set(c)]),
});
export type WebhookCreateBody = z.infer<typeof WebhookCreateBody>;

export const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  min_severity: InsightSeverity,
  categories: z.array(InsightCategory),
  enabled: z.boolean(),
  /** Why the endpoint was disabled (e.g. it answered 410 Gone); null while enabled. */
  disabled_reason: z.string().nullable(),
  created_at: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

/** Creation answer: the only time the signing secret is shown. */
export const WebhookCreatedResponse = Webhook.extend({ secret: z.string() });
export type WebhookCreatedResponse = z.infer<typeof WebhookCreatedResponse>;

export const WebhookListResponse = z.object({ webhooks: z.array(Webhook), total: z.int() });
export type WebhookListResponse = z.infer<typeof WebhookListResponse>;

/** Not a uuid: 404 like any unknown id (lib/alerts/webhooks.ts requireWebhookId). */
export const WebhookIdParams = z.object({ id: z.string().meta({ description: 'The webhook id (uuid), as POST and GET /api/v1/webhooks return it.' }) });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES, `must be one of ${DELIVERY_STATUSES.join(', ')}`);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DeliveriesQuery = z.object({
  limit: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return 50;
      const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
      if (!(n >= 1 && n <= 200)) {
        ctx.addIssue({ code: 'custom', message: 'limit must be an integer from 1 to 200' });
        return z.NEVER;
      }
      return n;
    }),
  status: DeliveryStatus.optional(),
});
export type DeliveriesQuery = z.infer<typeof DeliveriesQuery>;

export const DeliveryAttempt = z.object({
  attempt: z.int(),
  started_at: z.string(),
  duration_ms: z.int(),
  /** null when there was no HTTP answer (timeout, connection error, refused address). */
  status_code: z.int().nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const Delivery = z.object({
  /** Also the Standard Webhooks message id, as `msg_<id>` in the webhook-id header. */
  id: z.string(),
  webhook_id: z.string(),
  insight_id: z.string(),
  episode: z.int(),
  status: DeliveryStatus,
  attempts: z.int(),
  /** When the next attempt is due; null unless pending. */
  next_attempt_at: z.string().nullable(),
  last_status: z.int().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
  /** Every attempt, oldest first. */
  history: z.array(DeliveryAttempt),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveriesResponse = z.object({ deliveries: z.array(Delivery), total: z.int() });
export type DeliveriesResponse = z.infer<typeof DeliveriesResponse>;

export const InsightStatus = z.enum(['active', 'acknowledged', 'resolved']);
export type InsightStatus = z.infer<typeof InsightStatus>;

export const EvaluatedInsight = InsightBase.pick({ id: true, category: true, severity: true, pipeline_id: true, title: true }).extend({
  type: InsightType,
  status: InsightStatus,
  episode: z.int(),
  first_seen_at: z.string(),
  /** new: first seen; recurred: seen again after it resolved (new episode); continued: still active. */
  transition: z.enum(['new', 'recurred', 'continued']),
});

export const EvaluationResponse = z.object({
  evaluated_at: z.string(),
  /** The evaluation window: organisation-wide and per pipeline over the last `window_days` days. */
  window_days: z.int(),
  insights: z.array(EvaluatedInsight),
  /** Ids of findings that were open and are no longer detected. */
  resolved: z.array(z.string()),
  /** Deliveries added to the outbox by this evaluation (none for a finding already sent this episode). */
  enqueued: z.array(z.object({ id: z.string(), webhook_id: z.string(), insight_id: z.string(), episode: z.int() })),
});
export type EvaluationResponse = z.infer<typeof EvaluationResponse>;

export const InsightIdParams = z.object({
  id: z.string().min(1).max(600).meta({ description: 'The insight id (type:scope:window, e.g. `failure_pattern:pipeline=checkout:7d`), URL-encoded.' }),
});

export const InsightStateResponse = z.object({
  id: z.string(),
  status: InsightStatus,
  episode: z.int(),
  severity: InsightSeverity,
  title: z.string(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  acknowledged_at: z.string().nullable(),
  resolved_at: z.string().nullable(),
});
export type InsightStateResponse = z.infer<typeof InsightStateResponse>;
