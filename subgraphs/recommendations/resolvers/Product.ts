import { requirePageSize } from '../../../platform/graphql/ids';
import type { ProductResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { cachedList } from './cachedList';

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
    return cachedList(context, ['similar', id, request], (engine) => engine.similarScopes(id), (engine) => engine.similar(id, request));
  },
  frequentlyBoughtTogether: ({ id }, args, context) => {
    const request = { first: toFirst(args.first, 5), filter: toFilter(args.filter), strict: args.strict ?? false };
    return cachedList(context, ['fbt', id, request], (engine) => engine.frequentlyBoughtTogetherScopes(id), (engine) => engine.frequentlyBoughtTogether(id, request));
  },
};
