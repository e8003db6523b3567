import type { OrderItemResolvers } from '../generated/resolvers-types';

export const OrderItem: OrderItemResolvers = {
  product: (item) => ({ id: item.productId }),
};
