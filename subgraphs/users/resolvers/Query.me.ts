import type { QueryResolvers } from '../generated/resolvers-types';

export const me: QueryResolvers['me'] = (_parent, _args, context) => context.session();
