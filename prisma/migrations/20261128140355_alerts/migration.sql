-- Alerts (lib/alerts): per-organisation evaluation bookkeeping, and an index for listing an
-- endpoint's deliveries.

-- data_version is bumped by every ingest that stores executions (trigger below); the scheduler
-- evaluates an organisation when data_version > evaluated_version, or when evaluated_at is older
-- than the schedule. A counter, not a timestamp: an ingest transaction that commits after an
-- evaluation read its snapshot still leaves data_version ahead, so no new data is ever missed.
CREATE TABLE "alert_state" (
    "org_id" UUID NOT NULL,
    "data_version" BIGINT NOT NULL DEFAULT 0,
    "evaluated_version" BIGINT NOT NULL DEFAULT 0,
    "evaluated_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_state_pkey" PRIMARY KEY ("org_id")
);

CREATE INDEX "webhook_deliveries_org_id_webhook_id_created_at_idx" ON "webhook_deliveries"("org_id", "webhook_id", "created_at");

-- Every ingest path (API, CLI import, OTLP, demo loader) ends its transaction with the upsert of
-- the batch's pipelines, and only when it stored new executions: a statement-level trigger there
-- marks the organisation's data as changed with one row update per batch, holding that row lock
-- only for the moment before COMMIT. Rows are taken in org_id order so batches never deadlock.
CREATE OR REPLACE FUNCTION fm_mark_alert_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_state (org_id, data_version)
  SELECT DISTINCT org_id, 1 FROM new_rows ORDER BY org_id
  ON CONFLICT (org_id) DO UPDATE SET data_version = alert_state.data_version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "pipelines_alert_data_inserted" AFTER INSERT ON "pipelines"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fm_mark_alert_data_changed();
CREATE TRIGGER "pipelines_alert_data_updated" AFTER UPDATE ON "pipelines"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fm_mark_alert_data_changed();
