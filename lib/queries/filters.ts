import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// SQL fragments shared by the analytics queries. Every value is a bound parameter; the only
// identifiers are fixed in this file. The organisation id always comes from the caller's
// credentials (the first argument of every query function), never from a request parameter.

/** A time range [start, end) in ISO-8601 UTC (the engine's computeWindows gives these). */
export interface Range {
  start: string;
  end: string;
}

/** What every analytics query is restricted to, besides the organisation. */
export interface QueryScope {
  /** null / undefined = the whole organisation. */
  pipelineId?: string | null;
}

/** `org_id = … AND started_at in [start, end) [AND pipeline_id = …]` for executions or stages. */
export function scopeWhere(orgId: string, range: Range, scope: QueryScope): Prisma.Sql {
  const pipeline = scope.pipelineId ? Prisma.sql`AND pipeline_id = ${scope.pipelineId}` : Prisma.empty;
  return Prisma.sql`org_id = ${orgId}::uuid
    AND started_at >= ${range.start}::timestamptz AND started_at < ${range.end}::timestamptz
    ${pipeline}`;
}

/** Per-pipeline grouping is only worth computing when the request covers the whole organisation. */
export const wantsPipelines = (scope: QueryScope) => !scope.pipelineId;
