-- Rollups, round two (issue 14).
-- 1. Histograms as arrays: one row per (organisation, local day | local hour, pipeline[, stage])
--    holding the bucket counts as an int4[] whose LOWER BOUND IS ITS FIRST BUCKET (a sparse
--    (offset, counts) pair in one value: '[212:214]={3,0,1}' = 3 in bucket 212, 1 in bucket 214).
--    Same buckets as before (fm_duration_bucket, gamma = 1.02, < 1% relative error); merged
--    with one aggregate, fm_hist_sum, instead of one row per bucket. Plain SQL and PL/pgSQL:
--    works on PostgreSQL and PGlite alike.
-- 2. Hourly grain for a window's ends: rollup_executions is keyed by the instant its local hour
--    starts (hour_start), and hourly tables hold the stage sums and both histograms, so a window
--    reads raw rows only for the partial hours at its two ends (fm_rollup_cut).
--    Whole days of execution sums come from rollup_execution_days (24× fewer rows than the hourly
--    rollup_executions, which keeps the hour of day and serves the window's ends).
-- 3. Recovery facts: recovery_streaks holds, per pipeline, every failure streak (first failure,
--    recovering success; an open streak has none), maintained at ingest (lib/ingest/recovery.ts):
--    MTTR reads the streaks of a window instead of probing the next success of every failure.

-- ── histogram functions ────────────────────────────────────────────────────────────────────
-- a + b, bucket by bucket (either may be NULL = empty); the result spans both.
CREATE OR REPLACE FUNCTION fm_hist_add(a int4[], b int4[]) RETURNS int4[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE lo int; hi int;
BEGIN
  IF a IS NULL OR cardinality(a) = 0 THEN RETURN b; END IF;
  IF b IS NULL OR cardinality(b) = 0 THEN RETURN a; END IF;
  lo := array_lower(b, 1); hi := array_upper(b, 1);
  IF lo < array_lower(a, 1) THEN a := array_fill(0, ARRAY[array_lower(a, 1) - lo], ARRAY[lo]) || a; END IF;
  IF hi > array_upper(a, 1) THEN a := a || array_fill(0, ARRAY[hi - array_upper(a, 1)]); END IF;
  FOR i IN lo .. hi LOOP a[i] := a[i] + b[i]; END LOOP;
  RETURN a;
END;
$$;

-- The merge: fm_hist_sum(counts) is the histogram of all the rows' values.
CREATE AGGREGATE fm_hist_sum(int4[]) (SFUNC = fm_hist_add, STYPE = int4[], COMBINEFUNC = fm_hist_add, PARALLEL = SAFE);

-- Building one from its (bucket, n) pairs, each bucket once: fm_hist_from(array_agg(bucket),
-- array_agg(n)). One allocation of the whole span, then one assignment per bucket.
CREATE OR REPLACE FUNCTION fm_hist_from(b int[], n int[]) RETURNS int4[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE lo int; hi int; s int4[];
BEGIN
  SELECT min(x), max(x) INTO lo, hi FROM unnest(b) x;
  IF lo IS NULL THEN RETURN NULL; END IF;
  s := array_fill(0, ARRAY[hi - lo + 1], ARRAY[lo]);
  FOR i IN 1 .. cardinality(b) LOOP s[b[i]] := s[b[i]] + n[i]; END LOOP;
  RETURN s;
END;
$$;

-- percentile_cont semantics on a histogram (as fm_hist_percentile), for several p in one pass:
-- the order statistics at floor and ceil of (n - 1)·p are the first buckets whose running count
-- exceeds them.
CREATE OR REPLACE FUNCTION fm_hist_pcts(h int4[], ps float8[]) RETURNS float8[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH c AS MATERIALIZED (
    SELECT array_lower(h, 1) + i::int - 1 AS b, sum(n) OVER (ORDER BY i) AS cum FROM unnest(h) WITH ORDINALITY u(n, i)
  ), t AS (SELECT max(cum)::bigint AS total FROM c)
  SELECT array_agg((SELECT fm_hist_percentile(min(b) FILTER (WHERE cum > floor((t.total - 1) * q.p)),
                                              min(b) FILTER (WHERE cum > ceil((t.total - 1) * q.p)), t.total, q.p)
                      FROM c) ORDER BY q.k)
    FROM t, unnest(ps) WITH ORDINALITY q(p, k)
   WHERE t.total > 0
$$;

-- ── local hours ────────────────────────────────────────────────────────────────────────────
-- The instant the local hour containing t starts (t minus its local minutes and seconds): unique
-- also in the repeated hour of a DST change, and :30 past a UTC hour in half-hour zones.
CREATE OR REPLACE FUNCTION fm_local_hour(t timestamptz, tz text) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t - ((t AT TIME ZONE tz) - date_trunc('hour', t AT TIME ZONE tz))
$$;

-- ── tables ─────────────────────────────────────────────────────────────────────────────────
CREATE TABLE "rollup_execution_days" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "executions" INTEGER NOT NULL,
    "cost_usd" DECIMAL NOT NULL,
    "tokens" BIGINT NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "duration_sq" DECIMAL NOT NULL,

    CONSTRAINT "rollup_execution_days_pkey" PRIMARY KEY ("org_id","day","pipeline_id","status","error_type")
);

CREATE TABLE "rollup_exec_hist_days" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "rollup_exec_hist_days_pkey" PRIMARY KEY ("org_id","day","pipeline_id")
);

CREATE TABLE "rollup_exec_hist_hours" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "rollup_exec_hist_hours_pkey" PRIMARY KEY ("org_id","day","hour_start","pipeline_id")
);

CREATE TABLE "rollup_stage_hist_days" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "rollup_stage_hist_days_pkey" PRIMARY KEY ("org_id","day","pipeline_id","stage_id")
);

CREATE TABLE "rollup_stage_hist_hours" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "rollup_stage_hist_hours_pkey" PRIMARY KEY ("org_id","day","hour_start","pipeline_id","stage_id")
);

CREATE TABLE "rollup_stage_hours" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cost_source" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "cost_usd" DECIMAL NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cached_input_tokens" BIGINT NOT NULL,
    "reasoning_tokens" BIGINT NOT NULL,
    "duration_sum" BIGINT NOT NULL,

    CONSTRAINT "rollup_stage_hours_pkey" PRIMARY KEY ("org_id","day","hour_start","pipeline_id","stage_id","provider","model","status","cost_source")
);

CREATE TABLE "recovery_streaks" (
    "org_id" UUID NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "first_failed_id" TEXT NOT NULL,
    "recovered_at" TIMESTAMPTZ(3),
    "recovered_id" TEXT,
    "recovered_end" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_streaks_pkey" PRIMARY KEY ("org_id","pipeline_id","first_failed_at","first_failed_id")
);

CREATE INDEX "recovery_streaks_org_id_recovered_at_idx" ON "recovery_streaks"("org_id", "recovered_at");

-- rollup_executions: keyed by the local hour's start instant (hour stays: the local hour of day).
ALTER TABLE "rollup_executions" ADD COLUMN "hour_start" TIMESTAMPTZ(3);
UPDATE "rollup_executions" r SET "hour_start" = ((r.day + r.hour * interval '1 hour')::timestamp AT TIME ZONE s.time_zone)
  FROM "rollup_state" s WHERE s.org_id = r.org_id;
DELETE FROM "rollup_executions" WHERE "hour_start" IS NULL;
ALTER TABLE "rollup_executions" ALTER COLUMN "hour_start" SET NOT NULL;
ALTER TABLE "rollup_executions" DROP CONSTRAINT "rollup_executions_pkey";
ALTER TABLE "rollup_executions" ADD CONSTRAINT "rollup_executions_pkey" PRIMARY KEY ("org_id","day","hour_start","pipeline_id","status","error_type");

INSERT INTO "rollup_execution_days"
SELECT org_id, day, pipeline_id, status, error_type, sum(executions), sum(cost_usd), sum(tokens), sum(duration_sum), sum(duration_sq)
  FROM "rollup_executions" GROUP BY org_id, day, pipeline_id, status, error_type;

-- Existing daily histograms move into the arrays as they are (they may outlive dropped raw months).
INSERT INTO "rollup_exec_hist_days" SELECT org_id, day, pipeline_id, fm_hist_from(array_agg(bucket), array_agg(n))
  FROM "rollup_execution_hist" GROUP BY org_id, day, pipeline_id;
INSERT INTO "rollup_stage_hist_days" SELECT org_id, day, pipeline_id, stage_id, fm_hist_from(array_agg(bucket), array_agg(n))
  FROM "rollup_stage_hist" GROUP BY org_id, day, pipeline_id, stage_id;
DROP TABLE "rollup_execution_hist";
DROP TABLE "rollup_stage_hist";

-- ── the cut of a window ────────────────────────────────────────────────────────────────────
-- [p_start, p_end) = whole local days [day_lo, day_hi) from the daily rollups
--                  + whole local hours [hr1_lo, hr1_hi) (all in local day hday1) and
--                    [hr2_lo, hr2_hi) (in hday2) from the hourly rollups
--                  + the partial hours [raw1_lo, raw1_hi) and [raw2_lo, raw2_hi) from raw rows.
-- Empty parts have lo = hi (or NULL days). Rollups in another zone (or none): all raw.
DROP FUNCTION fm_rollup_cut(uuid, timestamptz, timestamptz, text);
CREATE FUNCTION fm_rollup_cut(p_org uuid, p_start timestamptz, p_end timestamptz, p_tz text,
  OUT day_lo date, OUT day_hi date,
  OUT hday1 date, OUT hr1_lo timestamptz, OUT hr1_hi timestamptz,
  OUT hday2 date, OUT hr2_lo timestamptz, OUT hr2_hi timestamptz,
  OUT raw1_lo timestamptz, OUT raw1_hi timestamptz, OUT raw2_lo timestamptz, OUT raw2_hi timestamptz)
LANGUAGE plpgsql STABLE AS $$
DECLARE a timestamptz; b timestamptz; d1 date; d2 date;
BEGIN
  raw1_lo := p_start; raw1_hi := p_end; raw2_lo := p_end; raw2_hi := p_end;
  hr1_lo := p_end; hr1_hi := p_end; hr2_lo := p_end; hr2_hi := p_end;
  IF p_start >= p_end OR NOT EXISTS (SELECT 1 FROM rollup_state WHERE org_id = p_org AND time_zone = p_tz) THEN
    RETURN;
  END IF;
  a := fm_local_hour(p_start, p_tz);
  IF a < p_start THEN a := fm_local_hour(p_start + interval '1 hour', p_tz); END IF;
  b := fm_local_hour(p_end, p_tz);
  -- No whole hour inside, or an hour start that is not its own hour's start (a zone whose offset
  -- moves by less than an hour, e.g. Australia/Lord_Howe at its change): raw rows only.
  IF a >= b OR fm_local_hour(a, p_tz) <> a OR fm_local_hour(b, p_tz) <> b THEN RETURN; END IF;
  raw1_hi := a; raw2_lo := b;
  d1 := (a AT TIME ZONE p_tz)::date;
  IF (a AT TIME ZONE p_tz)::time <> time '00:00' THEN d1 := d1 + 1; END IF;
  d2 := (b AT TIME ZONE p_tz)::date;
  IF d1 <= d2 THEN
    IF d1 < d2 THEN day_lo := d1; day_hi := d2; END IF;
    hday1 := d1 - 1; hr1_lo := a; hr1_hi := d1::timestamp AT TIME ZONE p_tz;
    hday2 := d2; hr2_lo := d2::timestamp AT TIME ZONE p_tz; hr2_hi := b;
  ELSE
    hday1 := d2; hr1_lo := a; hr1_hi := b;
  END IF;
END;
$$;

-- ── recovery facts ─────────────────────────────────────────────────────────────────────────
-- A pipeline's decided runs (success / failed; cancelled ignored) in (started_at, id) order fall
-- into failure streaks: a streak is the failures after a success (or the first run) up to the
-- next success, which recovers it. New runs at [lo, hi] of a pipeline can change only the streaks
-- between the last success before lo and the first success after hi: those are recomputed.
CREATE OR REPLACE FUNCTION fm_recovery_bounds(p_org uuid, p_pipelines text[], p_lo timestamptz[], p_hi timestamptz[])
RETURNS TABLE (pipeline_id text, lo_at timestamptz, lo_id text, hi_at timestamptz, hi_id text)
LANGUAGE sql STABLE AS $$
  SELECT b.pipeline_id, coalesce(l.started_at, '-infinity'), coalesce(l.id, ''),
         coalesce(h.started_at, 'infinity'), coalesce(h.id, '')
    FROM unnest(p_pipelines, p_lo, p_hi) AS b(pipeline_id, lo, hi)
    LEFT JOIN LATERAL (SELECT e.started_at, e.id FROM executions e
                        WHERE e.org_id = p_org AND e.pipeline_id = b.pipeline_id AND e.started_at < b.lo AND e.status = 'success'
                        ORDER BY e.started_at DESC, e.id DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT e.started_at, e.id FROM executions e
                        WHERE e.org_id = p_org AND e.pipeline_id = b.pipeline_id AND e.started_at > b.hi AND e.status = 'success'
                        ORDER BY e.started_at, e.id LIMIT 1) h ON true
$$;

-- Recomputes the streaks around new runs of these pipelines (each with the earliest and latest
-- started_at of its new runs). Serialised per pipeline by a transaction-scoped advisory lock taken
-- first (in key order: no deadlock); each later statement then sees every batch committed before
-- it, and a batch that commits after it recomputes the range of its own rows.
CREATE OR REPLACE FUNCTION fm_recovery_refresh(p_org uuid, p_pipelines text[], p_lo timestamptz[], p_hi timestamptz[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtextextended('fm_recovery/' || p_org::text || '/' || p, 0) AS k
             FROM unnest(p_pipelines) p ORDER BY 1) s;
  -- Bounds first (MATERIALIZED): evaluated once per pipeline, not once per streak row.
  WITH r AS MATERIALIZED (SELECT * FROM fm_recovery_bounds(p_org, p_pipelines, p_lo, p_hi))
  DELETE FROM recovery_streaks s USING r
   WHERE s.org_id = p_org AND s.pipeline_id = r.pipeline_id
     AND (s.first_failed_at, s.first_failed_id) > (r.lo_at, r.lo_id)
     AND (s.first_failed_at, s.first_failed_id) < (r.hi_at, r.hi_id);
  -- grp = the successes before a run: a streak's failures and the success that recovers it share
  -- one grp, so one pass groups them (no join).
  WITH r AS MATERIALIZED (SELECT * FROM fm_recovery_bounds(p_org, p_pipelines, p_lo, p_hi)),
  runs AS (
    SELECT r.pipeline_id, e.id, e.status, e.started_at, e.duration_ms,
           count(*) FILTER (WHERE e.status = 'success')
             OVER (PARTITION BY r.pipeline_id ORDER BY e.started_at, e.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS grp
      FROM r CROSS JOIN LATERAL (
        SELECT e.id, e.status, e.started_at, e.duration_ms FROM executions e
         WHERE e.org_id = p_org AND e.pipeline_id = r.pipeline_id AND e.started_at >= r.lo_at AND e.started_at <= r.hi_at
           AND (e.started_at, e.id) > (r.lo_at, r.lo_id) AND (e.started_at, e.id) <= (r.hi_at, r.hi_id)
           AND e.status IN ('success', 'failed')
        OFFSET 0) e
  )
  INSERT INTO recovery_streaks (org_id, pipeline_id, first_failed_at, first_failed_id, recovered_at, recovered_id, recovered_end)
  SELECT p_org, pipeline_id,
         min(started_at) FILTER (WHERE status = 'failed'),
         (array_agg(id ORDER BY started_at, id) FILTER (WHERE status = 'failed'))[1],
         min(started_at) FILTER (WHERE status = 'success'),
         min(id) FILTER (WHERE status = 'success'),
         min(started_at + duration_ms * interval '1 millisecond') FILTER (WHERE status = 'success')
    FROM runs
   GROUP BY pipeline_id, grp
  HAVING count(*) FILTER (WHERE status = 'failed') > 0;
END;
$$;

-- Every streak of an organisation, from its raw rows.
CREATE OR REPLACE FUNCTION fm_recovery_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE ps text[];
BEGIN
  SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO ps FROM pipelines WHERE org_id = p_org;
  DELETE FROM recovery_streaks WHERE org_id = p_org;
  PERFORM fm_recovery_refresh(p_org, ps, array_fill('-infinity'::timestamptz, ARRAY[cardinality(ps)]),
                              array_fill('infinity'::timestamptz, ARRAY[cardinality(ps)]));
END;
$$;

-- ── rebuilds ───────────────────────────────────────────────────────────────────────────────
-- The hourly rollups of one organisation from its raw rows, in zone tz.
CREATE OR REPLACE FUNCTION fm_rollups_rebuild_hours(p_org uuid, tz text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rollup_exec_hist_hours WHERE org_id = p_org;
  DELETE FROM rollup_stage_hours WHERE org_id = p_org;
  DELETE FROM rollup_stage_hist_hours WHERE org_id = p_org;
  INSERT INTO rollup_exec_hist_hours
  SELECT p_org, day, hour_start, pipeline_id, fm_hist_from(array_agg(bucket), array_agg(n))
    FROM (SELECT (started_at AT TIME ZONE tz)::date AS day, fm_local_hour(started_at, tz) AS hour_start, pipeline_id,
                 fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n
            FROM executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4) b
   GROUP BY day, hour_start, pipeline_id;
  INSERT INTO rollup_stage_hours
  SELECT org_id, (started_at AT TIME ZONE tz)::date, fm_local_hour(started_at, tz), pipeline_id, stage_id,
         coalesce(provider, ''), coalesce(model, ''), status, cost_source, count(*), sum(cost_usd), sum(input_tokens),
         sum(output_tokens), sum(cached_input_tokens), sum(reasoning_tokens), sum(duration_ms)
    FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO rollup_stage_hist_hours
  SELECT p_org, day, hour_start, pipeline_id, stage_id, fm_hist_from(array_agg(bucket), array_agg(n))
    FROM (SELECT (started_at AT TIME ZONE tz)::date AS day, fm_local_hour(started_at, tz) AS hour_start, pipeline_id, stage_id,
                 fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n
            FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5) b
   GROUP BY day, hour_start, pipeline_id, stage_id;
END;
$$;

-- Rebuilds one organisation's rollups from its raw rows, in its current time zone (locking as before).
CREATE OR REPLACE FUNCTION fm_rollups_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text := coalesce((SELECT time_zone FROM org_settings WHERE org_id = p_org), 'UTC');
BEGIN
  PERFORM now() AT TIME ZONE tz; -- raises invalid_parameter_value for a zone PostgreSQL lacks
  INSERT INTO rollup_state (org_id, time_zone) VALUES (p_org, tz) ON CONFLICT (org_id) DO NOTHING;
  PERFORM 1 FROM rollup_state WHERE org_id = p_org FOR UPDATE;
  UPDATE rollup_state SET time_zone = tz, rebuilt_at = CURRENT_TIMESTAMP WHERE org_id = p_org;
  DELETE FROM rollup_executions WHERE org_id = p_org;
  DELETE FROM rollup_execution_days WHERE org_id = p_org;
  DELETE FROM rollup_exec_hist_days WHERE org_id = p_org;
  DELETE FROM rollup_stages WHERE org_id = p_org;
  DELETE FROM rollup_stage_hist_days WHERE org_id = p_org;
  INSERT INTO rollup_executions (org_id, day, hour, hour_start, pipeline_id, status, error_type, executions, cost_usd,
                                 tokens, duration_sum, duration_sq)
  SELECT org_id, (started_at AT TIME ZONE tz)::date, extract(hour FROM started_at AT TIME ZONE tz)::smallint,
         fm_local_hour(started_at, tz), pipeline_id, status, coalesce(error_type, ''), count(*), sum(cost_usd),
         sum(input_tokens + output_tokens), sum(duration_ms), sum(duration_ms::numeric * duration_ms)
    FROM executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO rollup_execution_days
  SELECT org_id, day, pipeline_id, status, error_type, sum(executions), sum(cost_usd), sum(tokens), sum(duration_sum), sum(duration_sq)
    FROM rollup_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO rollup_exec_hist_days
  SELECT p_org, day, pipeline_id, fm_hist_from(array_agg(bucket), array_agg(n))
    FROM (SELECT (started_at AT TIME ZONE tz)::date AS day, pipeline_id, fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n
            FROM executions WHERE org_id = p_org GROUP BY 1, 2, 3) b
   GROUP BY day, pipeline_id;
  INSERT INTO rollup_stages
  SELECT org_id, (started_at AT TIME ZONE tz)::date, pipeline_id, stage_id, coalesce(provider, ''), coalesce(model, ''),
         status, cost_source, count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens),
         sum(cached_input_tokens), sum(reasoning_tokens), sum(duration_ms)
    FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO rollup_stage_hist_days
  SELECT p_org, day, pipeline_id, stage_id, fm_hist_from(array_agg(bucket), array_agg(n))
    FROM (SELECT (started_at AT TIME ZONE tz)::date AS day, pipeline_id, stage_id, fm_duration_bucket(duration_ms) AS bucket, count(*)::int AS n
            FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4) b
   GROUP BY day, pipeline_id, stage_id;
  PERFORM fm_rollups_rebuild_hours(p_org, tz);
  PERFORM fm_recovery_rebuild(p_org);
END;
$$;

-- Backfill of what the raw rows alone can give: the hourly rollups and the recovery facts of
-- every organisation with rollups (the daily ones were converted above).
DO $$
DECLARE o record;
BEGIN
  FOR o IN SELECT org_id, time_zone FROM rollup_state ORDER BY org_id LOOP
    PERFORM fm_rollups_rebuild_hours(o.org_id, o.time_zone);
  END LOOP;
  FOR o IN SELECT id FROM organizations ORDER BY id LOOP
    PERFORM fm_recovery_rebuild(o.id);
  END LOOP;
END;
$$;
