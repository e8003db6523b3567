import type { QueryResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const cart: QueryResolvers['cart'] = async (_parent, _args, context) => {
  const shopper = await requireShopper(context);
  return context.carts.view(shopper);
};
