import { beforeAll, describe, expect, it } from 'vitest';
import { GET, PATCH } from '@/app/api/v1/settings/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { getPrisma } from '@/lib/db/client';
import { DEFAULT_THRESHOLDS } from '@/lib/schemas/thresholds';
import { newOrg } from '../helpers';
import { call } from './call';

describe('/api/v1/settings', () => {
  let key: string;
  let orgId: string;
  beforeAll(async () => {
    const org = await newOrg('settings');
    orgId = org.id;
    key = (await createApiKey(getPrisma(), org.id, { name: 'admin', scopes: ['admin'] })).key;
  });

  it('starts at UTC with the default thresholds', async () => {
    const res = await call(GET, { key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ time_zone: 'UTC', thresholds: {}, effective_thresholds: { ...DEFAULT_THRESHOLDS } });
  });

  it('changes what it names, keeps the rest, and null restores a default', async () => {
    const first = await call(PATCH, { method: 'PATCH', key, body: { time_zone: 'Europe/Berlin', thresholds: { failure_rate_warning: 0.2, min_executions: 50 } } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ time_zone: 'Europe/Berlin', thresholds: { failure_rate_warning: 0.2, min_executions: 50 } });
    const second = await call(PATCH, { method: 'PATCH', key, body: { thresholds: { min_executions: null } } });
    expect(second.body.time_zone).toBe('Europe/Berlin');
    expect(second.body.thresholds).toEqual({ failure_rate_warning: 0.2 });
    expect((second.body.effective_thresholds as Record<string, number>).min_executions).toBe(DEFAULT_THRESHOLDS.min_executions);
    // The analytics service reads this row: day buckets move to Berlin time.
    const row = await getPrisma().orgSettings.findUnique({ where: { orgId } });
    expect(row).toMatchObject({ timeZone: 'Europe/Berlin', thresholds: { failure_rate_warning: 0.2 } });
  });

  it.each([
    [{ time_zone: 'Mars/Olympus' }, 'time_zone'],
    [{ time_zone: 'UTC; DROP TABLE x' }, 'time_zone'],
    [{ thresholds: { nope: 1 } }, 'nope'],
    [{ thresholds: { failure_rate_warning: 3 } }, 'failure_rate_warning'],
    [{ thresholds: { min_executions: -1 } }, 'min_executions'],
    [{ thresholds: { min_executions: '20' } }, 'min_executions'],
    [{ colour: 'blue' }, 'colour'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await call(PATCH, { method: 'PATCH', key, body });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain(field);
  });
});
