import crypto from 'node:crypto';
import { baseConfig, currentTestRun } from '../../test/support/testEnvironment';
import type { RedisConfig } from '../config';
import type { Redis } from '../redis';

// Contract tests run one list of cases against every implementation of an
// interface. The in-memory one always runs; the Redis one joins only when the
// run is configured with REDIS_URL, so an embedded run never needs a server.

export interface ContractTarget<Fixture> {
  name: 'memory' | 'redis';
  open(): Promise<Fixture>;
}

export interface ContractFactories<Fixture> {
  memory(): Promise<Fixture>;
  /** `redis.keyPrefix` is unique to this test file; everything must live under it. */
  redis(redis: RedisConfig): Promise<Fixture>;
}

export function contractTargets<Fixture>(factories: ContractFactories<Fixture>): ContractTarget<Fixture>[] {
  const targets: ContractTarget<Fixture>[] = [{ name: 'memory', open: () => factories.memory() }];
  const redis = baseConfig().redis;
  if (redis) {
    // Nested under the run's prefix so globalTeardown sweeps up whatever a crashed file leaves behind.
    const runPrefix = currentTestRun().redisPrefix ?? 'smartcart-test-';
    const keyPrefix = `${runPrefix}${crypto.randomBytes(4).toString('hex')}:`;
    targets.push({ name: 'redis', open: () => factories.redis({ ...redis, keyPrefix }) });
  }
  return targets;
}

export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls instead of sleeping for a worst case, so a passing test is as fast as the code under test. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
