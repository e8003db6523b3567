import type { EventBus, Subscription } from '../../../platform/events/eventBus';
import { streamIdBefore } from '../../../platform/events/streamIds';
import { Streams } from '../../../platform/events/topics';
import type { Logger } from '../../../platform/logger';
import type { ProductEntityCache } from './productEntityCache';

/**
 * Keeps a replica's product cache in step with every catalog change, its
 * own and other replicas' (and CLI imports'): each product event drops that
 * product, a category change (which may re-parent products) drops them all.
 * A follower, not a consumer group: every replica must see every event, and
 * nothing is left on the bus when it goes away. Events from before it started
 * are skipped (the cache started empty).
 */
export function followCatalogInvalidations(events: EventBus, cache: ProductEntityCache, logger: Logger): Promise<Subscription> {
  return events.follow(
    Streams.catalog,
    async (event) => {
      if (event.type.startsWith('product.')) {
        const { productId } = event.payload as { productId?: string };
        if (productId) cache.invalidate(productId);
        else cache.clear();
      } else if (event.type === 'category.changed') cache.clear();
    },
    {
      after: streamIdBefore(Date.now()),
      onError: (error) => logger.warn({ err: error }, 'product cache invalidation failed; the cache is cleared'),
      // While the stream cannot be read, changes may be missed: the cache's time limit bounds them.
      onStateChange: (status) => {
        if (status.state === 'retrying') cache.clear();
      },
    },
  );
}
