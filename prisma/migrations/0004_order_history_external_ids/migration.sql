-- AlterTable
ALTER TABLE "shoppers"."order" ADD COLUMN     "external_id" VARCHAR(128);

-- AlterTable
ALTER TABLE "shoppers"."shopper" ADD COLUMN     "external_id" VARCHAR(128);

-- CreateIndex
CREATE UNIQUE INDEX "order_external_id_key" ON "shoppers"."order"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "shopper_external_id_key" ON "shoppers"."shopper"("external_id");
