import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { resolveThresholds } from '@/lib/schemas/thresholds';
import type { SettingsResponse, UpdateSettingsBody } from '@/lib/schemas/settings';

// Reading and changing an organisation's settings row (created with the organisation; upserted
// here for organisations that predate it).

type Row = { timeZone: string; thresholds: unknown; updatedAt: Date } | null;

function toResponse(row: Row): SettingsResponse {
  const overrides = (row?.thresholds ?? {}) as Record<string, number>;
  return {
    time_zone: row?.timeZone ?? 'UTC',
    thresholds: overrides,
    effective_thresholds: { ...resolveThresholds(overrides) },
    updated_at: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getSettings(orgId: string): Promise<SettingsResponse> {
  return toResponse(await getPrisma().orgSettings.findUnique({ where: { orgId } }));
}

/**
 * Applies a validated patch in one statement (no read-modify-write race between two admins):
 * named fields change, a threshold set to null is removed, the rest stays.
 */
export async function updateSettings(orgId: string, patch: UpdateSettingsBody): Promise<SettingsResponse> {
  const entries = Object.entries(patch.thresholds ?? {});
  const set = Object.fromEntries(entries.filter(([, v]) => typeof v === 'number'));
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  const [row] = await getPrisma().$queryRaw<Array<{ time_zone: string; thresholds: unknown; updated_at: Date }>>(Prisma.sql`
    INSERT INTO org_settings (org_id, time_zone, thresholds, updated_at)
    VALUES (${orgId}::uuid, coalesce(${patch.time_zone ?? null}::text, 'UTC'), ${JSON.stringify(set)}::jsonb, now())
    ON CONFLICT (org_id) DO UPDATE
       SET time_zone = coalesce(${patch.time_zone ?? null}::text, org_settings.time_zone),
           thresholds = (org_settings.thresholds || ${JSON.stringify(set)}::jsonb) - ${removed}::text[],
           updated_at = now()
    RETURNING time_zone, thresholds, updated_at`);
  return toResponse({ timeZone: row.time_zone, thresholds: row.thresholds, updatedAt: row.updated_at });
}
