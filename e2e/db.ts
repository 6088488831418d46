import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The database the running app uses: E2E_DATABASE_URL, or the embedded server it published. */
export function appDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const dir = path.join(process.cwd(), process.env.E2E_DATA_DIR ?? '.data-e2e');
  return (JSON.parse(fs.readFileSync(path.join(dir, 'server.json'), 'utf8')) as { url: string }).url;
}

export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
