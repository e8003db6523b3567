import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { requireKey } from '../admin';
import type { MutationResolvers } from '../generated/resolvers-types';

export const archiveProduct: MutationResolvers['archiveProduct'] = async (_parent, { id }, context) => {
  await requireKey(context, 'catalog:write');
  const productId = requireUuid(id);
  return context.writes(async ({ data, events }) => {
    const result = await data.products.archive(productId);
    if (!result) throw notFound('Product', productId);
    if (result.archivedNow) await events.productArchived(result.product);
    return result.product;
  });
};
