import type { QueryResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { cachedList } from './cachedList';

export const trending: QueryResolvers['trending'] = (_parent, args, context) => {
  const request = { first: toFirst(args.first, 10), filter: toFilter(args.filter, { categoryId: args.category }), strict: args.strict ?? false };
  return cachedList(context, ['trending', request], () => [], (engine) => engine.trending(request));
};
