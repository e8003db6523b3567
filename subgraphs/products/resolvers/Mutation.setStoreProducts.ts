import { badUserInput, notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { storeProductIds } from '../domain/placeInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const setStoreProducts: MutationResolvers['setStoreProducts'] = async (_parent, { storeId, productIds }, context) => {
  await requireKey(context, 'catalog:write');
  const id = requireUuid(storeId, 'storeId');
  const ids = parseInput(storeProductIds, productIds, 'productIds');
  return context.writes(async ({ data, events }) => {
    const { store, unknownProductIds } = await data.stores.setProducts(id, ids);
    if (!store) throw notFound('Store', id);
    if (unknownProductIds.length > 0) {
      const unknown = unknownProductIds[0]!;
      throw badUserInput(`productIds.${productIds.findIndex((given) => given.toLowerCase() === unknown)}`, `no product has the id ${unknown}`);
    }
    await events.storeChanged(store, ids);
    return store;
  });
};
