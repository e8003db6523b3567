import type { ProductSnapshot } from '../../../platform/events/topics';
import type { ItemIndex } from './itemIndex';
import { toCents } from './money';

/** What the engine knows of a product: enough to filter, rank and explain. */
export interface CatalogFacts {
  index: number;
  productId: string;
  name: string;
  brand: string | null;
  categoryId: string | null;
  categoryPath: readonly string[];
  effectivePriceCents: number;
  /** As the products subgraph formats them ("3.49"): the recommendation lists answer them (@provides). */
  price: string;
  effectivePrice: string;
  currency: string;
  stockQuantity: number;
  dietaryTags: ReadonlySet<string>;
  sustainabilityScore: number | null;
  carbonFootprintKg: number | null;
  sustainabilityLabels: readonly string[];
  /** Mutable: store assignments change without a product event. */
  storeIds: readonly string[];
  archived: boolean;
  /**
   * False for a fee, service, deposit or gift card (the product's `kind`): never
   * recommended, and never learned from as a purchase or as popularity.
   */
  merchandise: boolean;
  /** Lower-cased words of name, brand and tags, for free-text matching (content similarity has its own features: contentSimilarity.ts). */
  tokens: ReadonlySet<string>;
  /** GTIN-14 (the number under the barcode), null when the product has none: a scanned barcode anchors on it. */
  gtin: string | null;
}

export interface StorePoint {
  latitude: number;
  longitude: number;
}

const STOP_WORDS = new Set(['and', 'the', 'with', 'for', 'pack', 'of', 'x']);

export function tokenize(...texts: (string | null | undefined)[]): Set<string> {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const word of (text ?? '').toLowerCase().split(/[^a-z\u00c0-\u024f]+/)) {
      if (word.length > 2 && !STOP_WORDS.has(word)) tokens.add(word.endsWith('s') && word.length > 4 ? word.slice(0, -1) : word);
    }
  }
  return tokens;
}

/**
 * The engine's local copy of the catalog, kept current by catalog events so
 * that filtering never waits on another service (see README: recommendations).
 */
export class CatalogProjection {
  private readonly facts: (CatalogFacts | undefined)[] = [];
  /** Category id → items in it or in any of its descendants. */
  private readonly inCategory = new Map<string, Set<number>>();
  /** GTIN-14 → item: a barcode read from a photo finds its product without asking the catalog. */
  private readonly gtins = new Map<string, number>();
  readonly stores = new Map<string, StorePoint>();

  constructor(private readonly items: ItemIndex) {}

  get(index: number): CatalogFacts | undefined {
    return this.facts[index];
  }

  byId(productId: string): CatalogFacts | undefined {
    const index = this.items.indexOf(productId);
    return index === undefined ? undefined : this.facts[index];
  }

  /** The item carrying this GTIN-14, if one does. */
  byGtin(gtin14: string): CatalogFacts | undefined {
    const index = this.gtins.get(gtin14);
    return index === undefined ? undefined : this.facts[index];
  }

  /** Items in the category or below it. */
  category(categoryId: string): ReadonlySet<number> {
    return this.inCategory.get(categoryId) ?? new Set();
  }

  /** False only for an item known to be a fee, service, deposit or gift card; an item not projected yet counts as merchandise. */
  isMerchandise(index: number): boolean {
    return this.facts[index]?.merchandise ?? true;
  }

  /** Items that could be recommended (merchandise, not archived): the "even share" of a shop without activity is one of these. */
  get merchandiseCount(): number {
    let count = 0;
    for (const facts of this.facts) if (facts?.merchandise && !facts.archived) count += 1;
    return count;
  }

  all(): CatalogFacts[] {
    return this.facts.filter((f): f is CatalogFacts => f !== undefined);
  }

  upsert(snapshot: ProductSnapshot): CatalogFacts {
    const index = this.items.intern(snapshot.productId);
    const previous = this.facts[index];
    if (previous) for (const category of previous.categoryPath) this.inCategory.get(category)?.delete(index);
    if (previous?.gtin && this.gtins.get(previous.gtin) === index) this.gtins.delete(previous.gtin);
    const path = snapshot.categoryPath.length > 0 ? snapshot.categoryPath : snapshot.categoryId ? [snapshot.categoryId] : [];
    const facts: CatalogFacts = {
      index,
      productId: snapshot.productId,
      name: snapshot.name,
      brand: snapshot.brand,
      categoryId: snapshot.categoryId,
      categoryPath: path,
      effectivePriceCents: toCents(snapshot.effectivePrice),
      price: snapshot.price,
      effectivePrice: snapshot.effectivePrice,
      currency: snapshot.currency,
      stockQuantity: snapshot.stockQuantity,
      dietaryTags: new Set(snapshot.dietaryTags),
      sustainabilityScore: snapshot.sustainabilityScore,
      carbonFootprintKg: snapshot.carbonFootprintKg === null ? null : Number(snapshot.carbonFootprintKg),
      sustainabilityLabels: snapshot.sustainabilityLabels,
      storeIds: snapshot.storeIds,
      archived: snapshot.archived,
      // Events from before products had a kind carry none: those were all merchandise.
      merchandise: (snapshot.kind ?? 'MERCHANDISE') === 'MERCHANDISE',
      tokens: tokenize(snapshot.name, snapshot.brand, snapshot.tags.join(' ')),
      // Events from before products had a GTIN carry none.
      gtin: snapshot.gtin ?? null,
    };
    this.facts[index] = facts;
    if (facts.gtin) this.gtins.set(facts.gtin, index);
    for (const category of path) {
      let members = this.inCategory.get(category);
      if (!members) this.inCategory.set(category, (members = new Set()));
      members.add(index);
    }
    return facts;
  }

  setStore(storeId: string, point: StorePoint | null, productIds?: readonly string[]): void {
    if (point) this.stores.set(storeId, point);
    else this.stores.delete(storeId);
    if (!productIds) return;
    const stocked = new Set(productIds);
    for (const facts of this.facts) {
      if (!facts) continue;
      const has = facts.storeIds.includes(storeId);
      const should = point !== null && stocked.has(facts.productId);
      if (has !== should) {
        facts.storeIds = should ? [...facts.storeIds, storeId] : facts.storeIds.filter((s) => s !== storeId);
      }
    }
  }
}
