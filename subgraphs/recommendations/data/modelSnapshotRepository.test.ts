import zlib from 'node:zlib';
import type { InteractionType, ProductSnapshot } from '../../../platform/events/topics';
import { seededRandom } from '../../../platform/seededRandom';
import { defaultEngineOptions, RecommendationEngine, type EngineOptions, type Interaction } from '../engine/recommendationEngine';
import { decodeSnapshot, encodeSnapshot } from './modelSnapshotRepository';

// The binary snapshot: a restored engine must answer exactly as the one that
// was saved, and keep doing so as both learn the same later events; anything
// that is not a snapshot of this format must be refused, never misread.

const NOW = Date.UTC(2026, 10, 1);
const options: EngineOptions = { ...defaultEngineOptions, now: () => NOW };
const CATEGORIES = Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-0000000c000${i}`);
const id = (prefix: string, n: number) => `00000000-0000-4000-${prefix}-${String(n).padStart(12, '0')}`;

const products: ProductSnapshot[] = Array.from({ length: 40 }, (_, i) => ({
  productId: id('8000', i),
  sku: `p-${i}`,
  name: `Product ${i} ${['fresh', 'organic', 'classic'][i % 3]}`,
  brand: null,
  tags: [],
  categoryId: CATEGORIES[i % 4]!,
  categoryPath: [CATEGORIES[i % 4]!],
  price: '2.00',
  effectivePrice: `${1 + (i % 7)}.50`,
  currency: 'EUR',
  stockQuantity: 10,
  dietaryTags: i % 3 === 0 ? ['VEGAN'] : [],
  sustainabilityScore: (i * 13) % 100,
  carbonFootprintKg: `${(i % 5) + 0.5}`,
  sustainabilityLabels: [],
  storeIds: [],
  archived: false,
}));
const shoppers = Array.from({ length: 12 }, (_, i) => id('9000', i));

/** Browsing and baskets of a few shoppers over a day, deterministic for a seed. */
function interactions(seed: number, count: number, start: number): Interaction[] {
  const random = seededRandom(seed);
  const types: InteractionType[] = ['VIEW', 'CLICK', 'ADD_TO_CART', 'PURCHASE', 'SEARCH'];
  const out: Interaction[] = [];
  for (let k = 0; k < count; k++) {
    const item = Math.floor(random() ** 2 * products.length);
    const type = types[Math.floor(random() * types.length)]!;
    out.push({
      eventId: id(`e${String(seed).padStart(3, '0')}`, k),
      shopperId: shoppers[Math.floor(random() * shoppers.length)]!,
      type,
      productId: type === 'SEARCH' ? null : products[item]!.productId,
      basketId: type === 'PURCHASE' ? id(`b${String(seed).padStart(3, '0')}`, Math.floor(k / 4)) : null,
      occurredAt: start + k * 60_000,
    });
  }
  return out;
}

function trained(): RecommendationEngine {
  const engine = new RecommendationEngine(options);
  for (const p of products) engine.applyProduct(p);
  for (const e of interactions(1, 600, NOW - 86_400_000)) engine.ingest(e);
  engine.refit();
  return engine;
}

async function restoredFrom(data: Buffer): Promise<RecommendationEngine> {
  const result = await decodeSnapshot(data);
  if (!result.snapshot) throw new Error(`snapshot not readable: ${result.problem}`);
  const engine = RecommendationEngine.fromSnapshot(result.snapshot, options);
  for (const p of products) engine.applyProduct(p);
  return engine;
}

/** Every kind of list, for several anchors, carts and shoppers: what a restored engine must answer alike. */
function answers(engine: RecommendationEngine): unknown[] {
  const request = { first: 8 };
  const lists: unknown[] = [];
  for (const p of products.slice(0, 12)) {
    lists.push(engine.frequentlyBoughtTogether(p.productId, request), engine.similar(p.productId, request));
  }
  for (let i = 0; i < 10; i++) lists.push(engine.cartSuggestions([products[i]!.productId, products[(i * 7) % 40]!.productId], request));
  for (const shopper of shoppers) {
    lists.push(engine.personalized(shopper, request), engine.buyItAgain(shopper, request), engine.recentlyViewed(shopper, request), engine.auto(shopper, request));
  }
  lists.push(engine.popular(request), engine.trending(request), engine.popular({ first: 5, filter: { categoryId: CATEGORIES[1]! } }));
  return lists;
}

describe('model snapshot', () => {
  it('round-trips exactly: the restored engine answers the same, saves the same bytes, and learns the same afterwards', async () => {
    const original = trained();
    const data = await encodeSnapshot(original.toSnapshot());
    const restored = await restoredFrom(data);
    expect(answers(restored)).toEqual(answers(original));
    expect(restored.shopperCount).toBe(original.shopperCount);
    // The health report's count of learned interactions goes on from the snapshot's.
    expect(original.interactionCount).toBeGreaterThan(0);
    expect(restored.interactionCount).toBe(original.interactionCount);
    expect((await encodeSnapshot(restored.toSnapshot())).equals(data)).toBe(true);

    // What came after the snapshot: new pairs on top of the restored ones, new shoppers' histories
    // (in new baskets: which baskets are still open is not part of a snapshot).
    const later = interactions(2, 200, NOW - 3_600_000).map((e, k) => (k % 3 === 0 ? { ...e, shopperId: id('9100', k) } : e));
    for (const engine of [original, restored]) for (const e of later) engine.ingest(e);
    expect(answers(restored)).toEqual(answers(original));
    expect(restored.interactionCount).toBe(original.interactionCount);
    for (const engine of [original, restored]) engine.refit();
    expect(answers(restored)).toEqual(answers(original));
    expect((await encodeSnapshot(restored.toSnapshot())).equals(await encodeSnapshot(original.toSnapshot()))).toBe(true);
  });

  it('refuses a damaged snapshot, whatever the damage, instead of misreading it', async () => {
    const data = await encodeSnapshot(trained().toSnapshot());
    const truncated = data.subarray(0, data.length - 100);
    const flipped = Buffer.from(data);
    flipped[Math.floor(data.length / 2)]! ^= 0xff;
    for (const damaged of [truncated, flipped, Buffer.alloc(0), Buffer.from('SCE3')]) {
      const result = await decodeSnapshot(damaged);
      expect(result.snapshot).toBeNull();
      expect(result.problem).toMatch(/damaged|not a snapshot/);
    }
  });

  it('refuses a well-formed body whose contents do not add up (an index out of range)', async () => {
    const snapshot = trained().toSnapshot();
    snapshot.baskets.partners[0] = snapshot.items.length + 5;
    const result = await decodeSnapshot(await encodeSnapshot(snapshot));
    expect(result).toEqual({ snapshot: null, problem: expect.stringMatching(/^damaged \(baskets/) });
  });

  it('ignores snapshots of the earlier formats and of another version, so that the host rebuilds', async () => {
    const firstFormat = zlib.gzipSync(Buffer.from(JSON.stringify({ version: 1, items: [], shoppers: [] })));
    const secondFormat = Buffer.concat([Buffer.from('SCE2'), Buffer.alloc(4), firstFormat]);
    for (const old of [firstFormat, secondFormat]) expect(await decodeSnapshot(old)).toEqual({ snapshot: null, problem: 'an older format' });

    const snapshot = trained().toSnapshot();
    const otherVersion = await encodeSnapshot({ ...snapshot, version: 3 as unknown as typeof snapshot.version });
    expect(await decodeSnapshot(otherVersion)).toEqual({ snapshot: null, problem: 'version 3' });
  });
});
