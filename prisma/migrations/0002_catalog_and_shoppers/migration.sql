-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "access";

-- AlterTable
ALTER TABLE "catalog"."product" ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "brand" VARCHAR(120),
ADD COLUMN     "carbon_footprint_kg" DECIMAL(8,3),
ADD COLUMN     "category_id" UUID,
ADD COLUMN     "description" VARCHAR(5000) NOT NULL DEFAULT '',
ADD COLUMN     "dietary_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "discount_percent" DECIMAL(5,2),
ADD COLUMN     "images" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "nutrition" JSONB,
ADD COLUMN     "rating" DECIMAL(2,1),
ADD COLUMN     "rating_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "search_vector" tsvector,
ADD COLUMN     "sku" VARCHAR(64),
ADD COLUMN     "stock_quantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sustainability_labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sustainability_score" INTEGER,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "shoppers"."shopper" ADD COLUMN     "budget_limit" DECIMAL(12,2),
ADD COLUMN     "city" VARCHAR(120),
ADD COLUMN     "dietary_restrictions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "favourite_category_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "sustainability_preference" VARCHAR(16) NOT NULL DEFAULT 'NONE',
ADD COLUMN     "synthetic" BOOLEAN NOT NULL DEFAULT false;

-- Existing products get their id as sku, then sku becomes required.
UPDATE "catalog"."product" SET "sku" = "id"::text WHERE "sku" IS NULL;
ALTER TABLE "catalog"."product" ALTER COLUMN "sku" SET NOT NULL;

-- CreateTable
CREATE TABLE "access"."api_key" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "roles" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."category" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "parent_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."store" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "city" VARCHAR(120) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."store_product" (
    "store_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,

    CONSTRAINT "store_product_pkey" PRIMARY KEY ("store_id","product_id")
);

-- CreateTable
CREATE TABLE "shoppers"."cart" (
    "id" UUID NOT NULL,
    "shopper_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shoppers"."cart_item" (
    "cart_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,
    "list_price" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sustainability_score" INTEGER,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_item_pkey" PRIMARY KEY ("cart_id","product_id")
);

-- CreateTable
CREATE TABLE "shoppers"."order" (
    "id" UUID NOT NULL,
    "shopper_id" UUID NOT NULL,
    "status" VARCHAR(16) NOT NULL DEFAULT 'PLACED',
    "subtotal" DECIMAL(12,2) NOT NULL,
    "discount" DECIMAL(12,2) NOT NULL,
    "total" DECIMAL(12,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shoppers"."order_item" (
    "order_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "order_item_pkey" PRIMARY KEY ("order_id","product_id")
);

-- CreateTable
CREATE TABLE "shoppers"."interaction_event" (
    "id" UUID NOT NULL,
    "shopper_id" UUID NOT NULL,
    "type" VARCHAR(24) NOT NULL,
    "product_id" UUID,
    "query" VARCHAR(200),
    "recommendation_id" VARCHAR(64),
    "basket_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interaction_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shoppers"."idempotency_record" (
    "shopper_id" UUID NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("shopper_id","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_key_hash_key" ON "access"."api_key"("key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "category_slug_key" ON "catalog"."category"("slug");

-- CreateIndex
CREATE INDEX "category_parent_id_idx" ON "catalog"."category"("parent_id");

-- CreateIndex
CREATE INDEX "store_latitude_longitude_idx" ON "catalog"."store"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "store_product_product_id_idx" ON "catalog"."store_product"("product_id");

-- CreateIndex
CREATE UNIQUE INDEX "cart_shopper_id_key" ON "shoppers"."cart"("shopper_id");

-- CreateIndex
CREATE INDEX "cart_item_product_id_idx" ON "shoppers"."cart_item"("product_id");

-- CreateIndex
CREATE INDEX "order_shopper_id_created_at_idx" ON "shoppers"."order"("shopper_id", "created_at");

-- CreateIndex
CREATE INDEX "order_item_product_id_idx" ON "shoppers"."order_item"("product_id");

-- CreateIndex
CREATE INDEX "interaction_event_shopper_id_occurred_at_idx" ON "shoppers"."interaction_event"("shopper_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interaction_event_product_id_occurred_at_idx" ON "shoppers"."interaction_event"("product_id", "occurred_at");

-- CreateIndex
CREATE INDEX "interaction_event_type_occurred_at_idx" ON "shoppers"."interaction_event"("type", "occurred_at");

-- CreateIndex
CREATE INDEX "idempotency_record_created_at_idx" ON "shoppers"."idempotency_record"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "product_sku_key" ON "catalog"."product"("sku");

-- CreateIndex
CREATE INDEX "product_category_id_idx" ON "catalog"."product"("category_id");

-- CreateIndex
CREATE INDEX "product_price_idx" ON "catalog"."product"("price");

-- CreateIndex
CREATE INDEX "product_created_at_idx" ON "catalog"."product"("created_at");

-- CreateIndex
CREATE INDEX "product_sustainability_score_idx" ON "catalog"."product"("sustainability_score");

-- CreateIndex
CREATE INDEX "product_search_vector_idx" ON "catalog"."product" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "product_dietary_tags_idx" ON "catalog"."product" USING GIN ("dietary_tags");

-- AddForeignKey
ALTER TABLE "catalog"."category" ADD CONSTRAINT "category_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "catalog"."category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."product" ADD CONSTRAINT "product_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "catalog"."category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."store_product" ADD CONSTRAINT "store_product_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "catalog"."store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."store_product" ADD CONSTRAINT "store_product_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "catalog"."product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shoppers"."cart" ADD CONSTRAINT "cart_shopper_id_fkey" FOREIGN KEY ("shopper_id") REFERENCES "shoppers"."shopper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shoppers"."cart_item" ADD CONSTRAINT "cart_item_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "shoppers"."cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shoppers"."order" ADD CONSTRAINT "order_shopper_id_fkey" FOREIGN KEY ("shopper_id") REFERENCES "shoppers"."shopper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shoppers"."order_item" ADD CONSTRAINT "order_item_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "shoppers"."order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shoppers"."interaction_event" ADD CONSTRAINT "interaction_event_shopper_id_fkey" FOREIGN KEY ("shopper_id") REFERENCES "shoppers"."shopper"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search: the document is rebuilt by the database itself on every
-- write, so no code path can forget it. Name weighs most, then brand and tags.
CREATE FUNCTION "catalog"."product_search_vector_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."brand", '') || ' ' || array_to_string(coalesce(NEW."tags", ARRAY[]::text[]), ' ')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER "product_search_vector"
BEFORE INSERT OR UPDATE OF "name", "brand", "tags", "description" ON "catalog"."product"
FOR EACH ROW EXECUTE FUNCTION "catalog"."product_search_vector_update"();

UPDATE "catalog"."product" SET "name" = "name";

-- Invariants the database enforces whatever the caller.
ALTER TABLE "catalog"."product"
  ADD CONSTRAINT "product_price_non_negative" CHECK ("price" >= 0),
  ADD CONSTRAINT "product_discount_range" CHECK ("discount_percent" IS NULL OR ("discount_percent" >= 0 AND "discount_percent" <= 100)),
  ADD CONSTRAINT "product_stock_non_negative" CHECK ("stock_quantity" >= 0),
  ADD CONSTRAINT "product_sustainability_range" CHECK ("sustainability_score" IS NULL OR ("sustainability_score" BETWEEN 0 AND 100)),
  ADD CONSTRAINT "product_rating_range" CHECK ("rating" IS NULL OR ("rating" BETWEEN 0 AND 5));
ALTER TABLE "shoppers"."cart_item" ADD CONSTRAINT "cart_item_quantity_range" CHECK ("quantity" BETWEEN 1 AND 999);
ALTER TABLE "shoppers"."order_item" ADD CONSTRAINT "order_item_quantity_positive" CHECK ("quantity" >= 1);
ALTER TABLE "shoppers"."shopper" ADD CONSTRAINT "shopper_budget_non_negative" CHECK ("budget_limit" IS NULL OR "budget_limit" >= 0);
