-- AlterTable
ALTER TABLE "recs"."catalog_item" ADD COLUMN     "gtin" CHAR(14);
