import { MemoryCache } from '../../platform/cache/memoryCache';
import type { RecommendationList } from './engine/recommendationEngine';
import { Scopes } from './engine/scopes';
import { RecommendationCache } from './recommendationCache';

// The list cache on its own, over the in-process shared cache: what is
// answered from the replica's memory, from the shared entries, or computed,
// and what a change learned by the replica drops.

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function listOf(...productIds: string[]): RecommendationList {
  return {
    items: productIds.map((productId, n) => ({ productId, score: 1 - n / 10, confidence: 0.1, type: 'SIMILAR', reason: 'Similar', recommendationId: `r${n}` })),
    servedBy: ['SIMILAR'],
  } as RecommendationList;
}

/** A shared cache that counts its round trips. */
function countingCache(): { cache: MemoryCache; reads: () => number } {
  const cache = new MemoryCache(60);
  let reads = 0;
  const getMany = cache.getMany.bind(cache);
  cache.getMany = (keys) => {
    reads++;
    return getMany(keys);
  };
  return { cache, reads: () => reads };
}

describe('RecommendationCache', () => {
  it('answers a repeated list from the replica’s memory, with no round trip', async () => {
    const { cache, reads } = countingCache();
    const recs = new RecommendationCache(cache, 60, 5, 100);
    let computed = 0;
    const compute = () => (computed++, listOf(A, B));
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute)).toEqual(listOf(A, B));
    await recs.flush();
    const before = reads();
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute)).toEqual(listOf(A, B));
    expect(reads()).toBe(before);
    expect(computed).toBe(1);
    expect(recs.stats).toEqual({ hits: 1, misses: 1 });
  });

  it('computes every list and stores none when its lifetime is 0 (off)', async () => {
    const { cache, reads } = countingCache();
    const recs = new RecommendationCache(cache, 0, 0, 100);
    let computed = 0;
    const compute = () => (computed++, listOf(A, B));
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute)).toEqual(listOf(A, B));
    await recs.flush();
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute)).toEqual(listOf(A, B));
    expect(computed).toBe(2);
    expect(reads()).toBe(0);
  });

  it('neither serves nor keeps a shared entry whose scope changed here before the new token is written', async () => {
    const { cache } = countingCache();
    const writer = new RecommendationCache(cache, 60, 5, 0);
    await writer.getOrCompute(['similar', 'x'], [Scopes.product('x')], () => listOf(A, B));
    await writer.flush();
    const recs = new RecommendationCache(cache, 60, 5, 100);
    let computed = 0;
    const fresh = () => (computed++, listOf(B));
    // Learned, not flushed: the shared entry still carries valid-looking tokens.
    recs.invalidate([Scopes.product('x')]);
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], fresh)).toEqual(listOf(B));
    await recs.flush();
    expect(await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], fresh)).toEqual(listOf(B));
    expect(computed).toBeGreaterThanOrEqual(1);
  });

  it('drops a kept list when the replica learns a change to any of its scopes, the answer’s products included', async () => {
    const { cache } = countingCache();
    const recs = new RecommendationCache(cache, 60, 5, 100);
    let computed = 0;
    const compute = () => (computed++, listOf(A, B));
    await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute);
    await recs.flush();
    recs.invalidate([Scopes.product(B)]);
    await recs.flush();
    await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(2);
    // An unrelated change keeps it.
    await recs.flush();
    recs.invalidate([Scopes.product('00000000-0000-4000-8000-0000000000ff')]);
    await recs.getOrCompute(['similar', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(2);
  });

  it('shares entries between replicas; each drops what a change touched when it learns the change', async () => {
    const shared = new MemoryCache(60);
    const one = new RecommendationCache(shared, 60, 5, 100);
    const two = new RecommendationCache(shared, 60, 5, 0);
    let computed = 0;
    const compute = () => (computed++, listOf(A, B));
    await one.getOrCompute(['fbt', 'x'], [Scopes.product('x')], compute);
    await one.flush();
    await two.getOrCompute(['fbt', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(1);
    expect(two.stats.hits).toBe(1);
    // Replica two learns a change first: it replaces the scope's shared token, and its next lookup computes.
    two.invalidate([Scopes.product(A)]);
    await two.flush();
    await two.getOrCompute(['fbt', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(2);
    await two.flush();
    // Until replica one learns it, it answers from its own copy; then it drops the copy, and (its
    // new token replacing two's, so that nothing computed before the change survives) computes.
    await one.getOrCompute(['fbt', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(2);
    one.invalidate([Scopes.product(A)]);
    await one.flush();
    await one.getOrCompute(['fbt', 'x'], [Scopes.product('x')], compute);
    expect(computed).toBe(3);
  });

  it('stores nothing computed while a change to one of its scopes was learned', async () => {
    const shared = new MemoryCache(60);
    const recs = new RecommendationCache(shared, 60, 5, 100);
    let computed = 0;
    const compute = () => {
      computed++;
      // Learned while the list is being computed and stored.
      if (computed === 1) recs.invalidate([Scopes.product(B)]);
      return listOf(A, B);
    };
    await recs.getOrCompute(['fbt', 'y'], [Scopes.product('y')], compute);
    await recs.flush();
    await recs.getOrCompute(['fbt', 'y'], [Scopes.product('y')], compute);
    expect(computed).toBe(2);
  });

  it('keeps nothing locally with 0 entries: every lookup reads the shared entries', async () => {
    const { cache, reads } = countingCache();
    const recs = new RecommendationCache(cache, 60, 5, 0);
    await recs.getOrCompute(['popular'], [], () => listOf(A));
    await recs.flush();
    const before = reads();
    await recs.getOrCompute(['popular'], [], () => listOf(B));
    expect(reads()).toBeGreaterThan(before);
    expect(recs.stats).toEqual({ hits: 1, misses: 1 });
  });
});
