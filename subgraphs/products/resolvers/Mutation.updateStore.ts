import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { updateStoreSchema } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const updateStore: MutationResolvers['updateStore'] = async (_parent, { id, input }, context) => {
  await requireKey(context, 'catalog:write');
  const storeId = requireUuid(id);
  const fields = parseInput(updateStoreSchema, input, 'input');
  return context.writes(async ({ data, events }) => {
    const store = await data.stores.update(storeId, fields);
    if (!store) throw notFound('Store', storeId);
    await events.storeChanged(store, await data.stores.productIdsOf(store.id));
    return store;
  });
};
