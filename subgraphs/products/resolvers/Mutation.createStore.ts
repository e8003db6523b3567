import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { createStoreSchema } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const createStore: MutationResolvers['createStore'] = async (_parent, { input }, context) => {
  await requireKey(context, 'catalog:write');
  const store = await context.data.stores.create(parseInput(createStoreSchema, input, 'input'));
  await context.events.storeChanged(store, []);
  return store;
};
