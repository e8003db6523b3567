import type { MutationResolvers } from '../generated/resolvers-types';

export const startSession: MutationResolvers['startSession'] = (_parent, _args, { shoppers }) => shoppers.startSession();
