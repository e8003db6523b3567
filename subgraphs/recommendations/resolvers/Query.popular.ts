import type { QueryResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst } from '../requestArgs';
import { cachedList } from './cachedList';

export const popular: QueryResolvers['popular'] = (_parent, args, context) => {
  const request = { first: toFirst(args.first, 10), filter: toFilter(args.filter, { categoryId: args.category }), strict: args.strict ?? false };
  return cachedList(context, ['popular', request], () => [], (engine) => engine.popular(request));
};
