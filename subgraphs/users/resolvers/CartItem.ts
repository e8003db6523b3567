import type { CartItemResolvers } from '../generated/resolvers-types';

export const CartItem: CartItemResolvers = {
  product: (item) => ({ id: item.productId }),
};
