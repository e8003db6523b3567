import { parseInput } from '../../../platform/validation';
import { cartOptionsArgs } from '../domain/inputs';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const clearCart: MutationResolvers['clearCart'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  return context.carts.clear(shopper.id, parseInput(cartOptionsArgs, args, ''));
};
