import { parseArgs } from 'node:util';
import { createUser } from '@/lib/auth/users';
import { getPrisma } from '@/lib/db/client';
import { requireOrg } from '@/lib/orgs/orgs';

/**
 * user create: a person who signs in to the dashboard with e-mail and password, member of one
 * organisation. The password can come from FLOWMASON_PASSWORD instead of the command line (which
 * other users of the machine can see in the process list).
 */
export async function userCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { org: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const password = values.password ?? process.env.FLOWMASON_PASSWORD;
  if (!values.org || !values.email || !password) {
    throw new Error('usage: user create --org <slug> --email E --password P [--name N]   (or FLOWMASON_PASSWORD=P)');
  }
  const org = await requireOrg(getPrisma(), values.org);
  const user = await createUser({ orgId: org.id, email: values.email, password, name: values.name });
  console.log(`created user ${user.email} in ${org.slug}; they can sign in at /sign-in`);
}
