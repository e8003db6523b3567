import { notFound } from '../../../platform/errors';
import { requireUuid } from '../../../platform/graphql/ids';
import { orderView } from '../domain/orderView';
import type { QueryResolvers } from '../generated/resolvers-types';
import { requireShopper } from '../session';

// Someone else's order answers exactly as a missing one: its existence is not revealed.
export const order: QueryResolvers['order'] = async (_parent, args, context) => {
  const shopper = await requireShopper(context);
  const id = requireUuid(args.id);
  const found = await context.orders.findForShopper(shopper.id, id);
  if (!found) throw notFound('Order', id);
  return orderView(found);
};
