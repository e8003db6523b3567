import os from 'node:os';
import type { EventBus, Subscription } from '../../../platform/events/eventBus';
import { Streams, type ProductSnapshot } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import type { CartService } from '../domain/cartService';

export const CART_PRICE_SYNC_GROUP = 'users-carts';

/**
 * Keeps the price snapshots of cart lines current from the catalog stream.
 * Stock and archive changes are left to checkout, which asks the catalog
 * again: a line the shopper can no longer buy stays visible until then.
 * Redelivery is harmless: a snapshot equal to the line changes nothing.
 */
export function startCartPriceSync(bus: Pick<EventBus, 'consume'>, carts: CartService, logger: Logger): Promise<Subscription> {
  return bus.consume(
    Streams.catalog,
    CART_PRICE_SYNC_GROUP,
    async (event) => {
      if (event.type !== 'product.price_changed' && event.type !== 'product.updated') return;
      const snapshot = event.payload as ProductSnapshot;
      const changed = await carts.applyCatalogChange(snapshot);
      if (changed > 0) logger.debug({ productId: snapshot.productId, carts: changed }, 'cart prices refreshed');
    },
    {
      consumer: `users-${os.hostname()}-${process.pid}`,
      onError: (error, event) => logger.error({ err: error, eventId: event.id, type: event.type }, 'cart price sync failed'),
    },
  );
}
