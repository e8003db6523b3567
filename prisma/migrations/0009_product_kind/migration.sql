-- AlterTable
ALTER TABLE "catalog"."product" ADD COLUMN     "kind" VARCHAR(16) NOT NULL DEFAULT 'MERCHANDISE';

-- AlterTable
ALTER TABLE "recs"."catalog_item" ADD COLUMN     "kind" VARCHAR(16) NOT NULL DEFAULT 'MERCHANDISE';
