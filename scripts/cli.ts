// FlowMason CLI: `npm run cli -- <command>`. Works against whichever database `npm start` uses:
// DATABASE_URL, else the embedded database in DATA_DIR (shared with a running app).
import { closeDb } from '@/lib/db/client';
import { openDatabase } from '@/lib/db/open';
import { commands } from './cli/commands';

const USAGE = `usage: npm run cli -- <command>
  org create <slug> [--name N]
  key create --org <slug> [--scopes read,ingest,admin] [--name N]   (prints the key on its last line)
  key list --org <slug>
  key revoke <prefix>
  price set --org <slug> --provider P --model M --input USD_PER_MTOK --output USD_PER_MTOK [--cached-input USD_PER_MTOK]
  price list --org <slug>
  import <file.jsonl|file.csv> --org <slug>
  demo load --org <slug> [--total N] [--days D] [--seed S]
  user create --org <slug> --email E --password P [--name N]   (dashboard sign-in)`;

async function main() {
  const [group, action, ...rest] = process.argv.slice(2);
  const name = `${group ?? ''} ${action ?? ''}`.trim();
  const command = commands[name] ?? (group ? commands[group] : undefined);
  if (!command) {
    console.error(USAGE);
    process.exit(group ? 2 : 0);
  }
  const args = commands[name] ? rest : [action, ...rest].filter((a): a is string => a !== undefined);
  const db = await openDatabase({ shareRunning: true, log: (m) => console.error(m) });
  try {
    await command(args);
  } finally {
    await closeDb();
    await db.stop();
  }
}

main().catch((err: Error) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
