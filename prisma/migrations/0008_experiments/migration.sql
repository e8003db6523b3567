-- AlterTable
ALTER TABLE "shoppers"."cart_item" ADD COLUMN     "recommendation_id" VARCHAR(64);

-- CreateTable
CREATE TABLE "recs"."experiment" (
    "id" UUID NOT NULL,
    "ref" VARCHAR(10) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "placement" VARCHAR(40) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "alpha" DOUBLE PRECISION NOT NULL,
    "variants" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recs"."experiment_impression" (
    "id" UUID NOT NULL,
    "experiment_id" UUID NOT NULL,
    "variant" VARCHAR(16) NOT NULL,
    "shopper_id" UUID NOT NULL,
    "recommendation_ids" TEXT[],
    "served_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "experiment_impression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recs"."experiment_outcome" (
    "event_id" UUID NOT NULL,
    "experiment_id" UUID NOT NULL,
    "variant" VARCHAR(16) NOT NULL,
    "shopper_id" UUID NOT NULL,
    "type" VARCHAR(24) NOT NULL,
    "recommendation_id" VARCHAR(64) NOT NULL,
    "revenue" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "experiment_outcome_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "experiment_ref_key" ON "recs"."experiment"("ref");

-- CreateIndex
CREATE INDEX "experiment_placement_status_idx" ON "recs"."experiment"("placement", "status");

-- CreateIndex
CREATE INDEX "experiment_impression_experiment_id_shopper_id_served_at_idx" ON "recs"."experiment_impression"("experiment_id", "shopper_id", "served_at");

-- CreateIndex
CREATE INDEX "experiment_outcome_experiment_id_shopper_id_idx" ON "recs"."experiment_outcome"("experiment_id", "shopper_id");
