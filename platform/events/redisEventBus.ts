import type { RedisConfig } from '../config';
import { createRedis, type Redis } from '../redis';
import type { BusEvent, ConsumeOptions, EventBus, EventHandler, Subscription } from './eventBus';

type StreamEntry = [id: string, fields: string[]];

const BLOCK_MS = 1000;

function decode([id, fields]: StreamEntry): BusEvent {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i]!] = fields[i + 1]!;
  return { id, type: record.type ?? '', payload: JSON.parse(record.payload ?? 'null'), occurredAt: record.at ?? '' };
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

  async publish(stream: string, type: string, payload: unknown): Promise<string> {
    const id = await this.redis.xadd(
      this.prefix + stream,
      'MAXLEN',
      '~',
      String(this.maxLength),
      '*',
      'type',
      type,
      'payload',
      // undefined has no JSON text; stored as '' it could never be decoded and would be redelivered forever.
      JSON.stringify(payload) ?? 'null',
      'at',
      new Date().toISOString(),
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
          options.onError?.(error, { id: '', type: 'bus.read_failed', payload: null, occurredAt: new Date().toISOString() });
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

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
