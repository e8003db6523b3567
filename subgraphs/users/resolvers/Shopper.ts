import { eventPage, orderPage } from '../domain/history';
import type { ShopperResolvers } from '../generated/resolvers-types';
import { requireSelf } from '../session';

// `id` and `createdAt` are public, so another subgraph may point at any
// shopper; everything else answers only to that shopper's own session (the
// gateway forwards the client's x-session-token to every subgraph).
export const Shopper: ShopperResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.shopperById.load(id),
  preferences: async (shopper, _args, context) => {
    await requireSelf(context, shopper.id);
    return shopper;
  },
  cart: async (shopper, _args, context) => {
    return context.carts.view(await requireSelf(context, shopper.id));
  },
  orders: async (shopper, args, context) => {
    await requireSelf(context, shopper.id);
    return orderPage(context.orders, shopper.id, args);
  },
  events: async (shopper, args, context) => {
    await requireSelf(context, shopper.id);
    return eventPage(context.interactions, shopper.id, args);
  },
};
