import crypto from 'node:crypto';
import { DEFAULT_RETRY } from '../backoff';
import { ConsumerState, errorMessage } from './consumerState';
import {
  type BusEvent,
  type ConsumeOptions,
  type DeadLetter,
  type EventBus,
  type EventBusOptions,
  type EventHandler,
  type FollowOptions,
  type GroupInfo,
  type PublishEnvelope,
  type StreamBounds,
  type Subscription,
} from './eventBus';
import { compareStreamIds, STREAM_START } from './streamIds';

/** An event as stored: the payload kept as JSON, as on a Redis stream. */
interface StoredEvent extends Omit<BusEvent, 'payload'> {
  payloadJson: string;
}

interface Group {
  /** Index into the stream's log of the next event never yet delivered. */
  next: number;
  /** Delivered but not acknowledged, by event id, with the time of delivery and how many times it was handed out. */
  pending: Map<string, { event: StoredEvent; deliveredAt: number; consumer: string; deliveries: number }>;
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
  private streams = new Map<string, Stream>();
  private dead = new Map<string, DeadLetter[]>();
  private sequence = 0;
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxLength: number;

  constructor(private readonly options: EventBusOptions = {}) {
    this.maxLength = options.maxLength ?? 100_000;
  }

  async publish(streamName: string, type: string, payload: unknown, envelope: PublishEnvelope = {}): Promise<string> {
    // undefined has no JSON text; the Redis bus stores null for it too.
    return this.append(streamName, type, JSON.stringify(payload) ?? 'null', envelope.occurredAt ?? new Date().toISOString(), envelope.eventId ?? crypto.randomUUID());
  }

  /**
   * Forgets every stream, group and dead letter, as a Redis that was flushed
   * or replaced would: what the recovery of consumers is tested against.
   */
  clear(): void {
    const streams = [...this.streams.values()];
    this.streams = new Map();
    this.dead = new Map();
    for (const stream of streams) for (const wake of [...stream.wake]) wake();
  }

  private append(streamName: string, type: string, payloadJson: string, occurredAt: string, eventId: string): string {
    const stream = this.stream(streamName);
    const event: StoredEvent = { id: `${Date.now()}-${++this.sequence}`, eventId, type, payloadJson, occurredAt };
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
    const batchSize = options.batchSize ?? 100;
    const redeliverAfterMs = options.redeliverAfterMs ?? this.options.redeliverAfterMs ?? 30_000;
    const maxDeliveries = options.maxDeliveries ?? this.options.maxDeliveries ?? 5;
    const state = new ConsumerState(streamName, groupName, this.options.retry ?? DEFAULT_RETRY, options.onStateChange);
    let lastSeen: string | undefined;
    // The stream and group are looked up on every read: after clear() they are
    // new ones, and the group is recreated as the Redis bus recreates it.
    const current = (): { stream: Stream; group: Group } => {
      const stream = this.stream(streamName);
      let group = stream.groups.get(groupName);
      if (!group) {
        const next = lastSeen && stream.log[0] && compareStreamIds(stream.log[0].id, lastSeen) <= 0 ? indexAfter(stream.log, lastSeen) : 0;
        stream.groups.set(groupName, (group = { next, pending: new Map(), consumers: new Map() }));
      }
      return { stream, group };
    };
    current();
    let running = true;
    let wakeUp: (() => void) | undefined;

    const take = (stream: Stream, g: Group): StoredEvent[] => {
      const now = Date.now();
      g.consumers.set(options.consumer, now);
      const batch: StoredEvent[] = [];
      for (const entry of g.pending.values()) {
        if (batch.length >= batchSize) break;
        if (now - entry.deliveredAt >= redeliverAfterMs) {
          entry.deliveredAt = now;
          entry.consumer = options.consumer;
          entry.deliveries++;
          batch.push(entry.event);
        }
      }
      while (batch.length < batchSize && g.next < stream.log.length) {
        const event = stream.log[g.next++]!;
        g.pending.set(event.id, { event, deliveredAt: now, consumer: options.consumer, deliveries: 1 });
        batch.push(event);
      }
      return batch;
    };

    const loop = (async () => {
      while (running) {
        const { stream, group } = current();
        const batch = take(stream, group);
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
          lastSeen = stored.id;
          // Decoded per delivery: a handler that mutates its event must not
          // change what other groups, or a redelivery, are handed.
          const { payloadJson, ...rest } = stored;
          let event: BusEvent = { ...rest, payload: null };
          try {
            event = { ...rest, payload: JSON.parse(payloadJson) };
            await handler(event);
            group.pending.delete(event.id);
          } catch (error) {
            state.handlerFailed();
            const pending = group.pending.get(stored.id);
            const dead = pending !== undefined && pending.deliveries >= maxDeliveries;
            if (dead) {
              group.pending.delete(stored.id);
              this.deadLetter(streamName, groupName, stored, error, pending.deliveries);
              state.deadLettered();
            }
            options.onError?.(error, event, dead);
          }
        }
      }
    })();

    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          running = false;
          state.stop();
          wakeUp?.();
          await loop;
          this.subscriptions.delete(subscription);
        })()),
      status: () => state.status(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async follow(streamName: string, handler: EventHandler, options: FollowOptions): Promise<Subscription> {
    const batchSize = options.batchSize ?? 500;
    const state = new ConsumerState(streamName, null, this.options.retry ?? DEFAULT_RETRY, options.onStateChange);
    let after = options.after;
    let running = true;
    let wakeUp: (() => void) | undefined;
    let following = this.stream(streamName);

    const loop = (async () => {
      while (running) {
        const stream = this.stream(streamName);
        // A new stream (clear()) that holds neither the position nor anything after it is read from its start.
        if (stream !== following) {
          following = stream;
          const last = stream.log[stream.log.length - 1];
          if (!last || compareStreamIds(last.id, after) < 0) after = STREAM_START;
        }
        // Positions are ids, not indexes: trimming moves indexes, never ids.
        const from = indexAfter(stream.log, after);
        const batch = stream.log.slice(from, from + batchSize);
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
          let event: BusEvent = { ...rest, payload: null };
          try {
            event = { ...rest, payload: JSON.parse(payloadJson) };
            await handler(event);
          } catch (error) {
            state.handlerFailed();
            options.onError?.(error, event);
          }
          after = event.id;
        }
      }
    })();

    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          running = false;
          state.stop();
          wakeUp?.();
          await loop;
          this.subscriptions.delete(subscription);
        })()),
      status: () => state.status(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private deadLetter(streamName: string, group: string, stored: StoredEvent, error: unknown, deliveries: number): void {
    let list = this.dead.get(streamName);
    if (!list) this.dead.set(streamName, (list = []));
    list.push({
      id: `${Date.now()}-${++this.sequence}`,
      originalId: stored.id,
      eventId: stored.eventId,
      stream: streamName,
      group,
      type: stored.type,
      payloadJson: stored.payloadJson,
      occurredAt: stored.occurredAt,
      error: errorMessage(error).slice(0, 2000),
      deliveries,
      deadAt: new Date().toISOString(),
    });
    if (list.length > this.maxLength) list.splice(0, list.length - this.maxLength);
  }

  async deadLetters(streamName: string, count = 100): Promise<DeadLetter[]> {
    return (this.dead.get(streamName) ?? []).slice(0, count).map((letter) => ({ ...letter }));
  }

  async deadLetterCount(streamName: string): Promise<number> {
    return this.dead.get(streamName)?.length ?? 0;
  }

  async redrive(streamName: string, ids: string[] | 'all'): Promise<string[]> {
    const list = this.dead.get(streamName) ?? [];
    const wanted = ids === 'all' ? undefined : new Set(ids);
    const redriven: string[] = [];
    for (const letter of [...list]) {
      if (wanted && !wanted.has(letter.id)) continue;
      // The same event id: consumers that stored it before recognise it.
      this.append(streamName, letter.type, letter.payloadJson, letter.occurredAt, letter.eventId);
      list.splice(list.indexOf(letter), 1);
      redriven.push(letter.id);
    }
    return redriven;
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
    const stream = this.streams.get(streamName);
    if (!stream) return [];
    return [...stream.groups].map(([name, group]) => ({
      name,
      consumers: [...group.consumers].map(([consumer, lastAt]) => ({
        name: consumer,
        pending: [...group.pending.values()].filter((p) => p.consumer === consumer).length,
        idleMs: now - lastAt,
      })),
      pending: group.pending.size,
      lag: stream.log.length - group.next,
      lastDeliveredId: stream.log[group.next - 1]?.id ?? STREAM_START,
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

/** The index of the first entry after `id` (binary search: the log is in id order). */
function indexAfter(log: StoredEvent[], id: string): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareStreamIds(log[mid]!.id, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
