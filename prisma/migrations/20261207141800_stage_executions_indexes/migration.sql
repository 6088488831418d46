-- Ingest CPU (issue 14, item 5): stage_executions kept two secondary indexes that no query needs.
-- Every read of stage_executions is "one organisation, a started_at range" (the raw source's
-- windows, the rollups' partial days, the rollup rebuild), optionally with a pipeline_id filter:
-- the primary key (org_id, started_at, execution_id, stage_index) serves all of them. No query
-- looks stages up by model. Each index cost an insertion per stage (3 per execution): measured
-- with bench/ingest-profile.ts, PostgreSQL's CPU per 1,000 executions × 3 stages fell ~150 → ~122 ms.
DROP INDEX IF EXISTS "stage_executions_org_id_pipeline_id_started_at_idx";
DROP INDEX IF EXISTS "stage_executions_org_id_model_started_at_idx";
