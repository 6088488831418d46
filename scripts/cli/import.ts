import { parseArgs } from 'node:util';
import { getPool, getPrisma } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';
import { importFile, type ImportProgress, type RejectedLine } from '@/lib/ingest/import-file';
import { requireOrg } from '@/lib/orgs/orgs';

// `import <file.jsonl|file.csv> --org <slug>`: the API's validation and insert path (ingestItems)
// in batches of 1,000. Progress goes to stderr; the summary and every rejected line (with the
// paths of its errors) to stdout. Exit code 1 when any line was rejected, so scripts notice.

const MAX_LISTED = 1000;
const fmt = (n: number) => n.toLocaleString('en-US');

function progressPrinter(started: number) {
  let last = 0;
  return (p: ImportProgress) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    const rate = Math.round(p.accepted / Math.max((now - started) / 1000, 0.001));
    const text = `${fmt(p.records)} records: ${fmt(p.accepted)} accepted, ${fmt(p.duplicates)} duplicates, ${fmt(p.rejected)} rejected (${fmt(rate)}/s)`;
    process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
  };
}

export function describeRejected(r: RejectedLine): string {
  const id = r.id === null ? '' : ` (id ${JSON.stringify(r.id)})`;
  const errors = r.errors.map((e) => (e.path ? `${e.path} ${e.message}` : e.message)).join('; ');
  return `line ${r.line}${id}: ${errors}`;
}

export async function importCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: { org: { type: 'string' } }, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || !values.org) throw new Error('usage: import <file.jsonl|file.csv> --org <slug>');
  const org = await requireOrg(getPrisma(), values.org);
  const started = Date.now();
  // Whatever was stored, even by an import that failed half-way, makes a running app's cached
  // answers for this organisation stale: say so (lib/db/org-changes.ts).
  const summary = await importFile(getPool(), org.id, file, { onProgress: progressPrinter(started) }).finally(() => announceOrgChanged(org.id));
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `imported ${file} into ${org.slug}: ${fmt(summary.accepted)} accepted, ${fmt(summary.duplicates)} duplicates, ` +
      `${fmt(summary.rejected.length)} rejected (${fmt(summary.records)} records in ${seconds} s)`,
  );
  for (const r of summary.rejected.slice(0, MAX_LISTED)) console.log(describeRejected(r));
  if (summary.rejected.length > MAX_LISTED) console.log(`… and ${fmt(summary.rejected.length - MAX_LISTED)} more rejected lines`);
  if (summary.rejected.length > 0) process.exitCode = 1;
}
