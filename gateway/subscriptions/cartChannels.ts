import type { PubSub } from '../../platform/pubsub/pubsub';
import { cartChannel, isCartSignal, type CartSignal } from './cartSignals';

type Listener = (signal: CartSignal) => void;

interface Hub {
  listeners: Set<Listener>;
  subscribed: Promise<() => Promise<void>>;
  /** Payload resolutions of the newest version, by selection: one execution per selection, however many subscribers. */
  resolutions: { version: number; bySelection: Map<string, Promise<unknown>> };
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
          for (const each of [...created.listeners]) each(message);
        }),
        resolutions: { version: -1, bySelection: new Map() },
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
   * Runs `resolve` once per (cart, version, selection key); concurrent and
   * later callers for the same triple share the result. Only the newest
   * version is remembered, so memory stays one entry per live selection.
   */
  resolveOnce<T>(cartId: string, version: number, selectionKey: string, resolve: () => Promise<T>): Promise<T> {
    const hub = this.hubs.get(cartId);
    if (!hub || version < hub.resolutions.version) return resolve();
    if (version > hub.resolutions.version) hub.resolutions = { version, bySelection: new Map() };
    let pending = hub.resolutions.bySelection.get(selectionKey) as Promise<T> | undefined;
    if (!pending) {
      pending = resolve();
      hub.resolutions.bySelection.set(selectionKey, pending);
    }
    return pending;
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
