-- AlterTable
ALTER TABLE "catalog"."product" ADD COLUMN     "gtin" CHAR(14);

-- CreateIndex
CREATE UNIQUE INDEX "product_gtin_key" ON "catalog"."product"("gtin");
