import { startEmbedded } from '@/lib/db/embedded';
import { migrateUrl } from '@/lib/db/open';
import { createFreshDatabase } from '@/scripts/fresh-database';

// Integration tests run against a real PostgreSQL: an in-memory embedded PGlite by default, or a
// fresh database on the server named by TEST_DATABASE_URL. Workers inherit DATABASE_URL.
export default async function setup() {
  let stop: () => Promise<void>;
  if (process.env.TEST_DATABASE_URL) {
    const db = await createFreshDatabase(process.env.TEST_DATABASE_URL, 'fm_vitest');
    process.env.DATABASE_URL = db.url;
    stop = db.drop;
  } else {
    const db = await startEmbedded({ memory: true });
    process.env.DATABASE_URL = db.url;
    stop = db.stop;
  }
  await migrateUrl(process.env.DATABASE_URL);
  return async () => {
    await stop();
  };
}
