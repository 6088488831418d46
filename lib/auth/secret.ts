import 'server-only';
import { randomBytes } from 'node:crypto';
import { getPrisma } from '@/lib/db/client';

// The key that signs session cookies. BETTER_AUTH_SECRET wins; otherwise one is generated on first
// use and stored in the database, so every app process and every restart agree on it (a
// per-process random key would sign everyone out on restart and break a second replica).
export async function getAuthSecret(): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const prisma = getPrisma();
  // createMany + skipDuplicates is INSERT … ON CONFLICT DO NOTHING: two processes racing on the
  // first start both end up reading the one row that won.
  await prisma.appSecret.createMany({
    data: [{ name: 'auth', value: randomBytes(32).toString('base64url') }],
    skipDuplicates: true,
  });
  const row = await prisma.appSecret.findUniqueOrThrow({ where: { name: 'auth' } });
  return row.value;
}
