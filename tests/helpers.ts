import { randomUUID } from 'node:crypto';
import { getPrisma } from '@/lib/db/client';
import { createOrg } from '@/lib/orgs/orgs';

/** A new organisation per test file keeps tests independent on a shared database. */
export async function newOrg(label = 'test') {
  return createOrg(getPrisma(), `${label}-${randomUUID().slice(0, 8)}`);
}
