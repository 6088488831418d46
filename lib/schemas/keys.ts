import { z } from './zod';

// API keys over the API (scope admin): what Settings uses to create, list and revoke keys.

/** What a key may do: read analytics, ingest data, administer keys, webhooks and settings. */
export const SCOPES = ['read', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const MAX_KEY_BODY_BYTES = 4096;

export const ApiKeyScope = z.enum(SCOPES, `must be one of ${SCOPES.join(', ')}`);

export const CreateKeyBody = z.strictObject({
  name: z.string().trim().min(1, 'must be 1–64 characters').max(64, 'must be 1–64 characters'),
  scopes: z
    .array(ApiKeyScope)
    .min(1, `must list at least one of ${SCOPES.join(', ')}`)
    .transform((s) => [...new Set(s)]),
});
export type CreateKeyBody = z.infer<typeof CreateKeyBody>;

export const KeyIdParams = z.object({ id: z.uuid('must be a key id (uuid)').meta({ description: 'The key id (uuid), as GET /api/v1/keys lists it.' }) });

export const ApiKeyItem = z.object({
  id: z.string(),
  name: z.string(),
  /** The first 11 characters (`fm_` + 8): what lists and logs show. */
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKeyItem = z.infer<typeof ApiKeyItem>;

export const KeysResponse = z.object({ keys: z.array(ApiKeyItem) });
export type KeysResponse = z.infer<typeof KeysResponse>;

/** 201: the new key; `key` is the secret and is never shown again. */
export const CreatedKeyResponse = ApiKeyItem.extend({ key: z.string() });
export type CreatedKeyResponse = z.infer<typeof CreatedKeyResponse>;
