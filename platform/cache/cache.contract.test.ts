import { createRedis } from '../redis';
import { contractTargets, deleteKeysWithPrefix, sleep } from '../testing/contractTargets';
import type { Cache } from './cache';
import { MemoryCache } from './memoryCache';
import { RedisCache } from './redisCache';

interface CacheFixture {
  /** A cache with this default TTL; whether caches share a store is left to the implementation. */
  cache(defaultTtlSeconds: number): Cache;
  close(): Promise<void>;
}

const targets = contractTargets<CacheFixture>({
  async memory() {
    const caches: Cache[] = [];
    return {
      cache(defaultTtlSeconds) {
        const cache = new MemoryCache(defaultTtlSeconds);
        caches.push(cache);
        return cache;
      },
      async close() {
        await Promise.all(caches.map((c) => c.close()));
      },
    };
  },
  async redis(config) {
    const redis = await createRedis(config);
    return {
      cache: (defaultTtlSeconds) => new RedisCache(redis, defaultTtlSeconds, config.keyPrefix),
      async close() {
        await deleteKeysWithPrefix(redis, config.keyPrefix);
        redis.disconnect();
      },
    };
  },
});

describe.each(targets)('Cache contract ($name)', (target) => {
  let fixture: CacheFixture;
  let cache: Cache;
  // Keys are unique per case so no case depends on another's leftovers.
  let n = 0;
  const key = (name: string) => `${name}-${++n}`;

  beforeAll(async () => {
    fixture = await target.open();
    cache = fixture.cache(60);
  });
  afterAll(() => fixture.close());

  it('returns undefined for a key that was never set', async () => {
    await expect(cache.get(key('missing'))).resolves.toBeUndefined();
  });

  it('round-trips a JSON object as an equal copy', async () => {
    const k = key('object');
    const value = { id: 'p-1', price: 9.5, tags: ['a', 'b'], nested: { ok: true, none: null } };
    await cache.set(k, value);

    const first = await cache.get<typeof value>(k);
    expect(first).toEqual(value);
    expect(first).not.toBe(value);

    // Neither the caller's original nor a returned copy is the cached value.
    value.tags.push('mutated-original');
    first!.nested.ok = false;
    first!.tags.length = 0;
    await expect(cache.get(k)).resolves.toEqual({ id: 'p-1', price: 9.5, tags: ['a', 'b'], nested: { ok: true, none: null } });
  });

  it.each([0, false, '', null, [], 'text'])('keeps the falsy-or-plain value %j distinct from a missing key', async (value) => {
    const k = key('plain');
    await cache.set(k, value);
    await expect(cache.get(k)).resolves.toEqual(value);
  });

  it('overwrites a value on a second set', async () => {
    const k = key('overwrite');
    await cache.set(k, { v: 1 });
    await cache.set(k, { v: 2 });
    await expect(cache.get(k)).resolves.toEqual({ v: 2 });
  });

  it('expires entries after an explicit TTL, or the default TTL when none is given', async () => {
    const shortDefault = fixture.cache(1);
    const explicitShort = key('explicit-short');
    const explicitLong = key('explicit-long');
    const defaultShort = key('default-short');
    const defaultLong = key('default-long');
    await cache.set(explicitShort, 'a', 1);
    await shortDefault.set(explicitLong, 'b', 60);
    await shortDefault.set(defaultShort, 'c');
    await cache.set(defaultLong, 'd');
    await expect(cache.get(explicitShort)).resolves.toBe('a');
    await expect(shortDefault.get(defaultShort)).resolves.toBe('c');

    await sleep(1200);

    await expect(cache.get(explicitShort)).resolves.toBeUndefined();
    await expect(shortDefault.get(defaultShort)).resolves.toBeUndefined();
    // An explicit TTL wins over the cache's default, in both directions.
    await expect(shortDefault.get(explicitLong)).resolves.toBe('b');
    await expect(cache.get(defaultLong)).resolves.toBe('d');
  });

  it('deletes several keys at once and leaves the others', async () => {
    const [a, b, c] = [key('del-a'), key('del-b'), key('del-c')];
    await Promise.all([cache.set(a, 1), cache.set(b, 2), cache.set(c, 3)]);

    await cache.delete(a, b, key('del-never-set'));

    await expect(cache.get(a)).resolves.toBeUndefined();
    await expect(cache.get(b)).resolves.toBeUndefined();
    await expect(cache.get(c)).resolves.toBe(3);
  });

  it('reads several keys in order, undefined where missing', async () => {
    const [a, b] = [key('many-a'), key('many-b')];
    await Promise.all([cache.set(a, 'x'), cache.set(b, { n: 2 })]);
    await expect(cache.getMany([b, key('many-missing'), a])).resolves.toEqual([{ n: 2 }, undefined, 'x']);
    await expect(cache.getMany([])).resolves.toEqual([]);
  });

  it('accepts a delete of no keys', async () => {
    await expect(cache.delete()).resolves.toBeUndefined();
  });
});
