// The event contracts between subgraphs: stream names, event types and their
// payloads. Publishers and consumers import these, never string literals.

export const Streams = {
  /** Catalog changes, published by the products subgraph. */
  catalog: 'catalog',
  /** Shopper interactions (views, clicks, cart changes, purchases, searches), by the users subgraph. */
  interactions: 'interactions',
  /** Cart and order changes, by the users subgraph. */
  carts: 'carts',
} as const;

export type DecimalString = string;

/**
 * The whole of a product as other subgraphs need it (event-carried state):
 * the recommendations subgraph keeps its catalog projection from these alone.
 */
export interface ProductSnapshot {
  productId: string;
  sku: string;
  name: string;
  brand: string | null;
  tags: string[];
  categoryId: string | null;
  /** Ancestor category ids from the root down to `categoryId` (inclusive); [] without a category. */
  categoryPath: string[];
  price: DecimalString;
  effectivePrice: DecimalString;
  currency: string;
  stockQuantity: number;
  dietaryTags: string[];
  sustainabilityScore: number | null;
  carbonFootprintKg: DecimalString | null;
  sustainabilityLabels: string[];
  /** Stores stocking the product. */
  storeIds: string[];
  archived: boolean;
  /**
   * MERCHANDISE, FEE, SERVICE, DEPOSIT or GIFT_CARD: anything but MERCHANDISE is never recommended
   * nor learned from. Absent on events written before products had a kind: read as MERCHANDISE.
   */
  kind?: string;
  /** GTIN-14 (the number under the barcode); absent or null when the product has none. */
  gtin?: string | null;
  /** The product's description (content similarity). Absent on events written before it was carried: read as "". */
  description?: string;
  /** Per 100 g / 100 ml, the label's main facts (content similarity); null when unknown, absent on older events. */
  nutrition?: NutritionSnapshot | null;
}

/** The nutrition label's main facts per 100 g / 100 ml; a fact not on the label is null. */
export interface NutritionSnapshot {
  energyKcal: number | null;
  fat: number | null;
  saturatedFat: number | null;
  carbohydrates: number | null;
  sugars: number | null;
  fibre: number | null;
  protein: number | null;
  salt: number | null;
}

export interface CatalogEvents {
  'product.created': ProductSnapshot;
  'product.updated': ProductSnapshot & { changed: string[] };
  'product.archived': ProductSnapshot;
  'product.price_changed': ProductSnapshot & { previousEffectivePrice: DecimalString };
  'product.stock_changed': ProductSnapshot & { previousStockQuantity: number };
  'category.changed': { categoryId: string; parentId: string | null; deleted: boolean };
  /** Also sent when a store's product list changes (setStoreProducts). */
  'store.changed': { storeId: string; latitude: number; longitude: number; productIds: string[]; deleted: boolean };
}

export type InteractionType = 'VIEW' | 'CLICK' | 'ADD_TO_CART' | 'REMOVE_FROM_CART' | 'PURCHASE' | 'SEARCH';

export interface InteractionEventPayload {
  eventId: string;
  shopperId: string;
  type: InteractionType;
  productId: string | null;
  query: string | null;
  recommendationId: string | null;
  basketId: string | null;
  quantity: number | null;
  /** What one unit cost (a PURCHASE at checkout); absent otherwise. */
  unitPrice?: DecimalString | null;
  occurredAt: string;
}

export interface InteractionEvents {
  interaction: InteractionEventPayload;
}

export interface CartLine {
  productId: string;
  quantity: number;
  unitPrice: DecimalString;
}

export interface CartEvents {
  'cart.updated': {
    cartId: string;
    shopperId: string;
    version: number;
    items: CartLine[];
    total: DecimalString;
    budgetStatus: 'NO_BUDGET' | 'UNDER' | 'NEAR' | 'OVER';
  };
  'cart.budget_alert': {
    cartId: string;
    shopperId: string;
    budgetStatus: 'NEAR' | 'OVER';
    total: DecimalString;
    budgetLimit: DecimalString;
  };
  'order.placed': { orderId: string; shopperId: string; items: CartLine[]; total: DecimalString; occurredAt: string };
}

export type StreamEvents = {
  catalog: CatalogEvents;
  interactions: InteractionEvents;
  carts: CartEvents;
};
