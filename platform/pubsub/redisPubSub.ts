import type { Redis } from '../redis';
import type { MessageHandler, PubSub } from './pubsub';

/**
 * One subscriber connection per process, channels reference-counted: the
 * Redis SUBSCRIBE is sent for the first local handler and UNSUBSCRIBE after the last.
 */
export class RedisPubSub implements PubSub {
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, json: string) => {
      const handlers = this.channels.get(channel.slice(this.prefix.length));
      if (!handlers) return;
      for (const handler of [...handlers]) handler(JSON.parse(json));
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    const wrapped: MessageHandler = (message) => handler(message);
    if (!handlers) {
      this.channels.set(channel, (handlers = new Set([wrapped])));
      await this.serialise(channel, () => this.subscriber.subscribe(this.prefix + channel));
    } else {
      handlers.add(wrapped);
      await this.pending.get(channel);
    }
    const own = handlers;
    return async () => {
      if (!own.delete(wrapped) || own.size > 0 || this.channels.get(channel) !== own) return;
      this.channels.delete(channel);
      await this.serialise(channel, async () => {
        // A new handler may have arrived while the previous command was in flight.
        if (!this.channels.has(channel)) await this.subscriber.unsubscribe(this.prefix + channel);
      });
    };
  }

  activeChannels(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.channels.clear();
    await Promise.allSettled(this.pending.values());
  }

  /** SUBSCRIBE and UNSUBSCRIBE for one channel must reach Redis in order. */
  private async serialise(channel: string, command: () => Promise<unknown>): Promise<void> {
    const previous = this.pending.get(channel) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(command);
    this.pending.set(channel, next);
    try {
      await next;
    } finally {
      if (this.pending.get(channel) === next) this.pending.delete(channel);
    }
  }
}
