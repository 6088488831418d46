import { parseArgs } from 'node:util';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { requireOrg } from '@/lib/orgs/orgs';

/**
 * rollups rebuild [--org <slug>]: rebuilds the rollups from raw rows (fm_rollups_rebuild, one
 * transaction per organisation: ingest for that organisation waits meanwhile, nothing is lost).
 * Needed only after raw rows were changed behind ingest's back (e.g. deleted by hand); the
 * migration already built them for the organisations that existed, and ingest keeps them exact.
 */
export async function rollupsRebuild(args: string[]) {
  const { values } = parseArgs({ args, options: { org: { type: 'string' } }, strict: true });
  const prisma = getPrisma();
  const orgs = values.org
    ? [await requireOrg(prisma, values.org)]
    : await prisma.organization.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
  for (const org of orgs) {
    const started = Date.now();
    await prisma.$executeRaw(Prisma.sql`SELECT fm_rollups_rebuild(${org.id}::uuid)`);
    await announceOrgChanged(org.id);
    console.log(`rebuilt rollups of ${org.slug} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
