import type { RedisConfig } from '../config';
import { createRedis, type Redis } from '../redis';
import crypto from 'node:crypto';
import type { BusEvent, ConsumeOptions, EventBus, EventHandler, FollowOptions, GroupInfo, PublishEnvelope, StreamBounds, Subscription } from './eventBus';

type StreamEntry = [id: string, fields: string[]];

const BLOCK_MS = 1000;

function decode([id, fields]: StreamEntry): BusEvent {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i]!] = fields[i + 1]!;
  // Entries written before event ids existed have none: their stream id stands in.
  return { id, eventId: record.eid ?? id, type: record.type ?? '', payload: JSON.parse(record.payload ?? 'null'), occurredAt: record.at ?? '' };
}

/**
 * Redis Streams with consumer groups. Unacknowledged events stay in the
 * group's pending list; XAUTOCLAIM hands them to a live consumer once they
 * have been idle long enough, which is what re-delivers after a crash.
 */
export class RedisEventBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly redis: Redis,
    private readonly redisConfig: RedisConfig,
    private readonly prefix: string,
    private readonly maxLength = 1_000_000,
  ) {}

  async publish(stream: string, type: string, payload: unknown, envelope: PublishEnvelope = {}): Promise<string> {
    const id = await this.redis.xadd(
      this.prefix + stream,
      'MAXLEN',
      '~',
      String(this.maxLength),
      '*',
      'eid',
      envelope.eventId ?? crypto.randomUUID(),
      'type',
      type,
      'payload',
      // undefined has no JSON text; stored as '' it could never be decoded and would be redelivered forever.
      JSON.stringify(payload) ?? 'null',
      'at',
      envelope.occurredAt ?? new Date().toISOString(),
    );
    return id!;
  }

  async consume(stream: string, group: string, handler: EventHandler, options: ConsumeOptions): Promise<Subscription> {
    const key = this.prefix + stream;
    try {
      await this.redis.xgroup('CREATE', key, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    // XREADGROUP BLOCK holds its connection: each consumer gets its own.
    const reader = await createRedis(this.redisConfig, { blocking: true });
    const batchSize = options.batchSize ?? 100;
    const redeliverAfterMs = options.redeliverAfterMs ?? 30_000;
    let running = true;
    let claimCursor = '0-0';
    let lastClaimAt = 0;

    const handle = async (entries: StreamEntry[]) => {
      for (const entry of entries) {
        if (!running) return;
        const event = decode(entry);
        try {
          await handler(event);
          await this.redis.xack(key, group, event.id);
        } catch (error) {
          options.onError?.(error, event);
        }
      }
    };

    const loop = (async () => {
      while (running) {
        try {
          const now = Date.now();
          if (now - lastClaimAt >= Math.min(redeliverAfterMs, 5000)) {
            lastClaimAt = now;
            const [cursor, claimed] = (await this.redis.xautoclaim(
              key,
              group,
              options.consumer,
              redeliverAfterMs,
              claimCursor,
              'COUNT',
              batchSize,
            )) as [string, StreamEntry[]];
            claimCursor = cursor;
            const live = claimed.filter((entry) => entry && entry[1]);
            if (live.length > 0) {
              await handle(live);
              continue;
            }
          }
          const result = (await reader.xreadgroup(
            'GROUP',
            group,
            options.consumer,
            'COUNT',
            batchSize,
            'BLOCK',
            BLOCK_MS,
            'STREAMS',
            key,
            '>',
          )) as [string, StreamEntry[]][] | null;
          if (result) await handle(result[0]![1]);
        } catch (error) {
          if (!running) break;
          options.onError?.(error, { id: '', eventId: '', type: 'bus.read_failed', payload: null, occurredAt: new Date().toISOString() });
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();

    // Stopping twice must not disconnect twice: ioredis arms a 2 s timer on
    // every disconnect, and on an already-closed socket nothing ever clears it.
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          running = false;
          // Unblocks the pending XREADGROUP at once instead of waiting out BLOCK.
          reader.disconnect();
          await loop;
          this.subscriptions.delete(subscription);
        })()),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async follow(stream: string, handler: EventHandler, options: FollowOptions): Promise<Subscription> {
    const key = this.prefix + stream;
    // XREAD BLOCK holds its connection, like XREADGROUP.
    const reader = await createRedis(this.redisConfig, { blocking: true });
    const batchSize = options.batchSize ?? 500;
    let after = options.after;
    let running = true;
    const loop = (async () => {
      while (running) {
        try {
          const result = (await reader.xread('COUNT', batchSize, 'BLOCK', BLOCK_MS, 'STREAMS', key, after)) as [string, StreamEntry[]][] | null;
          for (const entry of result?.[0]?.[1] ?? []) {
            if (!running) break;
            const event = decode(entry);
            try {
              await handler(event);
            } catch (error) {
              options.onError?.(error, event);
            }
            after = event.id;
          }
        } catch (error) {
          if (!running) break;
          options.onError?.(error, { id: '', eventId: '', type: 'bus.read_failed', payload: null, occurredAt: new Date().toISOString() });
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          running = false;
          reader.disconnect();
          await loop;
          this.subscriptions.delete(subscription);
        })()),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async bounds(stream: string): Promise<StreamBounds> {
    const key = this.prefix + stream;
    const [first, last] = await Promise.all([
      this.redis.xrange(key, '-', '+', 'COUNT', 1) as Promise<StreamEntry[]>,
      this.redis.xrevrange(key, '+', '-', 'COUNT', 1) as Promise<StreamEntry[]>,
    ]);
    return { first: first[0]?.[0] ?? null, last: last[0]?.[0] ?? null };
  }

  async contains(stream: string, id: string): Promise<boolean> {
    const entries = (await this.redis.xrange(this.prefix + stream, id, id)) as StreamEntry[];
    return entries.length > 0;
  }

  async groups(stream: string): Promise<GroupInfo[]> {
    const key = this.prefix + stream;
    let groups: unknown[][];
    try {
      groups = (await this.redis.xinfo('GROUPS', key)) as unknown[][];
    } catch (error) {
      if (String((error as Error).message).includes('no such key')) return [];
      throw error;
    }
    const infos: GroupInfo[] = [];
    for (const raw of groups) {
      const name = String(field(raw, 'name'));
      const consumers = (await this.redis.xinfo('CONSUMERS', key, name)) as unknown[][];
      infos.push({
        name,
        consumers: consumers.map((c) => ({ name: String(field(c, 'name')), pending: Number(field(c, 'pending')), idleMs: Number(field(c, 'idle')) })),
      });
    }
    return infos;
  }

  async removeGroup(stream: string, group: string): Promise<void> {
    await this.redis.xgroup('DESTROY', this.prefix + stream, group);
  }

  async removeConsumer(stream: string, group: string, consumer: string): Promise<void> {
    await this.redis.xgroup('DELCONSUMER', this.prefix + stream, group, consumer);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}

/** A field of an XINFO reply, which comes as [name, value, name, value, …]. */
function field(reply: unknown[], name: string): unknown {
  for (let i = 0; i + 1 < reply.length; i += 2) if (reply[i] === name) return reply[i + 1];
  return undefined;
}
