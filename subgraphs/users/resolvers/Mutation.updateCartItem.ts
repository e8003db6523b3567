import { parseInput } from '../../../platform/validation';
import { updateCartItemArgs } from '../domain/inputs';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const updateCartItem: MutationResolvers['updateCartItem'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const { productId, quantity, ...options } = parseInput(updateCartItemArgs, args, '');
  return context.carts.setQuantity(shopper.id, productId, quantity, options, context.loaders.catalogProduct);
};
