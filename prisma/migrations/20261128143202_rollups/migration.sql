-- Pre-aggregated rollups (issue 7): the analytics queries read these instead of re-reading raw
-- executions. Answers stay EXACT: counts and sums are exact; duration percentiles come from
-- log-bucketed histograms (DDSketch-style, gamma = 1.02: every value is represented within
-- (gamma - 1) / (gamma + 1) < 1% relative error), stored as rows (…, bucket, n) and merged in SQL.
--
-- Grain: the organisation's LOCAL day (and local hour for execution counts), in the time zone
-- recorded in rollup_state when the rollups were built. Any zone works, half-hour ones included.
-- Ingest maintains every table in the same transaction as the raw insert (additive deltas from
-- the rows actually inserted, ON CONFLICT DO UPDATE), so a rollup never misses or double-counts
-- a row. A time-zone change rebuilds the organisation's rollups (trigger below); until a rebuild
-- succeeds the queries see a zone mismatch and read raw rows instead (fm_rollup_cut).

CREATE TABLE "rollup_state" (
    "org_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "rebuilt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rollup_state_pkey" PRIMARY KEY ("org_id")
);

CREATE TABLE "rollup_executions" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hour" SMALLINT NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_type" TEXT NOT NULL,
    "executions" INTEGER NOT NULL,
    "cost_usd" DECIMAL NOT NULL,
    "tokens" BIGINT NOT NULL,
    "duration_sum" BIGINT NOT NULL,
    "duration_sq" DECIMAL NOT NULL,

    CONSTRAINT "rollup_executions_pkey" PRIMARY KEY ("org_id","day","hour","pipeline_id","status","error_type")
);

CREATE TABLE "rollup_execution_hist" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_execution_hist_pkey" PRIMARY KEY ("org_id","day","pipeline_id","bucket")
);

CREATE TABLE "rollup_stages" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
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

    CONSTRAINT "rollup_stages_pkey" PRIMARY KEY ("org_id","day","pipeline_id","stage_id","provider","model","status","cost_source")
);

CREATE TABLE "rollup_stage_hist" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "pipeline_id" TEXT NOT NULL,
    "stage_id" TEXT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "rollup_stage_hist_pkey" PRIMARY KEY ("org_id","day","pipeline_id","stage_id","bucket")
);

-- MTTR reads only failed executions (then one index probe per failure for the next success):
-- this index finds the failures of a window without scanning its successes.
CREATE INDEX "executions_org_id_status_started_at_idx" ON "executions"("org_id", "status", "started_at");

-- Bucket 0 holds 0 ms; bucket k ≥ 1 holds (1.02^(k-2), 1.02^(k-1)] and is represented by
-- 2·1.02^(k-1) / 2.02, which is within 0.99% of every value in it.
CREATE OR REPLACE FUNCTION fm_duration_bucket(ms integer) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN ms <= 0 THEN 0 ELSE (ceil(ln(ms::float8) / ln(1.02::float8)) + 1)::smallint END
$$;

CREATE OR REPLACE FUNCTION fm_bucket_value(b integer) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN b <= 0 THEN 0::float8 ELSE 2 * power(1.02::float8, b - 1) / 2.02 END
$$;

-- percentile_cont semantics on a histogram: the order statistics at floor and ceil of
-- (n - 1)·p, each estimated by its bucket's value, interpolated like percentile_cont does.
CREATE OR REPLACE FUNCTION fm_hist_percentile(lo_bucket integer, hi_bucket integer, total bigint, p float8)
RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT fm_bucket_value(lo_bucket)
       + ((total - 1) * p - floor((total - 1) * p)) * (fm_bucket_value(hi_bucket) - fm_bucket_value(lo_bucket))
$$;

-- How a window [p_start, p_end) splits for one organisation: whole local days [day_lo, day_hi)
-- come from the rollups, the partial days at either end ([raw1_lo, raw1_hi) and
-- [raw2_lo, raw2_hi)) from raw rows. When the rollups were built in another zone than the one
-- asked for (or not at all), the whole window is raw: slower, never wrong.
CREATE OR REPLACE FUNCTION fm_rollup_cut(p_org uuid, p_start timestamptz, p_end timestamptz, p_tz text,
  OUT day_lo date, OUT day_hi date, OUT raw1_lo timestamptz, OUT raw1_hi timestamptz,
  OUT raw2_lo timestamptz, OUT raw2_hi timestamptz)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM rollup_state WHERE org_id = p_org AND time_zone = p_tz) THEN
    day_lo := (p_start AT TIME ZONE p_tz)::date;
    IF (p_start AT TIME ZONE p_tz)::time <> time '00:00' THEN day_lo := day_lo + 1; END IF;
    day_hi := (p_end AT TIME ZONE p_tz)::date;
  END IF;
  IF day_lo IS NULL OR day_lo >= day_hi THEN
    day_lo := NULL; day_hi := NULL;
    raw1_lo := p_start; raw1_hi := p_end; raw2_lo := p_end; raw2_hi := p_end;
  ELSE
    raw1_lo := p_start; raw1_hi := day_lo::timestamp AT TIME ZONE p_tz;
    raw2_lo := day_hi::timestamp AT TIME ZONE p_tz; raw2_hi := p_end;
  END IF;
END;
$$;

-- Rebuilds one organisation's rollups from its raw rows, in its current time zone. Takes the
-- rollup_state row FOR UPDATE first: ingest holds it FOR KEY SHARE while it adds deltas, so a
-- rebuild waits for in-flight batches and later batches wait for the rebuild (then use its zone).
CREATE OR REPLACE FUNCTION fm_rollups_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text := coalesce((SELECT time_zone FROM org_settings WHERE org_id = p_org), 'UTC');
BEGIN
  PERFORM now() AT TIME ZONE tz; -- raises invalid_parameter_value for a zone PostgreSQL lacks
  INSERT INTO rollup_state (org_id, time_zone) VALUES (p_org, tz) ON CONFLICT (org_id) DO NOTHING;
  PERFORM 1 FROM rollup_state WHERE org_id = p_org FOR UPDATE;
  UPDATE rollup_state SET time_zone = tz, rebuilt_at = CURRENT_TIMESTAMP WHERE org_id = p_org;
  DELETE FROM rollup_executions WHERE org_id = p_org;
  DELETE FROM rollup_execution_hist WHERE org_id = p_org;
  DELETE FROM rollup_stages WHERE org_id = p_org;
  DELETE FROM rollup_stage_hist WHERE org_id = p_org;
  INSERT INTO rollup_executions
  SELECT org_id, (started_at AT TIME ZONE tz)::date, extract(hour FROM started_at AT TIME ZONE tz)::smallint,
         pipeline_id, status, coalesce(error_type, ''), count(*), sum(cost_usd), sum(input_tokens + output_tokens),
         sum(duration_ms), sum(duration_ms::numeric * duration_ms)
    FROM executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO rollup_execution_hist
  SELECT org_id, (started_at AT TIME ZONE tz)::date, pipeline_id, fm_duration_bucket(duration_ms), count(*)
    FROM executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4;
  INSERT INTO rollup_stages
  SELECT org_id, (started_at AT TIME ZONE tz)::date, pipeline_id, stage_id, coalesce(provider, ''), coalesce(model, ''),
         status, cost_source, count(*), sum(cost_usd), sum(input_tokens), sum(output_tokens),
         sum(cached_input_tokens), sum(reasoning_tokens), sum(duration_ms)
    FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO rollup_stage_hist
  SELECT org_id, (started_at AT TIME ZONE tz)::date, pipeline_id, stage_id, fm_duration_bucket(duration_ms), count(*)
    FROM stage_executions WHERE org_id = p_org GROUP BY 1, 2, 3, 4, 5;
END;
$$;

-- A changed time zone regroups every local day: rebuild in the same transaction. A zone that
-- PostgreSQL does not know leaves the old rollups in place; the queries then see the mismatch and
-- read raw rows (correct, only slower).
CREATE OR REPLACE FUNCTION fm_rollups_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM rollup_state WHERE org_id = NEW.org_id AND time_zone IS DISTINCT FROM NEW.time_zone) THEN
    BEGIN
      PERFORM fm_rollups_rebuild(NEW.org_id);
    EXCEPTION WHEN invalid_parameter_value THEN NULL;
    END;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "org_settings_rollup_zone" AFTER INSERT OR UPDATE OF "time_zone" ON "org_settings"
  FOR EACH ROW EXECUTE FUNCTION fm_rollups_zone_changed();

-- Backfill: every organisation that exists now gets its rollups built from its raw rows (an
-- organisation whose zone PostgreSQL does not know stays without rollups: raw reads).
DO $$
DECLARE o uuid;
BEGIN
  FOR o IN SELECT id FROM organizations ORDER BY id LOOP
    BEGIN
      PERFORM fm_rollups_rebuild(o);
    EXCEPTION WHEN invalid_parameter_value THEN NULL;
    END;
  END LOOP;
END;
$$;
