import { badUserInput } from '../../../platform/errors';
import type { QueryResolvers } from '../generated/resolvers-types';

/** How many SKUs one call may ask for: one SQL statement, a bounded answer. */
export const MAX_SKUS_PER_CALL = 500;

export const productsBySku: QueryResolvers['productsBySku'] = (_parent, { skus }, { loaders }) => {
  if (skus.length > MAX_SKUS_PER_CALL) throw badUserInput('skus', `at most ${MAX_SKUS_PER_CALL} SKUs per call`);
  // A SKU longer than the catalog allows cannot exist; no need to look it up.
  return Promise.all(skus.map((sku) => (sku.length > 64 ? null : loaders.productBySku.load(sku))));
};
