-- CreateTable
CREATE TABLE "catalog"."outbox_event" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "stream" VARCHAR(64) NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "aggregate_id" VARCHAR(128) NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "namespace" VARCHAR(100) NOT NULL DEFAULT COALESCE(current_setting('smartcart.outbox_namespace'::text, true), ''::text),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shoppers"."outbox_event" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "stream" VARCHAR(64) NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "aggregate_id" VARCHAR(128) NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "namespace" VARCHAR(100) NOT NULL DEFAULT COALESCE(current_setting('smartcart.outbox_namespace'::text, true), ''::text),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "catalog"."outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_namespace_sent_at_seq_idx" ON "catalog"."outbox_event"("namespace", "sent_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "shoppers"."outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_namespace_sent_at_seq_idx" ON "shoppers"."outbox_event"("namespace", "sent_at", "seq");
