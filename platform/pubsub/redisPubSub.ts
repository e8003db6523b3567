import type { Redis } from '../redis';
import { deliverContained, type HandlerErrorListener, type MessageHandler, type PubSub } from './pubsub';

interface ChannelState {
  handlers: Set<MessageHandler>;
  /** The SUBSCRIBE that made this channel live; every handler joining it waits for it. */
  subscribed: Promise<void>;
}

/**
 * One subscriber connection per process, channels reference-counted: the
 * Redis SUBSCRIBE is sent for the first local handler and UNSUBSCRIBE after the last.
 */
export class RedisPubSub implements PubSub {
  private readonly channels = new Map<string, ChannelState>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private failures = 0;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly onHandlerError: HandlerErrorListener = () => undefined,
  ) {
    subscriber.on('message', (prefixed: string, json: string) => {
      const channel = prefixed.slice(this.prefix.length);
      const state = this.channels.get(channel);
      if (!state) return;
      // A throw here would escape ioredis's socket handler and end the process.
      for (const handler of [...state.handlers]) deliverContained(handler, () => JSON.parse(json), (error) => this.failed(error, channel));
    });
  }

  handlerFailures(): number {
    return this.failures;
  }

  private failed(error: unknown, channel: string): void {
    this.failures++;
    try {
      this.onHandlerError(error, channel);
    } catch {
      // The listener is the last line: nothing it throws may escape either.
    }
  }

  async publish(channel: string, message: unknown): Promise<void> {
    // undefined has no JSON text; sent as '' it would make every subscriber's parse throw.
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message) ?? 'null');
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const wrapped: MessageHandler = (message) => handler(message);
    let state = this.channels.get(channel);
    if (!state) {
      const created: ChannelState = {
        handlers: new Set(),
        subscribed: this.serialise(channel, () => this.subscriber.subscribe(this.prefix + channel)),
      };
      // A failed SUBSCRIBE must not leave the channel looking live, or every
      // later subscriber would join it and silently never receive anything.
      created.subscribed.catch(() => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
      });
      this.channels.set(channel, (state = created));
    }
    const own = state;
    own.handlers.add(wrapped);
    try {
      await own.subscribed;
    } catch (error) {
      own.handlers.delete(wrapped);
      throw error;
    }
    return async () => {
      if (!own.handlers.delete(wrapped) || own.handlers.size > 0 || this.channels.get(channel) !== own) return;
      this.channels.delete(channel);
      await this.serialise(channel, async () => {
        // A new handler may have arrived while the previous command was in flight.
        // With Redis gone there is no subscription left to end: stopping (a shutdown) must not fail on it.
        if (!this.channels.has(channel)) await this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
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
