import type { QueryResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { experimentList } from './experimentList';

export const popular: QueryResolvers['popular'] = (_parent, args, context) => {
  const request = { first: toFirst(args.first, 10), filter: toFilter(args.filter, { categoryId: args.category }), strict: args.strict ?? false };
  return experimentList(context, { placement: 'POPULAR', productIds: [], request, parts: ['popular', request], scopes: () => [], compute: (engine, r) => engine.popular(r) });
};
