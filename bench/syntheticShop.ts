import type { ProductSnapshot } from '../platform/events/topics';
import type { Interaction } from '../subgraphs/recommendations/engine/recommendationEngine';
import { seededRandom } from '../platform/seededRandom';

// A deterministic synthetic shop for benchmarks: Zipf-like popularity, baskets
// that mix a few categories, shoppers who browse before they buy.

function uuid(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

export interface SyntheticShop {
  products: ProductSnapshot[];
  interactions: Interaction[];
}

export function syntheticShop(productCount: number, interactionCount: number, seed = 42): SyntheticShop {
  const random = seededRandom(seed);
  const categories = Array.from({ length: 50 }, (_, i) => uuid(0xca7, i));
  const products: ProductSnapshot[] = Array.from({ length: productCount }, (_, i) => {
    const category = categories[i % categories.length]!;
    const cents = 50 + Math.floor(random() * 1500);
    return {
      productId: uuid(0x9d, i),
      sku: `bench-${i}`,
      name: `Product ${i} ${['fresh', 'organic', 'classic', 'light', 'family'][i % 5]}`,
      brand: `Brand ${i % 200}`,
      tags: [`tag${i % 30}`],
      categoryId: category,
      categoryPath: [categories[Math.floor((i % categories.length) / 10)]!, category],
      price: (cents / 100).toFixed(2),
      effectivePrice: (cents / 100).toFixed(2),
      currency: 'EUR',
      stockQuantity: random() < 0.05 ? 0 : 1 + Math.floor(random() * 200),
      dietaryTags: random() < 0.3 ? ['VEGAN'] : [],
      sustainabilityScore: Math.floor(random() * 100),
      carbonFootprintKg: (random() * 5).toFixed(3),
      sustainabilityLabels: random() < 0.2 ? ['ORGANIC'] : [],
      storeIds: [],
      archived: false,
    };
  });
  // Zipf(1) over products: a few staples, a long tail.
  const weights = products.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const pick = () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const interactions: Interaction[] = [];
  const start = Date.UTC(2026, 9, 1);
  const span = 30 * 86_400_000;
  let n = 0;
  while (interactions.length < interactionCount) {
    const shopperId = uuid(0x5b, Math.floor(random() * (interactionCount / 20)));
    const at = start + Math.floor((interactions.length / interactionCount) * span);
    // A basket: an anchor and items from its category neighbourhood.
    const anchor = pick();
    const size = 1 + Math.floor(random() * 6);
    const basketId = uuid(0xba, n++);
    const items = new Set<number>([anchor]);
    while (items.size < size) items.add(random() < 0.5 ? (anchor + 50 * (1 + Math.floor(random() * 3))) % productCount : pick());
    for (const item of items) {
      const productId = products[item]!.productId;
      interactions.push({ eventId: uuid(0xe0, interactions.length), shopperId, type: 'VIEW', productId, basketId: null, occurredAt: at });
      if (random() < 0.6) interactions.push({ eventId: uuid(0xe0, interactions.length), shopperId, type: 'PURCHASE', productId, basketId, occurredAt: at });
    }
  }
  return { products, interactions: interactions.slice(0, interactionCount) };
}
