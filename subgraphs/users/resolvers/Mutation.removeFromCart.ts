import { parseInput } from '../../../platform/validation';
import { removeFromCartArgs } from '../domain/inputs';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const removeFromCart: MutationResolvers['removeFromCart'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const { productId, ...options } = parseInput(removeFromCartArgs, args, '');
  return context.carts.removeItem(shopper.id, productId, options);
};
