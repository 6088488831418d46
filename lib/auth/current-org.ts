import 'server-only';
import { getPrisma } from '@/lib/db/client';

/** The organisation the dashboard shows: the demo's `default` organisation (DEFAULT_ORG overrides). */
export async function getCurrentOrg() {
  const slug = process.env.DEFAULT_ORG ?? 'default';
  return getPrisma().organization.findUnique({ where: { slug } });
}
