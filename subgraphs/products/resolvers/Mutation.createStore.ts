import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { createStoreSchema } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const createStore: MutationResolvers['createStore'] = async (_parent, { input }, context) => {
  await requireKey(context, 'catalog:write');
  const fields = parseInput(createStoreSchema, input, 'input');
  return context.writes(async ({ data, events }) => {
    const store = await data.stores.create(fields);
    await events.storeChanged(store, []);
    return store;
  });
};
