import { LRUCache } from 'lru-cache';
import type { BusEvent, EventBus, Subscription } from '../../platform/events/eventBus';
import { Streams, type CartEvents } from '../../platform/events/topics';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import { cartChannel, type CartSignal } from './cartSignals';

/** Every gateway replica joins this one group, so each event is republished once and fans out to all replicas. */
export const BRIDGE_GROUP = 'gateway-subscriptions';

function signalOf(event: BusEvent): CartSignal | undefined {
  if (event.type === 'cart.updated') {
    const { cartId, shopperId, version } = event.payload as CartEvents['cart.updated'];
    return { kind: 'updated', cartId, shopperId, version };
  }
  if (event.type === 'cart.budget_alert') {
    const { cartId, shopperId, budgetStatus, total, budgetLimit } = event.payload as CartEvents['cart.budget_alert'];
    return { kind: 'budget_alert', cartId, shopperId, status: budgetStatus, total, budgetLimit };
  }
  return undefined;
}

/** Durable cart stream → per-cart pub/sub channels. */
export async function startCartEventBridge(events: Pick<EventBus, 'consume'>, pubsub: PubSub, logger: Logger, consumer: string): Promise<Subscription> {
  // Delivery is at-least-once (the outbox relay may publish an event again after a crash): a
  // re-delivery seen lately is not pushed twice. Bounded; an older duplicate only repeats a
  // harmless signal (same cart version).
  const recent = new LRUCache<string, true>({ max: 10_000 });
  return events.consume(
    Streams.carts,
    BRIDGE_GROUP,
    async (event) => {
      if (recent.has(event.eventId)) return;
      const signal = signalOf(event);
      if (signal) await pubsub.publish(cartChannel(signal.cartId), signal);
      recent.set(event.eventId, true);
    },
    { consumer, onError: (error, event) => logger.warn({ err: error, eventId: event.id }, 'cart event not republished; will retry') },
  );
}
