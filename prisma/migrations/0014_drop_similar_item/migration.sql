-- Contract: recs.similar_item has been neither read nor written since 0010 (content neighbours are
-- computed in memory from the catalog projection, engine/contentNeighbourIndex.ts); it was kept for
-- the release before that one during its rollout, and no running version reads it now.
-- DropTable
DROP TABLE "recs"."similar_item";
