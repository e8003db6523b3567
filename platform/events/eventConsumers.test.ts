import { PassThrough } from 'node:stream';
import pino from 'pino';
import { startThrowawayRedis, type ThrowawayRedis } from '../../test/support/throwawayRedis';
import { NotReadyError } from '../errors';
import { createRedis, type Redis } from '../redis';
import { waitFor } from '../testing/contractTargets';
import { EventConsumers } from './eventConsumers';
import { RedisEventBus } from './redisEventBus';

// A service's consumers through an outage of a Redis of the test's own: one
// log line when consuming stops and one when it recovers (not one per retry),
// readiness red after the grace period and green again, start-up tasks retried.

let server: ThrowawayRedis;
let redis: Redis;
let bus: RedisEventBus;
let consumers: EventConsumers;
const lines: { msg: string; level: number; stream?: string; group?: string; task?: string }[] = [];

beforeAll(async () => {
  server = await startThrowawayRedis();
  const config = { url: server.url, commandTimeoutMs: 500, keyPrefix: 'consumers-test:' };
  redis = await createRedis(config, { tolerateDown: true });
  bus = new RedisEventBus(redis, config, config.keyPrefix, { retry: { initialMs: 50, maxMs: 200 } });
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  consumers = new EventConsumers({ service: 'consumers_test', bus, logger: pino({ level: 'info' }, out), unhealthyAfterMs: 500, retry: { initialMs: 50, maxMs: 200 } });
});

afterAll(async () => {
  await consumers.close();
  await bus.close();
  redis.disconnect();
  await server.stop();
});

it('logs a failing consumer once and its recovery once, and is not ready in between (after the grace period)', async () => {
  const handled: string[] = [];
  const subscription = await consumers.consume('orders', 'billing', async (event) => void handled.push(event.type), { consumer: 'c1' });
  await bus.publish('orders', 'first', null);
  await waitFor(() => handled.length === 1, 'the first event');
  expect(() => consumers.check()).not.toThrow();

  await server.stop();
  await waitFor(() => subscription.status().state === 'retrying', 'the consumer retrying', 10_000);
  // Long enough for many attempts at a 200 ms cap.
  await waitFor(() => Date.now() - subscription.status().since > 1500, 'a while of retrying', 10_000);
  let failure: unknown;
  try {
    consumers.check();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(NotReadyError);
  expect((failure as Error).message).toMatch(/^consumer group billing on stream orders cannot consume since \S+: /);
  expect((failure as NotReadyError).details).toEqual([expect.objectContaining({ stream: 'orders', group: 'billing', state: 'retrying' })]);

  await server.start();
  // The command connection reconnects on its own schedule (ioredis's retry strategy).
  await waitFor(async () => (await redis.ping().catch(() => '')) === 'PONG', 'the command connection back', 10_000);
  await bus.publish('orders', 'after', null);
  await waitFor(() => handled.includes('after'), 'the event after the outage', 15_000);
  expect(() => consumers.check()).not.toThrow();
  const mine = lines.filter((line) => line.stream === 'orders');
  expect(mine.map((line) => line.msg)).toEqual(['event consumer cannot consume; retrying with backoff', 'event consumer recovered']);
});

it('is not ready while a start-up task fails, and retries it until it starts', async () => {
  let attempts = 0;
  const task = consumers.start('warm-up', async () => {
    if (++attempts < 3) throw new Error(`not yet (${attempts})`);
    return 'done';
  });
  await waitFor(() => task.state().state !== 'starting', 'the first attempt');
  expect(await task.started).toBe('done');
  expect(attempts).toBe(3);
  expect(() => consumers.check()).not.toThrow();
  expect(lines.filter((line) => line.task === 'warm-up').map((line) => line.msg)).toEqual(['warm-up did not start; retrying with backoff', 'warm-up started after retrying']);

  const stuck = consumers.start('never', async () => {
    throw new Error('still broken');
  });
  await waitFor(() => stuck.state().state === 'retrying', 'the stuck task retrying');
  expect(() => consumers.check()).toThrow(/^never has not started: still broken$/);
  stuck.stop();
  expect(await stuck.started).toBeUndefined();
});
