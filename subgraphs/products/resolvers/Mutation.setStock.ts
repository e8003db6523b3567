import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { stockQuantity } from '../domain/productInput';
import type { MutationResolvers } from '../generated/resolvers-types';

export const setStock: MutationResolvers['setStock'] = async (_parent, { id, quantity }, context) => {
  await requireKey(context, 'stock:write');
  const productId = requireUuid(id);
  const change = await context.data.products.update(productId, { stockQuantity: parseInput(stockQuantity, quantity, 'quantity') });
  if (!change) throw notFound('Product', productId);
  await context.events.productsUpdated([change]);
  return change.after;
};
