import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { PipelineListItem } from '@/lib/schemas/insights';

/**
 * The organisation's pipelines (as ingest registered them) with their number of stored
 * executions, busiest first: the choices of the pipeline filter.
 */
export async function getPipelines(orgId: string): Promise<PipelineListItem[]> {
  const rows = await getPrisma().$queryRaw<Array<{ pipeline_id: string; executions: number; first_seen_at: Date | null; last_seen_at: Date | null }>>(Prisma.sql`
    SELECT p.id AS pipeline_id, coalesce(c.executions, 0)::int AS executions, p.first_seen_at, p.last_seen_at
      FROM pipelines p
      LEFT JOIN (SELECT pipeline_id, count(*) AS executions
                   FROM executions WHERE org_id = ${orgId}::uuid GROUP BY pipeline_id) c
             ON c.pipeline_id = p.id
     WHERE p.org_id = ${orgId}::uuid
     ORDER BY executions DESC, p.id`);
  return rows.map((r) => ({
    pipeline_id: r.pipeline_id,
    executions: r.executions,
    first_seen_at: r.first_seen_at?.toISOString() ?? null,
    last_seen_at: r.last_seen_at?.toISOString() ?? null,
  }));
}
