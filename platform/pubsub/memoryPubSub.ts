import { deliverContained, type HandlerErrorListener, type MessageHandler, type PubSub } from './pubsub';

export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private failures = 0;

  constructor(private readonly onHandlerError: HandlerErrorListener = () => undefined) {}

  handlerFailures(): number {
    return this.failures;
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Serialise like Redis does, so no subscriber can mutate what another sees.
    // undefined has no JSON text; parsing the missing text would throw in every subscriber.
    const json = JSON.stringify(message) ?? 'null';
    // A throw in a microtask would be an uncaught exception: contained, like on Redis.
    for (const handler of [...handlers]) queueMicrotask(() => deliverContained(handler, () => JSON.parse(json), (error) => this.failed(error, channel)));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    const wrapped: MessageHandler = (message) => handler(message);
    handlers.add(wrapped);
    return async () => {
      handlers.delete(wrapped);
      if (handlers.size === 0 && this.channels.get(channel) === handlers) this.channels.delete(channel);
    };
  }

  private failed(error: unknown, channel: string): void {
    this.failures++;
    try {
      this.onHandlerError(error, channel);
    } catch {
      // The listener is the last line: nothing it throws may escape either.
    }
  }

  activeChannels(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
