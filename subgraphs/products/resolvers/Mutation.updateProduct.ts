import { badUserInput, notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { GtinTakenError, SkuTakenError } from '../data/productRepository';
import { toColumns } from '../domain/productChanges';
import { updateProductSchema } from '../domain/productInput';
import type { MutationResolvers } from '../generated/resolvers-types';
import { gtinTaken, skuTaken } from '../writeErrors';

export const updateProduct: MutationResolvers['updateProduct'] = async (_parent, { id, input }, context) => {
  await requireKey(context, 'catalog:write');
  const productId = requireUuid(id);
  const fields = parseInput(updateProductSchema, input, 'input');
  if (fields.categoryId && !(await context.loaders.categoryById.load(fields.categoryId))) {
    throw badUserInput('input.categoryId', 'no category has this id');
  }
  try {
    return await context.writes(async ({ data, events }) => {
      const change = await data.products.update(productId, toColumns(fields));
      if (!change) throw notFound('Product', productId);
      await events.productsUpdated([change]);
      return change.after;
    });
  } catch (error) {
    if (error instanceof SkuTakenError) throw skuTaken();
    if (error instanceof GtinTakenError) throw gtinTaken();
    throw error;
  }
};
