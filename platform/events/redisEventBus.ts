import type { RedisConfig } from '../config';
import { createRedis, type Redis } from '../redis';
import crypto from 'node:crypto';
import { DEFAULT_RETRY, type RetryPolicy } from '../backoff';
import { ConsumerState, errorMessage } from './consumerState';
import {
  deadLetterStream,
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

type StreamEntry = [id: string, fields: string[]];

const BLOCK_MS = 1000;

/** Dead letters kept per stream at most (approximately: MAXLEN ~). */
const DEAD_LETTER_MAX_LENGTH = 100_000;

function fields(list: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) record[list[i]!] = list[i + 1]!;
  return record;
}

function decode([id, list]: StreamEntry): BusEvent {
  const record = fields(list);
  // Entries written before event ids existed have none: their stream id stands in.
  return { id, eventId: record.eid ?? id, type: record.type ?? '', payload: JSON.parse(record.payload ?? 'null'), occurredAt: record.at ?? '' };
}

/** What a handler's failure is reported with when the payload itself could not be decoded. */
function undecoded([id, list]: StreamEntry): BusEvent {
  const record = fields(list);
  return { id, eventId: record.eid ?? id, type: record.type ?? '', payload: null, occurredAt: record.at ?? '' };
}

function toDeadLetter(stream: string, [id, list]: StreamEntry): DeadLetter {
  const record = fields(list);
  return {
    id,
    originalId: record.originalId ?? '',
    eventId: record.eid ?? record.originalId ?? '',
    stream,
    group: record.group ?? '',
    type: record.type ?? '',
    payloadJson: record.payload ?? 'null',
    occurredAt: record.at ?? '',
    error: record.error ?? '',
    deliveries: Number(record.deliveries ?? 0),
    deadAt: record.deadAt ?? '',
  };
}

/** Thrown out of a wait that stop() cut short; the loop sees `running` is false and ends. */
class Halted extends Error {}

/**
 * `unlessHalted(work)` waits for `work` until `halt()` is called, then throws
 * `Halted` at once. What `work` does later is ignored (its rejection too).
 */
function haltable(): { halt: () => void; unlessHalted: <T>(work: Promise<T>) => Promise<T> } {
  let halt!: () => void;
  const halted = new Promise<never>((_, reject) => (halt = () => reject(new Halted('stopped'))));
  halted.catch(() => undefined);
  return {
    halt,
    unlessHalted: <T>(work: Promise<T>) => {
      work.catch(() => undefined);
      return Promise.race([work, halted]);
    },
  };
}

/**
 * Redis Streams with consumer groups. Unacknowledged events stay in the
 * group's pending list; XAUTOCLAIM hands them to a live consumer once they
 * have been idle long enough, which is what re-delivers after a crash.
 */
export class RedisEventBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();

  private readonly maxLength: number;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly redis: Redis,
    private readonly redisConfig: RedisConfig,
    private readonly prefix: string,
    private readonly options: EventBusOptions = {},
  ) {
    this.maxLength = options.maxLength ?? 1_000_000;
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

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
    const batchSize = options.batchSize ?? 100;
    const redeliverAfterMs = options.redeliverAfterMs ?? this.options.redeliverAfterMs ?? 30_000;
    const maxDeliveries = options.maxDeliveries ?? this.options.maxDeliveries ?? 5;
    const state = new ConsumerState(stream, group, this.retry, options.onStateChange);
    // XREADGROUP BLOCK holds its connection: each consumer gets its own, made (again) by the loop.
    let reader: Redis | undefined;
    let running = true;
    let groupReady = false;
    let claimCursor = '0-0';
    let lastClaimAt = 0;
    // The newest entry this consumer was handed: where a vanished group is recreated when the stream survived.
    let lastSeen: string | undefined;
    // Settles whatever the loop waits on when stop() is called: on a hung
    // Redis a blocking read is never answered, and disconnecting a client that
    // is reconnecting does not reject it (the same as in follow()).
    const { halt, unlessHalted } = haltable();

    const ensureGroup = async () => {
      // A group that vanished with its stream (Redis flushed or replaced) starts
      // at the new stream's beginning: everything on it came after the loss.
      // One that vanished alone (XGROUP DESTROY) resumes after what this member
      // last saw, rather than re-reading the whole stream.
      let start = '0';
      if (lastSeen) {
        const [first] = (await this.redis.xrange(key, '-', '+', 'COUNT', 1)) as StreamEntry[];
        if (first && compareStreamIds(first[0], lastSeen) <= 0) start = lastSeen;
      }
      try {
        await this.redis.xgroup('CREATE', key, group, start, 'MKSTREAM');
      } catch (error) {
        if (!errorMessage(error).includes('BUSYGROUP')) throw error;
      }
      groupReady = true;
    };

    const connect = async (): Promise<Redis> => {
      const client = await createRedis(this.redisConfig, { blocking: true });
      if (!running) client.disconnect();
      return client;
    };

    const handle = async (entries: StreamEntry[]) => {
      for (const entry of entries) {
        if (!running) return;
        lastSeen = entry[0];
        let event: BusEvent = undecoded(entry);
        let failure: unknown;
        let failed = false;
        try {
          event = decode(entry);
          await handler(event);
        } catch (error) {
          failed = true;
          failure = error;
        }
        if (!failed) {
          // A failed XACK is a bus failure, not the handler's: the loop retries, the entry is delivered again.
          await unlessHalted(this.redis.xack(key, group, event.id));
          continue;
        }
        state.handlerFailed();
        const dead = await unlessHalted(this.deadLetterIfExhausted(stream, group, entry, failure, maxDeliveries));
        if (dead) state.deadLettered();
        options.onError?.(failure, event, dead);
      }
    };

    const loop = (async () => {
      let groupMissingInARow = 0;
      while (running) {
        try {
          reader ??= await unlessHalted(connect());
          if (!running) break;
          if (!groupReady) await unlessHalted(ensureGroup());
          const now = Date.now();
          if (now - lastClaimAt >= Math.min(redeliverAfterMs, 5000)) {
            lastClaimAt = now;
            const [cursor, claimed] = (await unlessHalted(this.redis.xautoclaim(key, group, options.consumer, redeliverAfterMs, claimCursor, 'COUNT', batchSize))) as [
              string,
              StreamEntry[],
            ];
            claimCursor = cursor;
            state.running();
            const live = claimed.filter((entry) => entry && entry[1]);
            if (live.length > 0) {
              await handle(live);
              continue;
            }
          }
          const result = (await unlessHalted(reader.xreadgroup('GROUP', group, options.consumer, 'COUNT', batchSize, 'BLOCK', BLOCK_MS, 'STREAMS', key, '>'))) as
            | [string, StreamEntry[]][]
            | null;
          state.running();
          groupMissingInARow = 0;
          if (result) await handle(result[0]![1]);
        } catch (error) {
          if (!running) break;
          const delay = state.failed(error);
          if (errorMessage(error).includes('NOGROUP')) {
            groupReady = false;
            // Recreated at once the first time; a group that keeps vanishing backs off like any failure.
            if (groupMissingInARow++ === 0) continue;
          }
          await state.sleep(delay);
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
          state.stop();
          halt();
          // Unblocks the pending XREADGROUP at once instead of waiting out BLOCK.
          reader?.disconnect();
          await loop;
          // A connection made while stopping is closed by connect() itself.
          this.subscriptions.delete(subscription);
        })()),
      status: () => state.status(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async follow(stream: string, handler: EventHandler, options: FollowOptions): Promise<Subscription> {
    const key = this.prefix + stream;
    const batchSize = options.batchSize ?? 500;
    const state = new ConsumerState(stream, null, this.retry, options.onStateChange);
    // XREAD BLOCK holds its connection, like XREADGROUP.
    let reader: Redis | undefined;
    let after = options.after;
    let running = true;
    let recovering = false;
    // Settles the pending read on stop(): a read on a connection whose Redis died is never
    // answered, and disconnecting a client that is reconnecting does not reject it.
    const { halt, unlessHalted } = haltable();
    const loop = (async () => {
      while (running) {
        try {
          if (!reader) {
            // A connection that arrives after stop() is closed as it arrives.
            const connecting = createRedis(this.redisConfig, { blocking: true });
            connecting.then((client) => !running && client.disconnect(), () => undefined);
            const client = await unlessHalted(connecting);
            if (!running) break;
            reader = client;
          }
          // After an outage the stream may be a new one (Redis flushed or
          // replaced): a position it does not hold and nothing after is read
          // from the new stream's start.
          // On the follower's own connection: stop() disconnects it, so a dead Redis cannot hold stop() on this check.
          if (recovering && (await unlessHalted(this.positionVanished(key, after, reader)))) after = STREAM_START;
          recovering = false;
          const result = (await unlessHalted(reader.xread('COUNT', batchSize, 'BLOCK', BLOCK_MS, 'STREAMS', key, after))) as [string, StreamEntry[]][] | null;
          if (!running) break;
          state.running();
          for (const entry of result?.[0]?.[1] ?? []) {
            if (!running) break;
            let event: BusEvent = undecoded(entry);
            try {
              event = decode(entry);
              await handler(event);
            } catch (error) {
              state.handlerFailed();
              options.onError?.(error, event);
            }
            after = entry[0];
          }
        } catch (error) {
          if (!running) break;
          recovering = true;
          await state.sleep(state.failed(error));
        }
      }
    })();
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () =>
        (stopped ??= (async () => {
          running = false;
          state.stop();
          halt();
          reader?.disconnect();
          await loop;
          this.subscriptions.delete(subscription);
        })()),
      status: () => state.status(),
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Whether `after` is neither on the stream nor before anything on it: the stream was replaced under a follower. */
  private async positionVanished(key: string, after: string, client: Redis = this.redis): Promise<boolean> {
    if (after === STREAM_START) return false;
    if (((await client.xrange(key, after, after)) as StreamEntry[]).length > 0) return false;
    const [last] = (await client.xrevrange(key, '+', '-', 'COUNT', 1)) as StreamEntry[];
    return !last || compareStreamIds(last[0], after) < 0;
  }

  /** Moves an entry that failed its last allowed delivery to the dead letters and acknowledges it. */
  private async deadLetterIfExhausted(stream: string, group: string, entry: StreamEntry, error: unknown, maxDeliveries: number): Promise<boolean> {
    const key = this.prefix + stream;
    try {
      const [pending] = (await this.redis.xpending(key, group, entry[0], entry[0], 1)) as [string, string, number, number][];
      const deliveries = Number(pending?.[3] ?? 1);
      if (deliveries < maxDeliveries) return false;
      const record = fields(entry[1]);
      await this.redis.xadd(
        this.prefix + deadLetterStream(stream),
        'MAXLEN',
        '~',
        String(DEAD_LETTER_MAX_LENGTH),
        '*',
        'type',
        record.type ?? '',
        'payload',
        record.payload ?? 'null',
        'at',
        record.at ?? '',
        'eid',
        record.eid ?? entry[0],
        'stream',
        stream,
        'group',
        group,
        'originalId',
        entry[0],
        'error',
        errorMessage(error).slice(0, 2000),
        'deliveries',
        String(deliveries),
        'deadAt',
        new Date().toISOString(),
      );
      await this.redis.xack(key, group, entry[0]);
      return true;
    } catch {
      // Redis is failing too: the entry stays pending and is tried again.
      return false;
    }
  }

  async deadLetters(stream: string, count = 100): Promise<DeadLetter[]> {
    const entries = (await this.redis.xrange(this.prefix + deadLetterStream(stream), '-', '+', 'COUNT', count)) as StreamEntry[];
    return entries.map((entry) => toDeadLetter(stream, entry));
  }

  async deadLetterCount(stream: string): Promise<number> {
    return this.redis.xlen(this.prefix + deadLetterStream(stream));
  }

  async redrive(stream: string, ids: string[] | 'all'): Promise<string[]> {
    const deadKey = this.prefix + deadLetterStream(stream);
    const redriven: string[] = [];
    const entries: StreamEntry[] = [];
    if (ids === 'all') entries.push(...((await this.redis.xrange(deadKey, '-', '+')) as StreamEntry[]));
    // Something that is not a stream id names no dead letter (XRANGE would refuse it).
    else for (const id of ids.filter((each) => /^\d+-\d+$/.test(each))) entries.push(...((await this.redis.xrange(deadKey, id, id)) as StreamEntry[]));
    for (const entry of entries) {
      const record = fields(entry[1]);
      // The same event id: consumers that stored it before recognise it.
      await this.redis.xadd(this.prefix + stream, 'MAXLEN', '~', String(this.maxLength), '*', 'eid', record.eid ?? crypto.randomUUID(), 'type', record.type ?? '', 'payload', record.payload ?? 'null', 'at', record.at ?? '');
      await this.redis.xdel(deadKey, entry[0]);
      redriven.push(entry[0]);
    }
    return redriven;
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
      const lag = field(raw, 'lag');
      infos.push({
        name,
        consumers: consumers.map((c) => ({ name: String(field(c, 'name')), pending: Number(field(c, 'pending')), idleMs: Number(field(c, 'idle')) })),
        pending: Number(field(raw, 'pending') ?? 0),
        lag: lag === undefined || lag === null ? null : Number(lag),
        lastDeliveredId: String(field(raw, 'last-delivered-id') ?? STREAM_START),
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
