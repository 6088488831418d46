// POST /api/v1/executions → {accepted, duplicates, rejected[]}: stores a batch of executions.
import { readJsonBody } from '@/lib/api/body';
import { badRequest } from '@/lib/api/errors';
import { withApi } from '@/lib/api/route';
import { getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';
import { IngestEnvelope, MAX_BODY_BYTES } from '@/lib/schemas/ingest';

export const POST = withApi({ scope: 'ingest' }, async ({ req, auth }) => {
  const body = await readJsonBody(req, MAX_BODY_BYTES);
  const envelope = IngestEnvelope.safeParse(body);
  if (!envelope.success) {
    // A malformed envelope refuses the whole batch: nothing is stored.
    const details = envelope.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const first = details[0];
    throw badRequest(first.path ? `"${first.path}" ${first.message}` : 'the body must be a JSON object: {"executions": [ … ]}', details);
  }
  return ingestItems(getPool(), auth.orgId, envelope.data.executions);
});
