import { parseArgs } from 'node:util';
import { createApiKey, parseScopes, revokeApiKey } from '@/lib/auth/api-keys';
import { getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { createOrg, requireOrg } from '@/lib/orgs/orgs';
import { priceList, priceSet } from './price';
import { demoLoad } from './demo';
import { importCommand } from './import';
import { rollupsRebuild } from './rollups';
import { userCreate } from './user';

export type Command = (args: string[]) => Promise<void>;

const opts = <T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) =>
  parseArgs({ args, options, allowPositionals: true, strict: true });

export const commands: Record<string, Command> = {
  'org create': async (args) => {
    const { values, positionals } = opts(args, { name: { type: 'string' } });
    if (!positionals[0]) throw new Error('usage: org create <slug> [--name N]');
    const org = await createOrg(getPrisma(), positionals[0], values.name);
    console.log(`created organisation ${org.slug} (${org.id})`);
  },
  'key create': async (args) => {
    const { values } = opts(args, { org: { type: 'string' }, scopes: { type: 'string' }, name: { type: 'string' } });
    if (!values.org) throw new Error('usage: key create --org <slug> [--scopes read,ingest,admin] [--name N]');
    const org = await requireOrg(getPrisma(), values.org);
    const scopes = parseScopes(values.scopes ?? 'read,ingest');
    const key = await createApiKey(getPrisma(), org.id, { name: values.name ?? 'cli', scopes });
    console.log(`created key ${key.prefix}… for ${org.slug} with scopes ${scopes.join(',')}; it is shown once:`);
    console.log(key.key);
  },
  'key list': async (args) => {
    const { values } = opts(args, { org: { type: 'string' } });
    if (!values.org) throw new Error('usage: key list --org <slug>');
    const org = await requireOrg(getPrisma(), values.org);
    const keys = await getPrisma().apiKey.findMany({ where: { orgId: org.id }, orderBy: { createdAt: 'asc' } });
    for (const k of keys) {
      const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
      console.log(`${k.prefix}…  ${k.name}  ${k.scopes.join(',')}  ${state}  last used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
    }
  },
  'key revoke': async (args) => {
    const { positionals } = opts(args, {});
    if (!positionals[0]) throw new Error('usage: key revoke <prefix>');
    const prefix = positionals[0].replace(/…$/, '');
    const owners = await getPrisma().apiKey.findMany({ where: { prefix, revokedAt: null }, select: { orgId: true } });
    const count = await revokeApiKey(getPrisma(), prefix);
    if (count === 0) throw new Error(`no active key with prefix ${positionals[0]}`);
    // A running app must stop accepting the key now, not when its key cache expires.
    for (const orgId of new Set(owners.map((o) => o.orgId))) await announceOrgChanged(orgId);
    console.log(`revoked ${count} key(s) with prefix ${positionals[0]}`);
  },
  'price set': priceSet,
  'price list': priceList,
  'demo load': demoLoad,
  import: importCommand,
  'user create': userCreate,
  'rollups rebuild': rollupsRebuild,
};
