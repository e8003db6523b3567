import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { requireAdmin } from '../admin';
import type { MutationResolvers } from '../generated/resolvers-types';

export const deleteStore: MutationResolvers['deleteStore'] = async (_parent, { id }, context) => {
  await requireAdmin(context);
  const storeId = requireUuid(id);
  const deleted = await context.data.stores.delete(storeId);
  if (!deleted) throw notFound('Store', storeId);
  await context.events.storeChanged(deleted, [], true);
  return storeId;
};
