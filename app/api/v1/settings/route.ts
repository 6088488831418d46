// GET /api/v1/settings → {time_zone, thresholds, effective_thresholds, updated_at}.
// PATCH /api/v1/settings {time_zone?, thresholds?: {name: number | null}} → the same, updated.
import { readJsonBody } from '@/lib/api/body';
import { zodToApiError } from '@/lib/api/errors';
import { withApi } from '@/lib/api/route';
import { MAX_SETTINGS_BODY_BYTES, UpdateSettingsBody } from '@/lib/schemas/settings';
import { getSettings, updateSettings } from '@/lib/settings/org-settings';

export const GET = withApi({ scope: 'admin' }, async ({ auth }) => getSettings(auth.orgId));

export const PATCH = withApi({ scope: 'admin' }, async ({ req, auth }) => {
  const body = UpdateSettingsBody.safeParse(await readJsonBody(req, MAX_SETTINGS_BODY_BYTES));
  if (!body.success) throw zodToApiError(body.error, 'body');
  return updateSettings(auth.orgId, body.data);
});
