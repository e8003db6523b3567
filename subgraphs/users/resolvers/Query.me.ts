import type { QueryResolvers } from '../generated/resolvers-types';

export const me: QueryResolvers['me'] = (_parent, _args, { sessionToken, shoppers }) =>
  sessionToken ? shoppers.findByToken(sessionToken) : null;
