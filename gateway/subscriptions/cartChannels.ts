import type { PubSub } from '../../platform/pubsub/pubsub';
import { cartChannel, isCartSignal, type CartSignal } from './cartSignals';

type Listener = (signal: CartSignal) => void;

interface Hub {
  listeners: Set<Listener>;
  subscribed: Promise<() => Promise<void>>;
  /** Counts the cart's changes seen since the channel went live. */
  generation: number;
  /** The newest resolution of each selection, with the generation it started in. */
  resolutions: Map<string, { generation: number; result: Promise<unknown> }>;
}

/**
 * The process's cart channels: one pub/sub subscription per cart however many
 * local subscribers watch it, dropped with the last of them.
 */
export class CartChannels {
  private readonly hubs = new Map<string, Hub>();

  constructor(private readonly pubsub: PubSub) {}

  /** Resolves once signals flow; call the result to leave. */
  async join(cartId: string, listener: Listener): Promise<() => Promise<void>> {
    let hub = this.hubs.get(cartId);
    if (!hub) {
      const created: Hub = {
        listeners: new Set(),
        subscribed: this.pubsub.subscribe(cartChannel(cartId), (message) => {
          if (!isCartSignal(message)) return;
          if (message.kind === 'updated') created.generation++;
          for (const each of [...created.listeners]) each(message);
        }),
        generation: 0,
        resolutions: new Map(),
      };
      created.subscribed.catch(() => {
        if (this.hubs.get(cartId) === created) this.hubs.delete(cartId);
      });
      this.hubs.set(cartId, (hub = created));
    }
    const own = hub;
    own.listeners.add(listener);
    let unsubscribe: () => Promise<void>;
    try {
      unsubscribe = await own.subscribed;
    } catch (error) {
      own.listeners.delete(listener);
      throw error;
    }
    let left = false;
    return async () => {
      if (left) return;
      left = true;
      own.listeners.delete(listener);
      if (own.listeners.size > 0) return;
      if (this.hubs.get(cartId) === own) this.hubs.delete(cartId);
      await unsubscribe();
    };
  }

  /**
   * The cart as `resolve` sees it now, shared by every subscriber of the cart
   * with the same selection key: a resolution started after the channel went
   * live stays current until the cart's next change arrives on the channel
   * (any later change would have been signalled), so one execution serves a
   * burst of new subscribers and all the subscribers of one change.
   */
  resolveCurrent<T>(cartId: string, selectionKey: string, resolve: () => Promise<T>): Promise<T> {
    const hub = this.hubs.get(cartId);
    if (!hub) return resolve();
    const known = hub.resolutions.get(selectionKey);
    if (known && known.generation === hub.generation) return known.result as Promise<T>;
    const result = resolve();
    hub.resolutions.set(selectionKey, { generation: hub.generation, result });
    // A failure is not shared with subscribers who arrive later.
    result.catch(() => {
      if (hub.resolutions.get(selectionKey)?.result === result) hub.resolutions.delete(selectionKey);
    });
    return result;
  }

  /** Carts with at least one local subscriber. */
  size(): number {
    return this.hubs.size;
  }

  /** Local subscribers over all carts. */
  listenerCount(): number {
    let count = 0;
    for (const hub of this.hubs.values()) count += hub.listeners.size;
    return count;
  }
}
