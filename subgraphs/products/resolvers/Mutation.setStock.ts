import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { stockQuantity } from '../domain/productInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const setStock: MutationResolvers['setStock'] = async (_parent, { id, quantity }, context) => {
  await requireKey(context, 'stock:write');
  const productId = requireUuid(id);
  const patch = { stockQuantity: parseInput(stockQuantity, quantity, 'quantity') };
  return context.writes(async ({ data, events }) => {
    const change = await data.products.update(productId, patch);
    if (!change) throw notFound('Product', productId);
    await events.productsUpdated([change]);
    return change.after;
  });
};
