import crypto from 'node:crypto';
import type { BusEvent, ConsumeOptions, EventBus, EventHandler, FollowOptions, GroupInfo, PublishEnvelope, StreamBounds, Subscription } from './eventBus';
import { compareStreamIds } from './streamIds';

/** An event as stored: the payload kept as JSON, as on a Redis stream. */
interface StoredEvent extends Omit<BusEvent, 'payload'> {
  payloadJson: string;
}

interface Group {
  /** Index into the stream's log of the next event never yet delivered. */
  next: number;
  /** Delivered but not acknowledged, by event id, with the time of delivery. */
  pending: Map<string, { event: StoredEvent; deliveredAt: number; consumer: string }>;
  /** Members by name, with when each last read. */
  consumers: Map<string, number>;
}

interface Stream {
  log: StoredEvent[];
  groups: Map<string, Group>;
  wake: Set<() => void>;
}

/** The in-process bus of the embedded mode; same contract as the Redis Streams bus. */
export class MemoryEventBus implements EventBus {
  private readonly streams = new Map<string, Stream>();
  private sequence = 0;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly maxLength = 100_000) {}

  async publish(streamName: string, type: string, payload: unknown, envelope: PublishEnvelope = {}): Promise<string> {
    const stream = this.stream(streamName);
    const event: StoredEvent = {
      id: `${Date.now()}-${++this.sequence}`,
      eventId: envelope.eventId ?? crypto.randomUUID(),
      type,
      // undefined has no JSON text; the Redis bus stores null for it too.
      payloadJson: JSON.stringify(payload) ?? 'null',
      occurredAt: envelope.occurredAt ?? new Date().toISOString(),
    };
    stream.log.push(event);
    if (stream.log.length > this.maxLength) {
      const dropped = stream.log.length - this.maxLength;
      stream.log.splice(0, dropped);
      for (const group of stream.groups.values()) group.next = Math.max(0, group.next - dropped);
    }
    for (const wake of [...stream.wake]) wake();
    return event.id;
  }

  async consume(streamName: string, groupName: string, handler: EventHandler, options: ConsumeOptions): Promise<Subscription> {
    const stream = this.stream(streamName);
    let group = stream.groups.get(groupName);
    if (!group) stream.groups.set(groupName, (group = { next: 0, pending: new Map(), consumers: new Map() }));
    const batchSize = options.batchSize ?? 100;
    const redeliverAfterMs = options.redeliverAfterMs ?? 30_000;
    const g = group;
    let running = true;
    let wakeUp: (() => void) | undefined;

    const take = (): StoredEvent[] => {
      const now = Date.now();
      g.consumers.set(options.consumer, now);
      const batch: StoredEvent[] = [];
      for (const entry of g.pending.values()) {
        if (batch.length >= batchSize) break;
        if (now - entry.deliveredAt >= redeliverAfterMs) {
          entry.deliveredAt = now;
          entry.consumer = options.consumer;
          batch.push(entry.event);
        }
      }
      while (batch.length < batchSize && g.next < stream.log.length) {
        const event = stream.log[g.next++]!;
        g.pending.set(event.id, { event, deliveredAt: now, consumer: options.consumer });
        batch.push(event);
      }
      return batch;
    };

    const loop = (async () => {
      while (running) {
        const batch = take();
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, Math.min(redeliverAfterMs, 1000));
            function done() {
              clearTimeout(timer);
              stream.wake.delete(done);
              wakeUp = undefined;
              resolve();
            }
            wakeUp = done;
            stream.wake.add(done);
          });
          continue;
        }
        for (const stored of batch) {
          if (!running) break;
          // Decoded per delivery: a handler that mutates its event must not
          // change what other groups, or a redelivery, are handed.
          const { payloadJson, ...rest } = stored;
          const event: BusEvent = { ...rest, payload: JSON.parse(payloadJson) };
          try {
            await handler(event);
            g.pending.delete(event.id);
          } catch (error) {
            options.onError?.(error, event);
          }
        }
      }
    })();

    const subscription: Subscription = {
      stop: async () => {
        running = false;
        wakeUp?.();
        await loop;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async follow(streamName: string, handler: EventHandler, options: FollowOptions): Promise<Subscription> {
    const stream = this.stream(streamName);
    const batchSize = options.batchSize ?? 500;
    let after = options.after;
    let running = true;
    let wakeUp: (() => void) | undefined;

    // Positions are ids, not indexes: trimming moves indexes, never ids.
    const take = (): StoredEvent[] => {
      let lo = 0;
      let hi = stream.log.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareStreamIds(stream.log[mid]!.id, after) <= 0) lo = mid + 1;
        else hi = mid;
      }
      return stream.log.slice(lo, lo + batchSize);
    };

    const loop = (async () => {
      while (running) {
        const batch = take();
        if (batch.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, 1000);
            function done() {
              clearTimeout(timer);
              stream.wake.delete(done);
              wakeUp = undefined;
              resolve();
            }
            wakeUp = done;
            stream.wake.add(done);
          });
          continue;
        }
        for (const stored of batch) {
          if (!running) break;
          const { payloadJson, ...rest } = stored;
          const event: BusEvent = { ...rest, payload: JSON.parse(payloadJson) };
          try {
            await handler(event);
          } catch (error) {
            options.onError?.(error, event);
          }
          after = event.id;
        }
      }
    })();

    const subscription: Subscription = {
      stop: async () => {
        running = false;
        wakeUp?.();
        await loop;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async bounds(streamName: string): Promise<StreamBounds> {
    const log = this.streams.get(streamName)?.log ?? [];
    return { first: log[0]?.id ?? null, last: log[log.length - 1]?.id ?? null };
  }

  async contains(streamName: string, id: string): Promise<boolean> {
    return (this.streams.get(streamName)?.log ?? []).some((event) => event.id === id);
  }

  async groups(streamName: string): Promise<GroupInfo[]> {
    const now = Date.now();
    return [...(this.streams.get(streamName)?.groups ?? new Map<string, Group>())].map(([name, group]) => ({
      name,
      consumers: [...group.consumers].map(([consumer, lastAt]) => ({
        name: consumer,
        pending: [...group.pending.values()].filter((p) => p.consumer === consumer).length,
        idleMs: now - lastAt,
      })),
    }));
  }

  async removeGroup(streamName: string, group: string): Promise<void> {
    this.streams.get(streamName)?.groups.delete(group);
  }

  async removeConsumer(streamName: string, group: string, consumer: string): Promise<void> {
    this.streams.get(streamName)?.groups.get(group)?.consumers.delete(consumer);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private stream(name: string): Stream {
    let stream = this.streams.get(name);
    if (!stream) this.streams.set(name, (stream = { log: [], groups: new Map(), wake: new Set() }));
    return stream;
  }
}
