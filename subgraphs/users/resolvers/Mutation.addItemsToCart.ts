import { parseInput } from '../../../platform/validation';
import { addItemsToCartArgs } from '../domain/inputs';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const addItemsToCart: MutationResolvers['addItemsToCart'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const { items, ...options } = parseInput(addItemsToCartArgs, args, '');
  return context.carts.addItems(shopper.id, items, options, context.loaders.catalogProduct);
};
