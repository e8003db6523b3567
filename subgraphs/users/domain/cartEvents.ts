import { outboxEvent, type OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import { budgetAlert } from './budget';
import type { CartView } from './cartView';

/** cart.updated for every new version, and cart.budget_alert when the change pushed the cart into NEAR or OVER. */
export function cartChangeEvents(before: CartView, after: CartView): OutboxEvent[] {
  if (after.version === before.version) return [];
  const events: OutboxEvent[] = [
      outboxEvent('carts', 'cart.updated', after.id, {
        cartId: after.id,
        shopperId: after.shopperId,
        version: after.version,
        items: after.items.map(({ productId, quantity, unitPrice }) => ({ productId, quantity, unitPrice })),
        total: after.total,
        budgetStatus: after.budget.status,
      }),
  ];
  const alert = budgetAlert(before.budget.status, after.budget.status);
  if (alert && after.budget.limit !== null) {
    const budgetLimit = after.budget.limit;
    events.push(
      outboxEvent('carts', 'cart.budget_alert', after.id, {
        cartId: after.id,
        shopperId: after.shopperId,
        budgetStatus: alert,
        total: after.total,
        budgetLimit,
      }),
    );
  }
  return events;
}
