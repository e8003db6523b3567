/**
 * The variables that size a recommendations replica (photo readers, the list
 * cache, shopper histories): the deployment files state each, at its default
 * unless tuned, so that an operator finds the line to change.
 */
export const RECOMMENDER_SIZING = [
  'RECS_IMAGE_WORKERS',
  'RECS_IMAGE_QUEUE',
  'RECS_IMAGE_TIMEOUT_MS',
  'RECS_OCR_WORKERS',
  'RECS_OCR_QUEUE',
  'RECS_OCR_TIMEOUT_MS',
  'RECS_CACHE_TTL_SECONDS',
  'RECS_CACHE_SHOP_WIDE_TTL_SECONDS',
  'RECS_CACHE_LOCAL_ENTRIES',
  'RECS_MAX_SHOPPERS',
] as const;
