import { requirePageSize } from '../../../platform/graphql/ids';
import type { ProductResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { experimentList } from './experimentList';

export const Product: ProductResolvers = {
  // Recommendations own no product data: a reference is all they need.
  __resolveReference: ({ id }) => ({ id }),
  // The stored content neighbours (seeded, refreshed by training): a plain list.
  similar: async ({ id }, { first }, { loaders }) => {
    const ids = await loaders.similarIds(requirePageSize(first, 'first', 5, 50)).load(id);
    return ids.map((similarId) => ({ id: similarId }));
  },
  similarItems: ({ id }, args, context) => {
    const request = { first: toFirst(args.first, 5), filter: toFilter(args.filter), strict: args.strict ?? false };
    return experimentList(context, {
      placement: 'SIMILAR_ITEMS',
      productIds: [id],
      request,
      parts: ['similar', id, request],
      scopes: (engine) => engine.similarScopes(id),
      compute: (engine, r) => engine.similar(id, r),
    });
  },
  frequentlyBoughtTogether: ({ id }, args, context) => {
    const request = { first: toFirst(args.first, 5), filter: toFilter(args.filter), strict: args.strict ?? false };
    return experimentList(context, {
      placement: 'FREQUENTLY_BOUGHT_TOGETHER',
      productIds: [id],
      request,
      parts: ['fbt', id, request],
      scopes: (engine) => engine.frequentlyBoughtTogetherScopes(id),
      compute: (engine, r) => engine.frequentlyBoughtTogether(id, r),
    });
  },
};
