import { parseArgs } from 'node:util';
import { getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { requireOrg } from '@/lib/orgs/orgs';

const positive = (name: string, raw: string | undefined) => {
  const n = Number(raw);
  if (raw === undefined || !Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0 (USD per million tokens)`);
  return n;
};

/** price set: a per-organisation price (USD per million tokens) that wins over the catalog. */
export async function priceSet(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' }, provider: { type: 'string' }, model: { type: 'string' },
      input: { type: 'string' }, output: { type: 'string' }, 'cached-input': { type: 'string' },
    },
    strict: true,
  });
  if (!values.org || !values.model) throw new Error('usage: price set --org <slug> --provider P --model M --input N --output N');
  const org = await requireOrg(getPrisma(), values.org);
  const data = {
    inputPerMtok: positive('input', values.input),
    outputPerMtok: positive('output', values.output),
    cachedInputPerMtok: values['cached-input'] === undefined ? null : positive('cached-input', values['cached-input']),
  };
  const provider = (values.provider ?? '').toLowerCase();
  await getPrisma().modelPrice.upsert({
    where: { orgId_provider_model: { orgId: org.id, provider, model: values.model } },
    create: { orgId: org.id, provider, model: values.model, ...data },
    update: data,
  });
  await announceOrgChanged(org.id);
  console.log(`price for ${provider || '(any provider)'}/${values.model} set for ${org.slug}; applies to executions ingested from now on`);
}

export async function priceList(args: string[]) {
  const { values } = parseArgs({ args, options: { org: { type: 'string' } }, strict: true });
  if (!values.org) throw new Error('usage: price list --org <slug>');
  const org = await requireOrg(getPrisma(), values.org);
  const rows = await getPrisma().modelPrice.findMany({ where: { orgId: org.id }, orderBy: [{ provider: 'asc' }, { model: 'asc' }] });
  for (const r of rows) {
    console.log(`${r.provider || '*'}/${r.model}  input $${r.inputPerMtok}/Mtok  output $${r.outputPerMtok}/Mtok  cached $${r.cachedInputPerMtok ?? '-'}/Mtok`);
  }
}
