import { orderPage } from '../domain/history';
import type { QueryResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

export const orders: QueryResolvers['orders'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  return orderPage(context.orders, shopper.id, args);
};
