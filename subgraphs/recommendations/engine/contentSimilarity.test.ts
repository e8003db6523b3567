import type { ProductSnapshot } from '../../../platform/events/topics';
import { seededRandom } from '../../../platform/seededRandom';
import { demoProductSnapshots } from '../../../test/support/demoProductSnapshots';
import { productSnapshots } from '../../../test/support/productSnapshots';
import { CONTENT_WEIGHTS, contentFeatures, contentSimilarity, type ContentInput } from './contentSimilarity';
import { RecommendationEngine } from './recommendationEngine';

// The one content-similarity formula, on the demo shop and on small made-up
// catalogs, and the neighbour index that keeps it current event by event.

const demo = demoProductSnapshots();
const byName = (name: string): ProductSnapshot => {
  const found = demo.find((p) => p.name === name);
  if (!found) throw new Error(`no demo product ${name}`);
  return found;
};

function loaded(snapshots: readonly ProductSnapshot[]): RecommendationEngine {
  const engine = new RecommendationEngine();
  engine.loadCatalog(snapshots);
  return engine;
}

/** The plain similar list, as `Product.similar` asks for it. */
function similarNames(engine: RecommendationEngine, product: ProductSnapshot, first = 5): string[] {
  return engine.similar(product.productId, { first, strict: true }).items.map((item) => engine.catalog.byId(item.productId)!.name);
}

/** Every product's neighbour list by product id: comparable across engines whatever their item indexes. */
function allLists(engine: RecommendationEngine): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const facts of engine.catalog.all()) {
    lists.set(facts.productId, engine.neighbours.of(facts.index).map((n) => `${engine.items.idAt(n.index)}:${n.score}`));
  }
  return lists;
}

const input = (overrides: Partial<ContentInput>): ContentInput => ({
  productId: 'a',
  name: 'Spaghetti 500 g',
  brand: null,
  tags: [],
  description: '',
  categoryPath: ['food', 'pasta'],
  dietaryTags: [],
  nutrition: null,
  priceCents: 109,
  eligible: true,
  ...overrides,
});

describe('the content-similarity formula', () => {
  it('weighs category, text, diet, nutrition and price so that they add up to 1', () => {
    expect(Object.values(CONTENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const same = contentFeatures(input({}));
    // Identical but for the id, nutrition unknown on both (0.5 of its weight).
    expect(contentSimilarity(same, contentFeatures(input({ productId: 'b' })))).toBeCloseTo(1 - CONTENT_WEIGHTS.nutrition / 2, 12);
  });

  it('is symmetric to the last bit', () => {
    const a = contentFeatures(input({ name: 'Wholewheat fusilli 500 g', description: 'Bronze-cut durum wheat pasta', dietaryTags: ['VEGAN'] }));
    const b = contentFeatures(input({ productId: 'b', name: 'Penne rigate', categoryPath: ['food', 'rice'], priceCents: 250, dietaryTags: ['VEGAN', 'HALAL'] }));
    expect(contentSimilarity(a, b)).toBe(contentSimilarity(b, a));
  });

  it('counts stemmed words: "tomatoes" and "tomato" are one word', () => {
    const plural = contentFeatures(input({ name: 'Tomatoes', categoryPath: ['x'] }));
    const singular = contentFeatures(input({ productId: 'b', name: 'Tomato', categoryPath: ['y'] }));
    const other = contentFeatures(input({ productId: 'c', name: 'Cucumber', categoryPath: ['y'] }));
    expect(contentSimilarity(plural, singular)).toBeGreaterThan(contentSimilarity(plural, other) + CONTENT_WEIGHTS.text * 0.9);
  });

  it('ignores a temporary discount: only the regular price band counts', () => {
    const engine = loaded(demo);
    const milk = byName('Whole milk 1 L');
    const before = similarNames(engine, milk, 10);
    for (const p of demo) engine.applyProduct({ ...p, effectivePrice: (Number(p.price) * 0.5).toFixed(2), stockQuantity: 3 });
    expect(similarNames(engine, milk, 10)).toEqual(before);
  });
});

describe('content neighbours on the demo shop', () => {
  const engine = loaded(demo);

  it("gives pasta pasta-like neighbours: the pasta and rice aisle's", () => {
    const spaghetti = byName('Spaghetti 500 g');
    const neighbours = engine.similar(spaghetti.productId, { first: 5, strict: true }).items;
    expect(neighbours).toHaveLength(5);
    for (const item of neighbours) expect(engine.catalog.byId(item.productId)!.categoryId).toBe('pasta-rice');
    expect(similarNames(engine, spaghetti, 5)).toEqual(expect.arrayContaining(['Penne 500 g', 'Wholewheat fusilli 500 g']));
  });

  it('lists the milks beside whole milk (the README example)', () => {
    expect(similarNames(engine, byName('Whole milk 1 L'), 3)).toEqual(['Organic whole milk 1 L', 'Chocolate milk 500 ml', 'Skimmed milk 1 L']);
  });

  it('finds teas for green tea', () => {
    expect(similarNames(engine, byName('Green tea 40 bags'), 2)).toEqual(['Black tea 80 bags', 'Peppermint tea 20 bags']);
  });

  it('gives every merchandise product neighbours', () => {
    const without = engine.catalog.all().filter((facts) => engine.neighbours.of(facts.index).length === 0);
    expect(without.map((f) => f.name)).toEqual([]);
  });
});

describe('diet and kind', () => {
  const AISLE = '00000000-0000-4000-8000-00000000c001';
  const product = productSnapshots({ categoryId: AISLE, categoryPath: [AISLE] }, 0xc0ffee);

  it('lets a vegan product prefer vegan neighbours among otherwise equal ones', () => {
    const oat = product('Oat drink 1 L', { dietaryTags: ['VEGAN', 'VEGETARIAN'] });
    const milk = product('Whole drink 1 L', { dietaryTags: ['VEGETARIAN'] });
    const soy = product('Soy drink 1 L', { dietaryTags: ['VEGAN', 'VEGETARIAN'] });
    const engine = loaded([oat, milk, soy]);
    expect(similarNames(engine, oat)).toEqual(['Soy drink 1 L', 'Whole drink 1 L']);
    // On the demo shop too: the plant drinks come before any milk.
    const demoEngine = loaded(demo);
    expect(similarNames(demoEngine, byName('Oat drink 1 L'), 2)).toEqual(['Soy drink 1 L', 'Almond drink 1 L']);
  });

  it('never lists a fee, service, deposit or gift card, and gives them no neighbours', () => {
    const spaghetti = product('Spaghetti 500 g');
    const penne = product('Penne 500 g');
    const fees = (['FEE', 'SERVICE', 'DEPOSIT', 'GIFT_CARD'] as const).map((kind) => product(`Spaghetti 500 g ${kind.toLowerCase()}`, { kind }));
    const engine = loaded([spaghetti, penne, ...fees]);
    const feeIds = new Set(fees.map((f) => f.productId));
    for (const facts of engine.catalog.all()) {
      const ids = engine.neighbours.of(facts.index).map((n) => engine.items.idAt(n.index));
      expect(ids.filter((id) => feeIds.has(id))).toEqual([]);
      if (feeIds.has(facts.productId)) expect(ids).toEqual([]);
    }
    expect(similarNames(engine, spaghetti)).toEqual(['Penne 500 g']);
    // A product marked a fee later leaves the lists it was in.
    engine.applyProduct({ ...penne, kind: 'FEE' });
    expect(similarNames(engine, spaghetti)).toEqual([]);
  });
});

describe('the neighbour index, event by event', () => {
  it('ends where a full rebuild of the same catalog ends, whatever the order of events', () => {
    const random = seededRandom('content neighbours, incremental');
    const shuffled = [...demo].sort(() => random() - 0.5);
    const live = new RecommendationEngine();
    const final = new Map<string, ProductSnapshot>();
    const apply = (snapshot: ProductSnapshot) => {
      live.applyProduct(snapshot);
      final.set(snapshot.productId, snapshot);
    };
    shuffled.forEach((snapshot, i) => {
      apply(snapshot);
      // Now and then, change a product already there: renamed, moved, repriced, archived, made a fee, restored.
      if (i % 7 === 6) {
        const earlier = final.get(shuffled[Math.floor(random() * i)]!.productId)!;
        const change = Math.floor(random() * 6);
        if (change === 0) apply({ ...earlier, name: `${earlier.name} organic tea` });
        if (change === 1) apply({ ...earlier, categoryId: 'coffee-tea', categoryPath: ['drinks', 'coffee-tea'] });
        if (change === 2) apply({ ...earlier, price: (Number(earlier.price) * 3).toFixed(2) });
        if (change === 3) apply({ ...earlier, archived: true });
        if (change === 4) apply({ ...earlier, kind: 'FEE' });
        if (change === 5) apply({ ...earlier, archived: false, kind: 'MERCHANDISE' });
      }
    });
    expect(allLists(live)).toEqual(allLists(loaded([...final.values()])));
  });

  it('puts a product created later into the lists of those it ranks in, and gives it its own', () => {
    const teas = demo.filter((p) => p.categoryId === 'coffee-tea');
    const engine = loaded(demo.filter((p) => p.name !== 'Green tea 40 bags'));
    engine.trackChanges();
    const green = byName('Green tea 40 bags');
    engine.applyProduct(green);
    expect(similarNames(engine, green, 2)).toEqual(['Black tea 80 bags', 'Peppermint tea 20 bags']);
    expect(similarNames(engine, byName('Black tea 80 bags'), 3)).toContain('Green tea 40 bags');
    // The lists it entered are named for the cache: theirs, and its own.
    const changed = engine.takeChangedScopes();
    expect(changed).toEqual(expect.arrayContaining([`like:${green.productId}`, `like:${byName('Black tea 80 bags').productId}`]));
    expect(teas.length).toBeGreaterThan(3);
  });
});
