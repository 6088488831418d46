import type { PrismaClient } from '@/lib/generated/prisma/client';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function createOrg(prisma: PrismaClient, slug: string, name?: string) {
  if (!SLUG_PATTERN.test(slug)) {
    throw new Error(`organisation slug must match ${SLUG_PATTERN} (lowercase letters, digits, dashes)`);
  }
  return prisma.organization.create({
    data: { slug, name: name ?? slug, settings: { create: {} } },
  });
}

export async function findOrgBySlug(prisma: PrismaClient, slug: string) {
  return prisma.organization.findUnique({ where: { slug } });
}

export async function requireOrg(prisma: PrismaClient, slug: string) {
  const org = await findOrgBySlug(prisma, slug);
  if (!org) throw new Error(`organisation "${slug}" does not exist (create it with: npm run cli -- org create ${slug})`);
  return org;
}
