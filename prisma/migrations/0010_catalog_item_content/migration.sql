-- Content similarity reads a product's description and nutrition from the projection. Expand only:
-- rows projected before this read '' and no nutrition until the product's next catalog event.
-- recs.similar_item is no longer used but stays for the release before this one (dropped later).
-- AlterTable
ALTER TABLE "recs"."catalog_item" ADD COLUMN     "description" VARCHAR(5000) NOT NULL DEFAULT '',
ADD COLUMN     "nutrition" JSONB;
