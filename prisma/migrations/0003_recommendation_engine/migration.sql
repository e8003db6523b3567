-- CreateTable
CREATE TABLE "recs"."interaction" (
    "event_id" UUID NOT NULL,
    "shopper_id" UUID NOT NULL,
    "type" VARCHAR(24) NOT NULL,
    "product_id" UUID,
    "basket_id" UUID,
    "recommendation_id" VARCHAR(64),
    "query" VARCHAR(200),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "interaction_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "recs"."catalog_item" (
    "product_id" UUID NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "brand" VARCHAR(120),
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "category_id" UUID,
    "category_path" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "price" DECIMAL(12,2) NOT NULL,
    "effective_price" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "stock_quantity" INTEGER NOT NULL,
    "dietary_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sustainability_score" INTEGER,
    "carbon_footprint_kg" DECIMAL(8,3),
    "sustainability_labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "store_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_item_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "recs"."store_location" (
    "store_id" UUID NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "store_location_pkey" PRIMARY KEY ("store_id")
);

-- CreateTable
CREATE TABLE "recs"."model_snapshot" (
    "name" VARCHAR(64) NOT NULL,
    "last_event_at" TIMESTAMPTZ(3),
    "data" BYTEA NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_snapshot_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "recs"."intent_record" (
    "id" UUID NOT NULL,
    "shopper_id" UUID,
    "text" VARCHAR(500) NOT NULL,
    "intent" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intent_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "interaction_occurred_at_idx" ON "recs"."interaction"("occurred_at");

-- CreateIndex
CREATE INDEX "interaction_shopper_id_occurred_at_idx" ON "recs"."interaction"("shopper_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interaction_basket_id_idx" ON "recs"."interaction"("basket_id");

-- CreateIndex
CREATE INDEX "intent_record_shopper_id_created_at_idx" ON "recs"."intent_record"("shopper_id", "created_at");
