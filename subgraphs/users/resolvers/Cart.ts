import { notFound } from '../../../platform/errors';
import type { CartResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const Cart: CartResolvers = {
  // Another subgraph pointing at a cart gets it only for the cart's own
  // session; any other cart id looks exactly like one that does not exist.
  __resolveReference: async ({ id }, context) => {
    const shopper = await requireShopper(context);
    const cart = await context.carts.view(shopper);
    if (cart.id !== id) throw notFound('Cart', id);
    return cart;
  },
  shopper: (cart, _args, { loaders }) => loaders.shopperById.load(cart.shopperId).then((s) => s!),
};
