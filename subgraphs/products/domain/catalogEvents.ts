import { outboxEvent } from '../../../platform/events/outbox/outboxEvent';
import type { OutboxWriter } from '../../../platform/events/outbox/withOutbox';
import type { NutritionSnapshot, ProductSnapshot } from '../../../platform/events/topics';
import type { Product, Store } from '../../../prisma/generated/client/client';
import type { CatalogData } from '../data/catalogData';
import { effectivePrice, formatMoney } from './pricing';
import { NUTRITION_FACTS } from './productInput';

/** What a snapshot needs beyond the product row: where its category sits and who stocks it. */
export interface SnapshotFacts {
  /** Category id → ids from the root down to it (inclusive). */
  categoryPaths: Map<string, string[]>;
  /** Product id → ids of the stores stocking it. */
  storeIds: Map<string, string[]>;
}

export function productSnapshot(product: Product, facts: SnapshotFacts): ProductSnapshot {
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    brand: product.brand,
    tags: product.tags,
    categoryId: product.categoryId,
    categoryPath: product.categoryId ? (facts.categoryPaths.get(product.categoryId) ?? [product.categoryId]) : [],
    price: formatMoney(product.price),
    effectivePrice: formatMoney(effectivePrice(product.price, product.discountPercent)),
    currency: product.currency,
    stockQuantity: product.stockQuantity,
    dietaryTags: product.dietaryTags,
    sustainabilityScore: product.sustainabilityScore,
    carbonFootprintKg: product.carbonFootprintKg?.toFixed(3) ?? null,
    sustainabilityLabels: product.sustainabilityLabels,
    storeIds: facts.storeIds.get(product.id) ?? [],
    archived: product.archivedAt !== null,
    kind: product.kind,
    gtin: product.gtin,
    description: product.description,
    nutrition: nutritionSnapshot(product.nutrition),
  };
}

/** The label's main facts from the stored JSON (extras stay in products: nobody else needs them). */
function nutritionSnapshot(stored: Product['nutrition']): NutritionSnapshot | null {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const label = stored as Record<string, unknown>;
  const facts = Object.fromEntries(NUTRITION_FACTS.map((fact) => [fact, typeof label[fact] === 'number' ? label[fact] : null])) as unknown as NutritionSnapshot;
  return Object.values(facts).some((value) => value !== null) ? facts : null;
}

export interface ProductChangeEvent {
  before: Product;
  after: Product;
  changed: string[];
}

/**
 * The catalog's announcements, carrying whole product snapshots. They go to
 * the outbox of the transaction that made the change (see catalogWrites.ts):
 * no consumer hears of a change that was rolled back, and none misses one
 * that committed. `data` reads inside that transaction, so snapshots show
 * the change.
 */
export class CatalogEvents {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly data: CatalogData,
  ) {}

  /** The snapshots of these products as stored now: two statements for any number of them. */
  async snapshots(products: Product[]): Promise<ProductSnapshot[]> {
    const facts = await this.facts(products);
    return products.map((product) => productSnapshot(product, facts));
  }

  async productsCreated(products: Product[]): Promise<void> {
    for (const snapshot of await this.snapshots(products)) this.outbox.add(outboxEvent('catalog', 'product.created', snapshot.productId, snapshot));
  }

  /** product.updated naming the changed fields, plus price_changed / stock_changed when those moved. Nothing when nothing changed. */
  async productsUpdated(changes: ProductChangeEvent[]): Promise<void> {
    const real = changes.filter((change) => change.changed.length > 0);
    const snapshots = await this.snapshots(real.map((change) => change.after));
    for (const [index, { before, changed }] of real.entries()) {
      const snapshot = snapshots[index]!;
      this.outbox.add(outboxEvent('catalog', 'product.updated', snapshot.productId, { ...snapshot, changed }));
      const previousEffectivePrice = formatMoney(effectivePrice(before.price, before.discountPercent));
      if (previousEffectivePrice !== snapshot.effectivePrice) {
        this.outbox.add(outboxEvent('catalog', 'product.price_changed', snapshot.productId, { ...snapshot, previousEffectivePrice }));
      }
      if (before.stockQuantity !== snapshot.stockQuantity) {
        this.outbox.add(outboxEvent('catalog', 'product.stock_changed', snapshot.productId, { ...snapshot, previousStockQuantity: before.stockQuantity }));
      }
    }
  }

  async productArchived(product: Product): Promise<void> {
    const [snapshot] = await this.snapshots([product]);
    this.outbox.add(outboxEvent('catalog', 'product.archived', product.id, snapshot!));
  }

  async categoryChanged(categoryId: string, parentId: string | null, deleted = false): Promise<void> {
    this.outbox.add(outboxEvent('catalog', 'category.changed', categoryId, { categoryId, parentId, deleted }));
  }

  /** The store as it is now, with its whole stock list (empty once deleted). */
  async storeChanged(store: Store, productIds: string[], deleted = false): Promise<void> {
    this.outbox.add(outboxEvent('catalog', 'store.changed', store.id, {
      storeId: store.id,
      latitude: store.latitude,
      longitude: store.longitude,
      productIds: deleted ? [] : productIds,
      deleted,
    }));
  }

  private async facts(products: Product[]): Promise<SnapshotFacts> {
    const categoryIds = [...new Set(products.flatMap((p) => (p.categoryId ? [p.categoryId] : [])))];
    const ancestors = categoryIds.length > 0 ? await this.data.categories.ancestors(categoryIds) : new Map<string, { id: string }[]>();
    const categoryPaths = new Map(categoryIds.map((id) => [id, [...(ancestors.get(id) ?? [])].reverse().map((c) => c.id).concat(id)]));
    const storeIds = products.length > 0 ? await this.data.stores.storeIdsOf(products.map((p) => p.id)) : new Map<string, string[]>();
    return { categoryPaths, storeIds };
  }
}
