import type { QueryResolvers } from '../generated/resolvers-types';

export const productBySku: QueryResolvers['productBySku'] = (_parent, { sku }, { loaders }) =>
  sku.length > 64 ? null : loaders.productBySku.load(sku);
