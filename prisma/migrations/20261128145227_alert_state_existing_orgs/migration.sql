-- Organisations that existed before alerts: mark them for a first evaluation (the ingest trigger
-- only marks organisations as they store new executions).
INSERT INTO "alert_state" ("org_id", "data_version")
SELECT "id", 1 FROM "organizations"
ON CONFLICT ("org_id") DO NOTHING;
