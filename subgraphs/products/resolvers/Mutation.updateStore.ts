import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { updateStoreSchema } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const updateStore: MutationResolvers['updateStore'] = async (_parent, { id, input }, context) => {
  await requireKey(context, 'catalog:write');
  const storeId = requireUuid(id);
  const store = await context.data.stores.update(storeId, parseInput(updateStoreSchema, input, 'input'));
  if (!store) throw notFound('Store', storeId);
  await context.events.storeChanged(store, await context.data.stores.productIdsOf(store.id));
  return store;
};
