import { createRedis } from '../redis';
import { contractTargets, deleteKeysWithPrefix, sleep, waitFor } from '../testing/contractTargets';
import type { BusEvent, ConsumeOptions, EventBus, Subscription } from './eventBus';
import { MemoryEventBus } from './memoryEventBus';
import { RedisEventBus } from './redisEventBus';

interface EventBusFixture {
  bus: EventBus;
  /** Loses every stream and group, as a Redis restarted empty does. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const targets = contractTargets<EventBusFixture>({
  async memory() {
    const bus = new MemoryEventBus();
    return { bus, flush: async () => bus.clear(), close: () => bus.close() };
  },
  async redis(config) {
    const redis = await createRedis(config);
    const bus = new RedisEventBus(redis, config, config.keyPrefix);
    return {
      bus,
      // Only this file's keys: the server is shared with other test runs.
      flush: () => deleteKeysWithPrefix(redis, config.keyPrefix),
      async close() {
        await bus.close();
        await deleteKeysWithPrefix(redis, config.keyPrefix);
        redis.disconnect();
      },
    };
  },
});

const REDELIVER_MS = 200;

/** What one consumer was handed, with when, so cases can check ordering and timing. */
interface Delivery {
  consumer: string;
  event: BusEvent;
  at: number;
}

function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) counts[resource] = (counts[resource] ?? 0) + 1;
  return counts;
}

/** Stream ids are `<ms>-<seq>`; they order by both parts as numbers, not as text. */
function compareIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

describe.each(targets)('EventBus contract ($name)', (target) => {
  let fixture: EventBusFixture;
  let bus: EventBus;
  const subscriptions: Subscription[] = [];
  // Streams are unique per case so no case sees another's events or groups.
  let n = 0;
  const streamName = (name: string) => `${name}-${++n}`;

  beforeAll(async () => {
    fixture = await target.open();
    bus = fixture.bus;
  });
  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
  });
  afterAll(() => fixture.close());

  /** Consumes into `log`, optionally running `behaviour` as the handler's body. */
  async function consume(
    stream: string,
    group: string,
    log: Delivery[],
    options: ConsumeOptions,
    behaviour: (event: BusEvent) => Promise<void> = async () => undefined,
  ): Promise<Subscription> {
    const subscription = await bus.consume(
      stream,
      group,
      async (event) => {
        log.push({ consumer: options.consumer, event, at: Date.now() });
        await behaviour(event);
      },
      options,
    );
    subscriptions.push(subscription);
    return subscription;
  }

  /**
   * Gives a consumer every chance to redeliver what it failed to acknowledge.
   * Once redeliverAfterMs has passed, a consumer hands out redeliveries before
   * its next read of new events; the Redis one only looks between reads, so the
   * first marker wakes it and the second proves it has looked since.
   */
  async function waitOutRedelivery(stream: string, log: Delivery[]): Promise<void> {
    await sleep(REDELIVER_MS + 100);
    for (const marker of ['marker.first', 'marker.second']) {
      await bus.publish(stream, marker, null);
      await waitFor(() => log.some((d) => d.event.type === marker), marker);
    }
  }

  const nonMarkers = (log: Delivery[]) => log.filter((d) => !d.event.type.startsWith('marker.'));

  it('delivers every event to a group once, with its id, type, payload and time', async () => {
    const stream = streamName('once');
    const log: Delivery[] = [];
    await consume(stream, 'g', log, { consumer: 'c1', redeliverAfterMs: REDELIVER_MS });

    const before = new Date().toISOString();
    const published: { id: string; payload: { orderId: string; lines: number[] } }[] = [];
    for (let i = 0; i < 5; i++) {
      const payload = { orderId: `o-${i}`, lines: [i, i + 1] };
      published.push({ id: await bus.publish(stream, 'order.placed', payload), payload });
    }
    const after = new Date().toISOString();
    await waitFor(() => log.length >= 5, 'five events');
    await waitOutRedelivery(stream, log);

    const events = nonMarkers(log).map((d) => d.event);
    expect(events.map((e) => e.id)).toEqual(published.map((p) => p.id));
    expect(events.map((e) => e.type)).toEqual(Array(5).fill('order.placed'));
    expect(events.map((e) => e.payload)).toEqual(published.map((p) => p.payload));
    for (const { occurredAt } of events) {
      expect(new Date(occurredAt).toISOString()).toBe(occurredAt);
      expect(occurredAt >= before && occurredAt <= after).toBe(true);
    }
    const ids = published.map((p) => p.id);
    expect([...ids].sort(compareIds)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('delivers every event to each of two groups', async () => {
    const stream = streamName('groups');
    const billing: Delivery[] = [];
    const shipping: Delivery[] = [];
    await consume(stream, 'billing', billing, { consumer: 'c1' });
    await consume(stream, 'shipping', shipping, { consumer: 'c1' });

    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await bus.publish(stream, 'order.placed', { i }));
    await waitFor(() => billing.length >= 10 && shipping.length >= 10, 'both groups');

    expect(billing.map((d) => d.event.id)).toEqual(ids);
    expect(shipping.map((d) => d.event.id)).toEqual(ids);
  });

  it('splits a group’s events between its consumers without duplicates', async () => {
    const stream = streamName('split');
    const log: Delivery[] = [];
    // One event per read and a slow handler, so neither consumer can take them all.
    const slow = () => sleep(10);
    await consume(stream, 'g', log, { consumer: 'a', batchSize: 1 }, slow);
    await consume(stream, 'g', log, { consumer: 'b', batchSize: 1 }, slow);

    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await bus.publish(stream, 'item.viewed', { i }));
    await waitFor(() => new Set(log.map((d) => d.event.id)).size >= 20, 'all events');
    await sleep(50); // long enough for a duplicate handed out alongside the last event to show up

    expect(log).toHaveLength(20);
    expect(new Set(log.map((d) => d.event.id))).toEqual(new Set(ids));
    expect(log.filter((d) => d.consumer === 'a').length).toBeGreaterThan(0);
    expect(log.filter((d) => d.consumer === 'b').length).toBeGreaterThan(0);
  });

  it('delivers events published before the group first consumed', async () => {
    const stream = streamName('backlog');
    const ids = [
      await bus.publish(stream, 'product.created', { sku: 'a' }),
      await bus.publish(stream, 'product.created', { sku: 'b' }),
      await bus.publish(stream, 'product.created', { sku: 'c' }),
    ];
    const log: Delivery[] = [];
    await consume(stream, 'late', log, { consumer: 'c1' });

    await waitFor(() => log.length >= 3, 'the backlog');
    expect(log.map((d) => d.event.id)).toEqual(ids);
    expect(log.map((d) => d.event.payload)).toEqual([{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }]);
  });

  it('delivers an undefined payload, which has no JSON form, as null without holding up later events', async () => {
    const stream = streamName('undefined');
    const log: Delivery[] = [];
    const errors: unknown[] = [];
    await consume(stream, 'g', log, { consumer: 'c1', onError: (error) => errors.push(error) });
    await bus.publish(stream, 'nothing', undefined);
    await bus.publish(stream, 'something', { ok: true });

    await waitFor(() => log.length >= 2, 'both events');
    expect(log.map((d) => d.event.payload)).toEqual([null, { ok: true }]);
    expect(errors).toEqual([]);
  });

  it('gives each delivery its own copy of the payload', async () => {
    const stream = streamName('copies');
    const original = { items: ['apple'] };
    await bus.publish(stream, 'cart.updated', original);
    original.items.push('changed by the publisher');

    const first: Delivery[] = [];
    await consume(stream, 'first', first, { consumer: 'c1' }, async (event) => {
      (event.payload as { items: string[] }).items.push('changed by a handler');
    });
    await waitFor(() => first.length >= 1, 'the first group');
    const second: Delivery[] = [];
    await consume(stream, 'second', second, { consumer: 'c1' });
    await waitFor(() => second.length >= 1, 'the second group');

    expect(second[0]!.event.payload).toEqual({ items: ['apple'] });
  });

  it('redelivers an event whose handler threw, after redeliverAfterMs, and reports the error', async () => {
    const stream = streamName('retry');
    const log: Delivery[] = [];
    const errors: { error: unknown; event: BusEvent }[] = [];
    const failure = new Error('payment service down');
    await consume(
      stream,
      'g',
      log,
      { consumer: 'c1', redeliverAfterMs: REDELIVER_MS, onError: (error, event) => errors.push({ error, event }) },
      async (event) => {
        if (event.type === 'order.placed' && log.filter((d) => d.event.id === event.id).length === 1) throw failure;
      },
    );

    const id = await bus.publish(stream, 'order.placed', { orderId: 'o-9' });
    await waitFor(() => log.length >= 2, 'the redelivery', 5000);
    await waitOutRedelivery(stream, log);

    const attempts = nonMarkers(log);
    expect(attempts.map((d) => d.event.id)).toEqual([id, id]);
    expect(attempts[1]!.event).toEqual(attempts[0]!.event);
    // Timers may fire a few ms early relative to Date.now(); anything near zero would mean a hot retry loop.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(REDELIVER_MS - 20);
    expect(errors).toEqual([{ error: failure, event: attempts[0]!.event }]);
  });

  it('hands an event a consumer never acknowledged to another consumer of the group', async () => {
    const stream = streamName('crash');
    const log: Delivery[] = [];
    // Consumer a "crashes": its handler never finishes until the case is over.
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const options = { redeliverAfterMs: REDELIVER_MS };
    const a = await consume(stream, 'g', log, { ...options, consumer: 'a' }, () => hung);

    try {
      const id = await bus.publish(stream, 'order.placed', { orderId: 'o-7' });
      await waitFor(() => log.length >= 1, 'consumer a');
      await consume(stream, 'g', log, { ...options, consumer: 'b' });
      await waitFor(() => log.some((d) => d.consumer === 'b'), 'consumer b', 5000);

      const [first, second] = log;
      expect(first).toMatchObject({ consumer: 'a', event: { id } });
      expect(second).toMatchObject({ consumer: 'b', event: first!.event });
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(REDELIVER_MS - 20);
    } finally {
      // stop() waits for a running handler, so a hung one must be let go first.
      release();
      await a.stop();
    }
  });

  it('stops promptly, leaves no timers or connections behind, and the group resumes where it stopped', async () => {
    const stream = streamName('stop');
    const baseline = activeResources();
    const log: Delivery[] = [];
    const subscription = await consume(stream, 'g', log, { consumer: 'c1', redeliverAfterMs: REDELIVER_MS });
    await bus.publish(stream, 'first', null);
    await waitFor(() => log.length >= 1, 'the first event');
    await sleep(50); // let the consumer settle into its blocking read

    await subscription.stop();
    // Shutdown paths overlap (a service's own stop, then the bus's close): stopping again must be harmless.
    await Promise.all([subscription.stop(), subscription.stop()]);

    const after = activeResources();
    for (const kind of ['Timeout', 'TCPSocketWrap']) expect(after[kind] ?? 0).toBeLessThanOrEqual(baseline[kind] ?? 0);

    await bus.publish(stream, 'second', null);
    await sleep(50);
    expect(log.map((d) => d.event.type)).toEqual(['first']);

    await consume(stream, 'g', log, { consumer: 'c2', redeliverAfterMs: REDELIVER_MS });
    await waitFor(() => log.length >= 2, 'the second event');
    expect(log.map((d) => d.event.type)).toEqual(['first', 'second']);
  });

  it('recreates a group that vanished with its stream (a flushed Redis) and consumes the new stream from its start', async () => {
    const stream = streamName('flushed');
    const log: Delivery[] = [];
    const subscription = await consume(stream, 'g', log, { consumer: 'c1', redeliverAfterMs: REDELIVER_MS });
    await bus.publish(stream, 'before', null);
    await waitFor(() => log.length >= 1, 'the first event');

    await fixture.flush();
    const after = [await bus.publish(stream, 'after.1', null), await bus.publish(stream, 'after.2', null)];

    await waitFor(() => log.length >= 3, 'the events of the new stream', 10_000);
    expect(log.map((d) => d.event.type)).toEqual(['before', 'after.1', 'after.2']);
    expect(log.slice(1).map((d) => d.event.id)).toEqual(after);
    await waitFor(() => subscription.status().state === 'running', 'the consumer running again', 10_000);
    expect(subscription.status()).toMatchObject({ stream, group: 'g', state: 'running' });
    expect((await bus.groups(stream)).map((g) => g.name)).toEqual(['g']);
  });

  it('recreates a group removed on its own after what it last saw, without re-reading the stream', async () => {
    const stream = streamName('destroyed');
    const log: Delivery[] = [];
    await consume(stream, 'g', log, { consumer: 'c1', redeliverAfterMs: REDELIVER_MS });
    await bus.publish(stream, 'first', null);
    await bus.publish(stream, 'second', null);
    await waitFor(() => log.length >= 2, 'the first events');

    await bus.removeGroup(stream, 'g');
    await bus.publish(stream, 'third', null);

    await waitFor(() => log.length >= 3, 'the event after the removal', 10_000);
    await waitOutRedelivery(stream, log);
    expect(nonMarkers(log).map((d) => d.event.type)).toEqual(['first', 'second', 'third']);
  });

  it('lets a follower whose position vanished (a flushed Redis) go on from the start of the new stream', async () => {
    const stream = streamName('follow-flushed');
    const seen: BusEvent[] = [];
    const subscription = await bus.follow(stream, async (event) => void seen.push(event), { after: '0-0' });
    subscriptions.push(subscription);
    await bus.publish(stream, 'before', null);
    await waitFor(() => seen.length >= 1, 'the first event');

    await fixture.flush();
    const id = await bus.publish(stream, 'after', { n: 1 });

    await waitFor(() => seen.length >= 2, 'the event of the new stream', 10_000);
    expect(seen.map((e) => [e.type, e.id])).toEqual([['before', seen[0]!.id], ['after', id]]);
    expect(subscription.status()).toMatchObject({ stream, group: null, state: 'running' });
  });

  it('moves an event that failed maxDeliveries times to the dead letters, with why, and acknowledges it', async () => {
    const stream = streamName('poison');
    const log: Delivery[] = [];
    const reported: { event: BusEvent; dead: boolean }[] = [];
    const subscription = await consume(
      stream,
      'g',
      log,
      { consumer: 'c1', redeliverAfterMs: REDELIVER_MS, maxDeliveries: 3, onError: (_error, event, dead) => reported.push({ event, dead }) },
      async (event) => {
        if (event.type === 'poison') throw new Error('cannot handle this one');
      },
    );
    const id = await bus.publish(stream, 'poison', { sku: 'x' });
    await bus.publish(stream, 'fine', null);

    await waitFor(async () => (await bus.deadLetterCount(stream)) === 1, 'the dead letter', 15_000);
    await waitOutRedelivery(stream, log);

    expect(nonMarkers(log).filter((d) => d.event.type === 'poison')).toHaveLength(3);
    expect(nonMarkers(log).filter((d) => d.event.type === 'fine')).toHaveLength(1);
    expect(reported.map((r) => r.dead)).toEqual([false, false, true]);
    const [letter] = await bus.deadLetters(stream);
    expect(letter).toMatchObject({ originalId: id, stream, group: 'g', type: 'poison', error: 'cannot handle this one', deliveries: 3 });
    expect(JSON.parse(letter!.payloadJson)).toEqual({ sku: 'x' });
    expect(new Date(letter!.deadAt).toISOString()).toBe(letter!.deadAt);
    const [group] = await bus.groups(stream);
    expect(group).toMatchObject({ name: 'g', pending: 0, lag: 0 });
    expect(subscription.status()).toMatchObject({ handlerFailures: 3, deadLettered: 1 });
  });

  it('redrives dead letters to their stream, one by id or all, and forgets them', async () => {
    const stream = streamName('redrive');
    const log: Delivery[] = [];
    let healed = false;
    await consume(stream, 'g', log, { consumer: 'c1', redeliverAfterMs: REDELIVER_MS, maxDeliveries: 1 }, async (event) => {
      if (!healed && event.type.startsWith('poison')) throw new Error('not yet');
    });
    const firstId = await bus.publish(stream, 'poison.1', { n: 1 });
    await bus.publish(stream, 'poison.2', { n: 2 });
    await waitFor(async () => (await bus.deadLetterCount(stream)) === 2, 'two dead letters', 15_000);
    const letters = await bus.deadLetters(stream);
    expect(letters.map((l) => l.originalId)[0]).toBe(firstId);

    healed = true;
    expect(await bus.redrive(stream, [letters[0]!.id, 'no-such-id'])).toEqual([letters[0]!.id]);
    await waitFor(() => log.filter((d) => d.event.type === 'poison.1').length >= 2, 'the redriven event');
    const again = log.filter((d) => d.event.type === 'poison.1')[1]!.event;
    expect(again.id).not.toBe(firstId);
    expect(again.payload).toEqual({ n: 1 });
    expect(again.occurredAt).toBe(log[0]!.event.occurredAt);
    expect((await bus.deadLetters(stream)).map((l) => l.id)).toEqual([letters[1]!.id]);

    expect(await bus.redrive(stream, 'all')).toEqual([letters[1]!.id]);
    await waitFor(() => log.filter((d) => d.event.type === 'poison.2').length >= 2, 'the second redriven event');
    expect(await bus.deadLetterCount(stream)).toBe(0);
  });

  it('reports each group’s pending entries and lag', async () => {
    const stream = streamName('lag');
    for (let i = 0; i < 3; i++) await bus.publish(stream, 'item', { i });
    const log: Delivery[] = [];
    let release: () => void = () => undefined;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const subscription = await consume(stream, 'g', log, { consumer: 'c1', batchSize: 1 }, () => hung);
    try {
      await waitFor(() => log.length >= 1, 'the first delivery');
      const [group] = await bus.groups(stream);
      expect(group).toMatchObject({ name: 'g', pending: 1, lag: 2, lastDeliveredId: log[0]!.event.id });
      expect(group!.consumers).toEqual([expect.objectContaining({ name: 'c1', pending: 1 })]);
    } finally {
      release();
      await subscription.stop();
    }
  });
});
