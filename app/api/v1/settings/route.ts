// GET /api/v1/settings → {time_zone, thresholds, effective_thresholds, updated_at}.
// PATCH /api/v1/settings {time_zone?, thresholds?: {name: number | null}} → the same, updated.
import { jsonBody } from '@/lib/api/body';
import { withApi } from '@/lib/api/route';
import { MAX_SETTINGS_BODY_BYTES, UpdateSettingsBody } from '@/lib/schemas/settings';
import { getSettings, updateSettings } from '@/lib/settings/org-settings';

export const GET = withApi({ scope: 'admin' }, async ({ auth }) => getSettings(auth.orgId));

export const PATCH = withApi({ scope: 'admin', read: jsonBody(MAX_SETTINGS_BODY_BYTES), body: UpdateSettingsBody }, async ({ auth, body }) =>
  updateSettings(auth.orgId, body),
);
