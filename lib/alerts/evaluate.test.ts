import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getPool } from '@/lib/db/client';
import { ingestItems } from '@/lib/ingest/ingest';
import { NotFoundError } from '@/lib/errors';
import type { Insight } from '@/lib/schemas/insights';
import { newOrg } from '@/tests/helpers';
import { acknowledgeInsight } from './acknowledge';
import { evaluateOrg } from './evaluate';
import { claimDueOrgs } from './state';
import { makeInsight } from '@/tests/support/webhook-receiver';
import { createWebhook } from './webhooks';

// The lifecycle and the outbox on a real database, with the detector replaced by a list: what
// is under test here is what happens to findings, not how they are found.

let orgId: string;
let current: Insight[] = [];
const detect = async () => current;
const q = async <T>(sql: string, values: unknown[]) => (await getPool().query(sql, values)).rows as T[];

beforeAll(async () => {
  process.env.ALLOW_PRIVATE_WEBHOOKS = '1';
  orgId = (await newOrg('alerts')).id;
});
afterAll(closeDb);

describe('evaluateOrg', () => {
  let critical: string;
  let warning: string;
  beforeAll(async () => {
    critical = (await createWebhook(orgId, { url: 'http://127.0.0.1:9/c', min_severity: 'critical', categories: [] })).id;
    warning = (await createWebhook(orgId, { url: 'http://127.0.0.1:9/w', min_severity: 'warning', categories: ['reliability'] })).id;
  });

  it('a new critical finding is enqueued once per matching endpoint; a warning one only where allowed', async () => {
    current = [makeInsight('failure_pattern:pipeline=a:7d', { pipeline_id: 'a' }), makeInsight('performance_degradation:org:7d', { type: 'performance_degradation', category: 'performance', severity: 'warning' })];
    const r = await evaluateOrg(orgId, detect);
    expect(r.insights.map((i) => [i.id, i.transition, i.episode, i.status])).toEqual([
      ['failure_pattern:pipeline=a:7d', 'new', 1, 'active'],
      ['performance_degradation:org:7d', 'new', 1, 'active'],
    ]);
    // performance is not in the warning endpoint's categories, and below the critical one's severity
    expect(r.enqueued.map((e) => [e.webhook_id, e.insight_id]).sort()).toEqual(
      [[critical, 'failure_pattern:pipeline=a:7d'], [warning, 'failure_pattern:pipeline=a:7d']].sort(),
    );
    const [row] = await q<{ payload: { type: string; data: Insight } }>('SELECT payload FROM webhook_deliveries WHERE org_id = $1 AND id = $2', [orgId, r.enqueued[0].id]);
    expect(row.payload.type).toBe('insight.detected');
    expect(row.payload.data).toMatchObject({ id: 'failure_pattern:pipeline=a:7d', severity: 'critical', pipeline_id: 'a' });
  });

  it('a finding that stays active is not enqueued again', async () => {
    const r = await evaluateOrg(orgId, detect);
    expect(r.insights.every((i) => i.transition === 'continued')).toBe(true);
    expect(r.enqueued).toEqual([]);
  });

  it('resolves when no longer detected; recurring opens episode 2 with new deliveries', async () => {
    current = [];
    const resolved = await evaluateOrg(orgId, detect);
    expect(resolved.resolved.sort()).toEqual(['failure_pattern:pipeline=a:7d', 'performance_degradation:org:7d']);
    const [state] = await q<{ status: string; resolved_at: Date | null }>('SELECT status, resolved_at FROM insights WHERE org_id = $1 AND id = $2', [orgId, 'failure_pattern:pipeline=a:7d']);
    expect(state.status).toBe('resolved');
    expect(state.resolved_at).not.toBeNull();
    current = [makeInsight('failure_pattern:pipeline=a:7d', { pipeline_id: 'a' })];
    const again = await evaluateOrg(orgId, detect);
    expect(again.insights[0]).toMatchObject({ transition: 'recurred', episode: 2, status: 'active' });
    expect(again.enqueued.map((e) => e.episode)).toEqual([2, 2]);
  });

  it('an acknowledged finding stays acknowledged and gets no deliveries (even to a new endpoint)', async () => {
    const ack = await acknowledgeInsight(orgId, 'failure_pattern:pipeline=a:7d');
    expect(ack).toMatchObject({ status: 'acknowledged', episode: 2 });
    expect(ack.acknowledged_at).not.toBeNull();
    await createWebhook(orgId, { url: 'http://127.0.0.1:9/late', min_severity: 'info', categories: [] });
    const r = await evaluateOrg(orgId, detect);
    expect(r.insights[0]).toMatchObject({ transition: 'continued', status: 'acknowledged' });
    expect(r.enqueued).toEqual([]);
    await expect(acknowledgeInsight(orgId, 'nope:org:7d')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a single-pipeline organisation gets one alert, not an org-wide copy with the same numbers', async () => {
    const org2 = (await newOrg('single')).id;
    await createWebhook(org2, { url: 'http://127.0.0.1:9/x', min_severity: 'critical', categories: [] });
    current = [makeInsight('failure_pattern:org:7d'), makeInsight('failure_pattern:pipeline=only:7d', { pipeline_id: 'only' })];
    const r = await evaluateOrg(org2, detect);
    expect(r.enqueued.map((e) => e.insight_id)).toEqual(['failure_pattern:pipeline=only:7d']);
  });

  it('tenants are separate: another organisation sees none of these insights', async () => {
    const other = (await newOrg('other')).id;
    await expect(acknowledgeInsight(other, 'failure_pattern:pipeline=a:7d')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('overlapping evaluations', () => {
  it('one superseded while it detected detects again instead of applying stale numbers', async () => {
    const org = (await newOrg('race')).id;
    const finding = makeInsight('failure_pattern:org:7d');
    let calls = 0;
    const r = await evaluateOrg(org, async () => {
      calls += 1;
      if (calls > 1) return [finding];
      // While this (older) detection runs, a newer evaluation sees the finding and is applied first.
      await new Promise((res) => setTimeout(res, 5));
      await evaluateOrg(org, async () => [finding]);
      return []; // the older numbers: nothing detected, which would resolve the finding
    });
    expect(calls).toBe(2);
    expect(r.resolved).toEqual([]);
    expect(r.insights).toMatchObject([{ id: finding.id, transition: 'continued', episode: 1 }]);
    const [row] = await q<{ status: string }>('SELECT status FROM insights WHERE org_id = $1', [org]);
    expect(row.status).toBe('active');
  });
});

describe('alert_state: ingest marks an organisation for evaluation', () => {
  it('storing executions bumps data_version; a claim takes it once', async () => {
    const org = (await newOrg('dirty')).id;
    await ingestItems(getPool(), org, [{ id: 'e1', pipeline_id: 'p', status: 'success', started_at: new Date().toISOString(), duration_ms: 5 }]);
    const [s] = await q<{ data_version: string; evaluated_version: string }>('SELECT data_version, evaluated_version FROM alert_state WHERE org_id = $1', [org]);
    expect(Number(s.data_version)).toBeGreaterThan(Number(s.evaluated_version));
    expect(await claimDueOrgs(1000, 600_000)).toContain(org);
    expect(await claimDueOrgs(1000, 600_000)).not.toContain(org);
    // a re-sent execution stores nothing, so it is not new data
    await ingestItems(getPool(), org, [{ id: 'e1', pipeline_id: 'p', status: 'success', started_at: new Date().toISOString(), duration_ms: 5 }]);
    expect(await claimDueOrgs(1000, 600_000)).not.toContain(org);
    await ingestItems(getPool(), org, [{ id: 'e2', pipeline_id: 'p', status: 'failed', started_at: new Date().toISOString(), duration_ms: 5 }]);
    expect(await claimDueOrgs(1000, 600_000)).toContain(org);
  });
});
