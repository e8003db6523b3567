import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { requireKey } from '../admin';
import type { MutationResolvers } from '../generated/resolvers-types';

export const deleteStore: MutationResolvers['deleteStore'] = async (_parent, { id }, context) => {
  await requireKey(context, 'catalog:delete');
  const storeId = requireUuid(id);
  await context.writes(async ({ data, events }) => {
    const deleted = await data.stores.delete(storeId);
    if (!deleted) throw notFound('Store', storeId);
    await events.storeChanged(deleted, [], true);
  });
  return storeId;
};
