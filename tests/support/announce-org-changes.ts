// A second process for lib/db/org-changes.test.ts: announces the organisations named on the
// command line (DATABASE_URL from the environment), then exits.
import { closeDb } from '@/lib/db/client';
import { announceOrgChanged } from '@/lib/db/org-changes';

await Promise.all(process.argv.slice(2).map((orgId) => announceOrgChanged(orgId)));
await closeDb();
