import { describe, expect, it } from 'vitest';
import { InsightsQuery, ReportQuery, SummaryQuery, TimeseriesQuery } from '@/lib/schemas/insights';

// Query parameters arrive as URL strings; bad input must be rejected with a message naming what is allowed.

describe('query schemas', () => {
  it('defaults: summary 7, report 30 (+ flags true), list 7, timeseries 30 by day', () => {
    expect(SummaryQuery.parse({})).toEqual({ days: 7 });
    expect(ReportQuery.parse({})).toEqual({ days: 30, include_recommendations: true, include_forecasts: true });
    expect(InsightsQuery.parse({})).toEqual({ days: 7 });
    expect(TimeseriesQuery.parse({})).toEqual({ days: 30, granularity: 'day' });
  });

  it.each(['1', '365', '30'])('days=%s is accepted', (d) => {
    expect(SummaryQuery.parse({ days: d }).days).toBe(Number(d));
  });

  it.each(['0', '366', '7.5', 'abc', '', '-1', '1e2'])('days=%s is rejected with the allowed range', (d) => {
    const r = SummaryQuery.safeParse({ days: d });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('days must be an integer from 1 to 365');
    expect(r.error!.issues[0].path).toEqual(['days']);
  });

  it('category and severity take comma-separated lists of the allowed values', () => {
    expect(InsightsQuery.parse({ category: 'cost,usage,cost', severity: 'critical, warning' })).toMatchObject({
      category: ['cost', 'usage'],
      severity: ['critical', 'warning'],
    });
    const bad = InsightsQuery.safeParse({ category: 'cost,money' });
    expect(bad.error!.issues[0].message).toBe('category must be a comma-separated list of: cost, performance, reliability, usage, optimization');
    expect(InsightsQuery.safeParse({ severity: 'high' }).error!.issues[0].message).toMatch(/critical, warning, info/);
    expect(InsightsQuery.safeParse({ severity: '' }).success).toBe(false);
  });

  it('booleans are "true"/"false" only ("false" really means false)', () => {
    expect(ReportQuery.parse({ include_recommendations: 'false', include_forecasts: 'true' })).toMatchObject({ include_recommendations: false, include_forecasts: true });
    expect(ReportQuery.safeParse({ include_forecasts: 'yes' }).error!.issues[0].message).toBe('include_forecasts must be true or false');
  });

  it('pipeline_id is 1–128 characters; granularity is hour or day', () => {
    expect(SummaryQuery.parse({ pipeline_id: 'etl' }).pipeline_id).toBe('etl');
    expect(SummaryQuery.safeParse({ pipeline_id: '' }).success).toBe(false);
    expect(SummaryQuery.safeParse({ pipeline_id: 'x'.repeat(129) }).success).toBe(false);
    expect(TimeseriesQuery.parse({ granularity: 'hour' }).granularity).toBe('hour');
    expect(TimeseriesQuery.safeParse({ granularity: 'week' }).error!.issues[0].message).toBe('granularity must be one of hour, day');
  });

  it.each([
    { days: '31', granularity: 'hour', ok: true },
    { days: '32', granularity: 'hour', ok: false },
    { days: '365', granularity: 'hour', ok: false },
    { days: '365', granularity: 'day', ok: true },
  ])('granularity=$granularity with days=$days: accepted $ok (hourly windows are at most 31 days)', ({ days, granularity, ok }) => {
    const r = TimeseriesQuery.safeParse({ days, granularity });
    expect(r.success).toBe(ok);
    if (!ok) {
      expect(r.error!.issues[0].path).toEqual(['granularity']);
      expect(r.error!.issues[0].message).toBe(`must be day for windows longer than 31 days (hourly buckets cover at most days=31; got days=${days})`);
    }
  });
});
