import { createRedis } from '../redis';
import { contractTargets, waitFor } from '../testing/contractTargets';
import { MemoryPubSub } from './memoryPubSub';
import type { MessageHandler, PubSub } from './pubsub';
import { RedisPubSub } from './redisPubSub';

interface PubSubFixture {
  pubsub: PubSub;
  /** Channels the backing server still has subscribed for us; the in-memory bus has no server, so none. */
  serverChannels(): Promise<string[]>;
  /** Cuts the subscriber's connection (the in-memory bus has none); call the result to restore it. */
  interrupt(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const targets = contractTargets<PubSubFixture>({
  async memory() {
    const pubsub = new MemoryPubSub();
    return { pubsub, serverChannels: async () => [], interrupt: async () => async () => undefined, close: () => pubsub.close() };
  },
  async redis(config) {
    const publisher = await createRedis(config);
    const subscriber = await createRedis(config, { blocking: true });
    const pubsub = new RedisPubSub(publisher, subscriber, config.keyPrefix);
    return {
      pubsub,
      // Asked through the publisher: the subscriber connection cannot run PUBSUB.
      serverChannels: () => publisher.pubsub('CHANNELS', `${config.keyPrefix}*`) as Promise<string[]>,
      async interrupt() {
        const ended = new Promise((resolve) => subscriber.once('end', resolve));
        subscriber.disconnect();
        await ended;
        return () => subscriber.connect();
      },
      async close() {
        await pubsub.close();
        subscriber.disconnect();
        publisher.disconnect();
      },
    };
  },
});

/** Records what a handler receives. */
function inbox() {
  const messages: unknown[] = [];
  return { messages, handler: (message: unknown) => void messages.push(message) };
}

describe.each(targets)('PubSub contract ($name)', (target) => {
  let fixture: PubSubFixture;
  let pubsub: PubSub;
  // Channels are unique per case so a late message can never land in another case.
  let n = 0;
  const channel = (name: string) => `${name}-${++n}`;

  beforeAll(async () => {
    fixture = await target.open();
    pubsub = fixture.pubsub;
  });
  afterAll(() => fixture.close());

  // Unsubscribes whatever a failed case left behind, so one failure cannot
  // cascade; what is still active after that is a leak.
  const unsubscribers: (() => Promise<void>)[] = [];
  async function subscribe(ch: string, handler: MessageHandler): Promise<() => Promise<void>> {
    const off = await pubsub.subscribe(ch, handler);
    unsubscribers.push(off);
    return off;
  }
  afterEach(async () => {
    await Promise.all(unsubscribers.splice(0).map((off) => off()));
    expect(pubsub.activeChannels()).toBe(0);
  });

  it('delivers messages published after subscribe resolves, in order, as copies', async () => {
    const ch = channel('ordered');
    const box = inbox();
    const unsubscribe = await subscribe(ch, box.handler);
    const sent = Array.from({ length: 20 }, (_, i) => ({ seq: i, body: { text: `m${i}` } }));

    for (const message of sent) await pubsub.publish(ch, message);
    await waitFor(() => box.messages.length >= sent.length, '20 messages');

    expect(box.messages).toEqual(sent);
    expect(box.messages[0]).not.toBe(sent[0]);
    await unsubscribe();
  });

  it('delivers every message to each of two subscribers of a channel, once', async () => {
    const ch = channel('fanout');
    const first = inbox();
    const second = inbox();
    const offs = [await subscribe(ch, first.handler), await subscribe(ch, second.handler)];
    expect(pubsub.activeChannels()).toBe(1);

    await pubsub.publish(ch, { n: 1 });
    await pubsub.publish(ch, { n: 2 });
    await waitFor(() => first.messages.length >= 2 && second.messages.length >= 2, 'both subscribers');

    expect(first.messages).toEqual([{ n: 1 }, { n: 2 }]);
    expect(second.messages).toEqual([{ n: 1 }, { n: 2 }]);
    // Each subscriber gets its own copy, so one cannot change what the other sees.
    expect(first.messages[0]).not.toBe(second.messages[0]);
    for (const off of offs) await off();
  });

  it('delivers undefined, which has no JSON form, as null', async () => {
    const ch = channel('undefined');
    const box = inbox();
    const off = await subscribe(ch, box.handler);
    await pubsub.publish(ch, undefined);
    await pubsub.publish(ch, 'next');
    await waitFor(() => box.messages.length >= 2, 'both messages');
    expect(box.messages).toEqual([null, 'next']);
    await off();
  });

  it('keeps channels apart', async () => {
    const a = channel('a');
    const b = channel('b');
    const boxA = inbox();
    const boxB = inbox();
    const offs = [await subscribe(a, boxA.handler), await subscribe(b, boxB.handler)];
    expect(pubsub.activeChannels()).toBe(2);

    await pubsub.publish(b, 'for b');
    await pubsub.publish(channel('nobody'), 'for nobody');
    await pubsub.publish(a, 'for a');
    // Delivery is in publish order, so once the last message is in, a leak would be too.
    await waitFor(() => boxA.messages.length >= 1 && boxB.messages.length >= 1, 'both channels');

    expect(boxA.messages).toEqual(['for a']);
    expect(boxB.messages).toEqual(['for b']);
    for (const off of offs) await off();
  });

  it('stops delivering after unsubscribe and releases the channel', async () => {
    const ch = channel('unsub');
    const leaving = inbox();
    const staying = inbox();
    const leave = await subscribe(ch, leaving.handler);
    const stay = await subscribe(ch, staying.handler);
    await pubsub.publish(ch, 'before');
    await waitFor(() => leaving.messages.length >= 1 && staying.messages.length >= 1, 'first message');

    await leave();
    await leave(); // a second call must not take the other subscriber's handler with it
    expect(pubsub.activeChannels()).toBe(1);
    await pubsub.publish(ch, 'after');
    await waitFor(() => staying.messages.length >= 2, 'message to the remaining subscriber');
    expect(leaving.messages).toEqual(['before']);
    expect(staying.messages).toEqual(['before', 'after']);

    await stay();
    expect(pubsub.activeChannels()).toBe(0);

    // Proves the channel is really gone: a message published there now would
    // arrive before this marker on another channel, if it arrived at all.
    const marker = channel('marker');
    const markerBox = inbox();
    const offMarker = await subscribe(marker, markerBox.handler);
    await pubsub.publish(ch, 'too late');
    await pubsub.publish(marker, 'marker');
    await waitFor(() => markerBox.messages.length >= 1, 'marker');
    expect(staying.messages).toEqual(['before', 'after']);
    await offMarker();
  });

  it('leaves nothing subscribed after 1,000 sequential subscribe/unsubscribe cycles', async () => {
    const ch = channel('churn');
    for (let i = 0; i < 1000; i++) {
      const off = await subscribe(i % 2 === 0 ? ch : `${ch}-${i}`, () => undefined);
      await off();
    }
    expect(pubsub.activeChannels()).toBe(0);
    await expect(fixture.serverChannels()).resolves.toEqual([]);
  });

  it('keeps every subscription live through 1,000 overlapping subscribe/unsubscribe cycles', async () => {
    const ch = channel('overlap');
    // 50 workers of 20 cycles over 3 channels: subscriptions start while
    // others on the same channel are ending, the case the reference counting exists for.
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        for (let round = 0; round < 20; round++) {
          const token = `${worker}:${round}`;
          let arrived = false;
          const off = await subscribe(`${ch}-${(worker + round) % 3}`, (message) => {
            if (message === token) arrived = true;
          });
          await pubsub.publish(`${ch}-${(worker + round) % 3}`, token);
          await waitFor(() => arrived, `message ${token} on a freshly resolved subscription`);
          await off();
        }
      }),
    );
    expect(pubsub.activeChannels()).toBe(0);
    await expect(fixture.serverChannels()).resolves.toEqual([]);
  });

  it('does not leave a channel half-subscribed when subscribing fails', async () => {
    const ch = channel('outage');
    const restore = await fixture.interrupt();
    // With no connection the subscribe may fail; the contract is only that a failure leaves nothing behind.
    const attempt = await subscribe(ch, () => undefined).catch(() => undefined);
    await restore();

    const box = inbox();
    const off = await subscribe(ch, box.handler);
    await pubsub.publish(ch, 'after the outage');
    await waitFor(() => box.messages.length >= 1, 'message after the outage');
    expect(box.messages).toEqual(['after the outage']);

    await off();
    await attempt?.();
    expect(pubsub.activeChannels()).toBe(0);
    await expect(fixture.serverChannels()).resolves.toEqual([]);
  });

  it('contains a handler that throws or rejects: counted, and the other subscribers still get the message', async () => {
    const ch = channel('throwing');
    const before = pubsub.handlerFailures();
    const box = inbox();
    const offs = [
      await subscribe(ch, () => {
        throw new Error('handler bug');
      }),
      await subscribe(ch, async () => {
        throw new Error('async handler bug');
      }),
      await subscribe(ch, box.handler),
    ];
    await pubsub.publish(ch, 'one');
    await pubsub.publish(ch, 'two');
    await waitFor(() => box.messages.length >= 2 && pubsub.handlerFailures() - before >= 4, 'both messages and four contained failures');
    expect(box.messages).toEqual(['one', 'two']);
    expect(pubsub.handlerFailures() - before).toBe(4);
    for (const off of offs) await off();
  });
});

