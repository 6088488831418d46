import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { getAuth } from './better-auth';

// People who sign in to the dashboard. An account is a better-auth user with a "credential"
// account (scrypt password hash, better-auth's own hashing) and a membership of one organisation.

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type NewUser = { orgId: string; email: string; password: string; name?: string };

export async function createUser({ orgId, email, password, name }: NewUser) {
  const normalized = email.trim().toLowerCase();
  if (!EMAIL.test(normalized)) throw new Error(`"${email}" is not an e-mail address`);
  if (password.length < 8 || password.length > 128) throw new Error('the password must be 8–128 characters');
  const ctx = await (await getAuth()).$context;
  if (await ctx.internalAdapter.findUserByEmail(normalized)) throw new Error(`a user ${normalized} already exists`);
  const hash = await ctx.password.hash(password);
  const user = await ctx.internalAdapter.createUser({ email: normalized, name: name ?? normalized.split('@')[0], emailVerified: true }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  await getPrisma().orgMember.create({ data: { orgId, userId: user.id } });
  return { id: user.id, email: normalized };
}

/** The organisation a user works in: their first membership (one per user today). */
export async function getMembership(userId: string) {
  return getPrisma().orgMember.findFirst({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { orgId: true, org: { select: { slug: true, name: true } } },
  });
}
