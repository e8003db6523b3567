import type { QueryResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { experimentList } from './experimentList';

export const trending: QueryResolvers['trending'] = (_parent, args, context) => {
  const request = { first: toFirst(args.first, 10), filter: toFilter(args.filter, { categoryId: args.category }), strict: args.strict ?? false };
  return experimentList(context, { placement: 'TRENDING', productIds: [], request, parts: ['trending', request], scopes: () => [], compute: (engine, r) => engine.trending(r) });
};
