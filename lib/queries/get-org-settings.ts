import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';

export interface OrgAnalyticsSettings {
  /** IANA time zone of day buckets and hours, as stored (validated by the caller). */
  timeZone: string;
  /** Threshold overrides (a partial JSON object; the engine ignores what it does not know). */
  thresholds: unknown;
}

/** The organisation's time zone and threshold overrides; defaults (UTC, none) without a row. */
export async function getOrgSettings(orgId: string): Promise<OrgAnalyticsSettings> {
  const [row] = await getPrisma().$queryRaw<Array<{ time_zone: string; thresholds: unknown }>>(Prisma.sql`
    SELECT time_zone, thresholds FROM org_settings WHERE org_id = ${orgId}::uuid`);
  return { timeZone: row?.time_zone ?? 'UTC', thresholds: row?.thresholds ?? {} };
}
