import crypto from 'node:crypto';
import type { RedisConfig } from '../config';
import { createRedis, type Redis } from '../redis';
import { RedisEventBus } from './redisEventBus';
import { STREAM_START } from './streamIds';
import type { Subscription } from './eventBus';
import { startChaosProxy, type ChaosProxy } from '../../test/support/chaosProxy';
import { startThrowawayRedis, type ThrowawayRedis } from '../../test/support/throwawayRedis';
import { eventually } from '../../test/support/eventually';

// A service shutting down while its Redis is dead must still shut down:
// Kubernetes sends SIGTERM to pods whose Redis went away, and a stop() that
// waits on a read nobody will answer keeps the pod until it is killed. Redis
// is reached through a proxy the test breaks: `down` refuses connections (a
// killed Redis), `hang` takes them and never answers (a hung one, or a
// network that drops packets).

const GENEROUS_MS = 20_000;

let redis: ThrowawayRedis;
let proxy: ChaosProxy;
let client: Redis;
let bus: RedisEventBus;

beforeAll(async () => {
  redis = await startThrowawayRedis();
  proxy = await startChaosProxy({ port: redis.port });
});

afterAll(async () => {
  await proxy?.close();
  await redis?.stop();
});

beforeEach(async () => {
  await proxy.setMode('forward');
  const config: RedisConfig = { url: `redis://127.0.0.1:${proxy.port}`, commandTimeoutMs: 500, keyPrefix: `stop-${crypto.randomBytes(3).toString('hex')}:` };
  client = await createRedis(config, { tolerateDown: true });
  bus = new RedisEventBus(client, config, config.keyPrefix, { retry: { initialMs: 50, maxMs: 200 } });
});

afterEach(() => client.disconnect());

/** Settles with 'stopped' once stop() resolves, or 'still waiting' after a generous wait. */
async function stopWithin(subscription: Subscription): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still waiting'), GENEROUS_MS)));
  try {
    return await Promise.race([subscription.stop().then(() => 'stopped'), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function subscribe(kind: 'consume' | 'follow'): Promise<Subscription> {
  const handled: string[] = [];
  const subscription =
    kind === 'consume'
      ? await bus.consume('orders', 'stop-test', async (event) => void handled.push(event.id), { consumer: 'c1' })
      : await bus.follow('orders', async (event) => void handled.push(event.id), { after: STREAM_START });
  // Running for real first: an event published is handled.
  const id = await bus.publish('orders', 'order.placed', { n: 1 });
  await eventually(() => (handled.includes(id) ? true : undefined), GENEROUS_MS, `${kind} handling an event`);
  return subscription;
}

describe.each(['consume', 'follow'] as const)('RedisEventBus.%s().stop() with Redis gone', (kind) => {
  it('returns when Redis refuses connections', async () => {
    const subscription = await subscribe(kind);
    await proxy.setMode('down');
    await eventually(() => (subscription.status().state === 'retrying' ? true : undefined), GENEROUS_MS, `${kind} noticing the outage`);
    expect(await stopWithin(subscription)).toBe('stopped');
    expect(subscription.status().state).toBe('stopped');
  });

  it('returns when Redis takes connections and never answers', async () => {
    const subscription = await subscribe(kind);
    const before = proxy.accepted;
    await proxy.setMode('hang');
    // The dropped connection is made again, into the hang: whatever the loop waits on now gets no answer.
    await eventually(() => (proxy.accepted > before ? true : undefined), GENEROUS_MS, `${kind} reconnecting into the hang`);
    expect(await stopWithin(subscription)).toBe('stopped');
    expect(subscription.status().state).toBe('stopped');
  });
});
