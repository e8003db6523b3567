import type { MessageHandler, PubSub } from './pubsub';

export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<MessageHandler>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Serialise like Redis does, so no subscriber can mutate what another sees.
    // undefined has no JSON text; parsing the missing text would throw in every subscriber.
    const json = JSON.stringify(message) ?? 'null';
    for (const handler of [...handlers]) queueMicrotask(() => handler(JSON.parse(json)));
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

  activeChannels(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
