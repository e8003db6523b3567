import { parseInput } from '../../../platform/validation';
import type { InteractionEvent, InteractionRepository } from '../data/interactionRepository';
import type { OrderRepository } from '../data/orderRepository';
import { pageArgs } from './inputs';
import { orderView, type OrderView } from './orderView';
import { decodeCursor, toPage, type Page } from './page';

export async function orderPage(orders: OrderRepository, shopperId: string, args: { first?: number | null; after?: string | null }): Promise<Page<OrderView>> {
  const { first, after } = parseInput(pageArgs, args, '');
  const rows = await orders.listForShopper(shopperId, first + 1, decodeCursor(after));
  return toPage(rows.map(orderView), first, (order) => ({ at: new Date(order.createdAt), id: order.id }));
}

export async function eventPage(
  interactions: InteractionRepository,
  shopperId: string,
  args: { first?: number | null; after?: string | null; type?: string | null },
): Promise<Page<InteractionEvent>> {
  const { first, after } = parseInput(pageArgs, args, '');
  const rows = await interactions.listForShopper(shopperId, first + 1, decodeCursor(after), args.type ?? undefined);
  return toPage(rows, first, (event) => ({ at: event.occurredAt, id: event.id }));
}
