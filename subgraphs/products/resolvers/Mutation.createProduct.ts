import { badUserInput } from '../../../platform/errors';
import { parseInput } from '../../../platform/validation';
import { requireKey } from '../admin';
import { GtinTakenError, SkuTakenError, type NewProduct } from '../data/productRepository';
import { toColumns } from '../domain/productChanges';
import { createProductSchema } from '../domain/productInput';
import type { MutationResolvers } from '../generated/resolvers-types';
import { gtinTaken, skuTaken } from '../writeErrors';

export const createProduct: MutationResolvers['createProduct'] = async (_parent, { input }, context) => {
  await requireKey(context, 'catalog:write');
  const fields = parseInput(createProductSchema, input, 'input');
  if (fields.categoryId && !(await context.loaders.categoryById.load(fields.categoryId))) {
    throw badUserInput('input.categoryId', 'no category has this id');
  }
  try {
    return await context.writes(async ({ data, events }) => {
      const product = await data.products.create(toColumns(fields) as NewProduct);
      await events.productsCreated([product]);
      return product;
    });
  } catch (error) {
    if (error instanceof SkuTakenError) throw skuTaken();
    if (error instanceof GtinTakenError) throw gtinTaken();
    throw error;
  }
};
