import type { CartResolvers } from '../generated/resolvers-types';
import { toFilter, toFirst, toShopperContext } from '../requestArgs';
import { experimentList } from './experimentList';

export const Cart: CartResolvers = {
  // The representation carries the cart's items, budget and the owner's
  // preferences, fetched by the gateway from the users subgraph (@requires).
  __resolveReference: (cart) => cart,
  suggestions: (cart, args, context) => {
    const productIds = (cart.items ?? []).map((item) => item.product.id);
    const request = {
      first: toFirst(args.first, 5),
      filter: toFilter(args.filter),
      strict: args.strict ?? false,
      shopper: toShopperContext(cart.shopper?.preferences, cart.budget?.remaining),
    };
    return experimentList(context, {
      placement: 'CART_SUGGESTIONS',
      productIds,
      shopperId: cart.shopper?.id,
      request,
      parts: ['cart', productIds, request],
      scopes: (engine) => engine.cartScopes(productIds, request.shopper),
      compute: (engine, r) => engine.cartSuggestions(productIds, r),
    });
  },
};
