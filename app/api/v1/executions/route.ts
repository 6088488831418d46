// POST /api/v1/executions → {accepted, duplicates, rejected[]}: stores a batch of executions.
// A malformed envelope refuses the whole batch (400, nothing stored); bad items are rejected one by one.
import { jsonBody } from '@/lib/api/body';
import { withApi } from '@/lib/api/route';
import { getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';
import { IngestEnvelope, MAX_BODY_BYTES } from '@/lib/schemas/ingest';

export const POST = withApi({ scope: 'ingest', read: jsonBody(MAX_BODY_BYTES), body: IngestEnvelope }, async ({ auth, body }) =>
  ingestItems(getPool(), auth.orgId, body.executions),
);
