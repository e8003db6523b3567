import type { MutationResolvers } from '../generated/resolvers-types';

export const startSession: MutationResolvers['startSession'] = async (_parent, _args, { shoppers }) => ({
  ...(await shoppers.startSession()),
  merged: false,
});
