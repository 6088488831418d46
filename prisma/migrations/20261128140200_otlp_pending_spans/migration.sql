-- OTLP ingest (lib/otlp): spans waiting for the rest of their trace, and the span ids of traces
-- already stored as executions (done), so that a re-export is a no-op. A GenAI span waits for its
-- root (payload = the mapped stage); a root that came before any GenAI span waits for them
-- (is_root, payload = the root span's relevant fields). Each row expires at expires_at and is
-- deleted lazily by the ingest path (index tenant first).

-- CreateTable
CREATE TABLE "otlp_pending_spans" (
    "org_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "is_root" BOOLEAN NOT NULL DEFAULT false,
    "payload" JSONB,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "otlp_pending_spans_pkey" PRIMARY KEY ("org_id","trace_id","span_id")
);

-- CreateIndex
CREATE INDEX "otlp_pending_spans_org_id_expires_at_idx" ON "otlp_pending_spans"("org_id", "expires_at");
