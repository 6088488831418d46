import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { UnitPrice } from '@/lib/insights/types';

export interface PriceOverride extends UnitPrice {
  /** Lower-case provider; '' = any provider (as `price set` without --provider stores it). */
  provider: string;
  model: string;
}

/** The organisation's own prices (USD per million tokens), which win over the catalog. */
export async function getPriceOverrides(orgId: string): Promise<PriceOverride[]> {
  return getPrisma().$queryRaw<PriceOverride[]>(Prisma.sql`
    SELECT provider, model, input_per_mtok::float8 AS input_per_mtok, output_per_mtok::float8 AS output_per_mtok,
           cached_input_per_mtok::float8 AS cached_input_per_mtok
      FROM model_prices WHERE org_id = ${orgId}::uuid`);
}
