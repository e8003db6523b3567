import { parseInput } from '../../../platform/validation';
import { addToCartArgs } from '../domain/inputs';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const addToCart: MutationResolvers['addToCart'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const { productId, quantity, recommendationId, ...options } = parseInput(addToCartArgs, args, '');
  return context.carts.addItem(shopper.id, productId, quantity, options, context.loaders.catalogProduct, recommendationId);
};
