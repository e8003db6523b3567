import { notFound } from '../../../platform/errors';
import { requirePageSize } from '../../../platform/graphql/ids';
import type { RecommendationsContext } from '../context';
import type { CatalogFacts } from '../engine/catalogProjection';
import type { ProductResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { cachedList } from './cachedList';
import { experimentList } from './experimentList';

export const Product: ProductResolvers = {
  // Recommendations own no product data: a reference is all they need.
  __resolveReference: ({ id }) => ({ id }),
  // Provided on the lists (@provides): the catalog projection's copy, as fresh as the catalog events it has applied.
  name: ({ id }, _args, context) => projected(context, id).name,
  price: ({ id }, _args, context) => projected(context, id).price,
  effectivePrice: ({ id }, _args, context) => projected(context, id).effectivePrice,
  currency: ({ id }, _args, context) => projected(context, id).currency,
  // The plain list of similarItems: the same engine call (the same formula and blend,
  // the default filter), strict, so it never pads a short list with popular items.
  // `similar(first: n)` is then the ids of `similarItems(first: n, strict: true)` —
  // outside an experiment on SIMILAR_ITEMS, whose variants only similarItems serves
  // (this list carries no recommendation ids to attribute). A fee, deposit or gift
  // card is never listed (the engine refuses them).
  similar: async ({ id }, { first }, context) => {
    const request = { first: requirePageSize(first, 'first', 5, 50), filter: toFilter(undefined), strict: true };
    const list = await cachedList(context, ['similar', id, request], (engine) => engine.similarScopes(id), (engine) => engine.similar(id, request));
    return list.items.map((item) => ({ id: item.productId }));
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

/** Every product a list names is in the projection (the engine ranks from it); one that is not is as missing as the products subgraph would find it. */
function projected(context: RecommendationsContext, productId: string): CatalogFacts {
  const facts = context.host.engine.catalog.byId(productId);
  if (!facts) throw notFound('Product', productId);
  return facts;
}
