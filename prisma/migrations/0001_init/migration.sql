-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "catalog";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "recs";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "shoppers";

-- CreateTable
CREATE TABLE "catalog"."product" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "price" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recs"."similar_item" (
    "product_id" UUID NOT NULL,
    "similar_id" UUID NOT NULL,
    "score" REAL NOT NULL,

    CONSTRAINT "similar_item_pkey" PRIMARY KEY ("product_id","similar_id")
);

-- CreateTable
CREATE TABLE "shoppers"."shopper" (
    "id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shopper_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "similar_item_product_id_score_idx" ON "recs"."similar_item"("product_id", "score" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "shopper_token_hash_key" ON "shoppers"."shopper"("token_hash");
