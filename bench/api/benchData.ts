import pg from 'pg';
import { loadConfig } from '../../platform/config';
import { createDatabaseDriver } from '../../platform/database/database';
import { migrate } from '../../platform/database/migrate';
import { seededRandom } from '../../platform/seededRandom';
import { hashSessionToken } from '../../subgraphs/users/data/sessionToken';
import { syntheticShop } from '../syntheticShop';

// The API benchmark's data: a database of its own (created, migrated, seeded
// with bulk SQL, dropped at the end), so a run starts from the same rows on
// every machine and leaves nothing behind.

export interface BenchDataSizes {
  products: number;
  interactions: number;
  /** Shoppers with a session, history and a 10-item cart (shopper home, cart page). */
  shoppers: number;
  /** Shoppers with a session and no cart, for the mixed workload's writes. */
  writers: number;
}

export interface BenchFixtures {
  productIds: string[];
  /** Products with stock enough for every add-to-cart a run makes (at least 100). */
  stockedProductIds: string[];
  categoryIds: string[];
  /** Session tokens of shoppers with history and a cart. */
  shopperTokens: string[];
  /** Session tokens the writes use (never read by the read scenarios). */
  writerTokens: string[];
}

export interface SeedStats {
  seconds: number;
  rows: Record<string, number>;
}

function uuid(prefix: number, n: number): string {
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A database URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createBenchDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const driver = await createDatabaseDriver(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }).database);
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
  return url;
}

export async function dropBenchDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Rows travel as one JSON parameter per batch: one statement, no per-row placeholders (as the interaction store does). */
async function insertJson(client: pg.Client, table: string, rows: object[], batch = 50_000): Promise<number> {
  for (let i = 0; i < rows.length; i += batch) {
    await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows.slice(i, i + batch))]);
  }
  return rows.length;
}

/**
 * Seeds each subgraph's tables directly, as its repositories would have left
 * them: the catalog (products subgraph), its projection, content neighbours
 * and the interaction log (recommendations subgraph), shoppers, sessions and
 * carts (users subgraph). Deterministic: the same sizes give the same rows.
 */
export async function seedBenchData(url: string, sizes: BenchDataSizes): Promise<{ fixtures: BenchFixtures; stats: SeedStats }> {
  const started = Date.now();
  const shop = syntheticShop(sizes.products, sizes.interactions);
  const random = seededRandom('api-bench');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    const now = new Date(Date.UTC(2026, 10, 1)).toISOString();
    const categoryIds = [...new Set(shop.products.map((p) => p.categoryId!))];
    const parentOf = new Map(shop.products.map((p) => [p.categoryId!, p.categoryPath[0]!]));
    // Roots first (a category's parent must exist).
    const categories = categoryIds
      .map((id, i) => ({ id, slug: `bench-${i}`, name: `Category ${i}`, parent_id: parentOf.get(id) === id ? null : (parentOf.get(id) ?? null), created_at: now, updated_at: now }))
      .sort((a, b) => Number(a.parent_id !== null) - Number(b.parent_id !== null));
    rows.categories = await insertJson(client, 'catalog.category', categories);
    rows.products = await insertJson(
      client,
      'catalog.product',
      shop.products.map((p, i) => ({
        id: p.productId,
        sku: p.sku,
        name: p.name,
        description: `${p.name} by ${p.brand}`,
        brand: p.brand,
        category_id: p.categoryId,
        price: p.price,
        currency: p.currency,
        discount_percent: null,
        images: [],
        stock_quantity: p.stockQuantity,
        rating: null,
        rating_count: 0,
        tags: p.tags,
        dietary_tags: p.dietaryTags,
        nutrition: null,
        sustainability_score: p.sustainabilityScore,
        carbon_footprint_kg: p.carbonFootprintKg,
        sustainability_labels: p.sustainabilityLabels,
        archived_at: null,
        kind: 'MERCHANDISE',
        search_vector: null,
        // Distinct creation times: NEWEST (and RELEVANCE without text) order is total.
        created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        updated_at: now,
      })),
    );
    rows.catalogProjection = await insertJson(
      client,
      'recs.catalog_item',
      shop.products.map((p) => ({
        product_id: p.productId,
        sku: p.sku,
        name: p.name,
        brand: p.brand,
        tags: p.tags,
        category_id: p.categoryId,
        category_path: p.categoryPath,
        price: p.price,
        effective_price: p.effectivePrice,
        currency: p.currency,
        stock_quantity: p.stockQuantity,
        dietary_tags: p.dietaryTags,
        sustainability_score: p.sustainabilityScore,
        carbon_footprint_kg: p.carbonFootprintKg,
        sustainability_labels: p.sustainabilityLabels,
        store_ids: [],
        archived: false,
        kind: 'MERCHANDISE',
        // What the catalog events carry for content similarity, as the products rows above hold it.
        description: `${p.name} by ${p.brand}`,
        nutrition: null,
        gtin: null,
        updated_at: now,
      })),
    );
    // Content neighbours are not seeded: the recommendations subgraph computes every product's at model load.
    rows.interactions = await insertJson(
      client,
      'recs.interaction',
      shop.interactions.map((e) => ({
        event_id: e.eventId,
        shopper_id: e.shopperId,
        type: e.type,
        product_id: e.productId,
        basket_id: e.basketId,
        recommendation_id: null,
        query: null,
        occurred_at: new Date(e.occurredAt).toISOString(),
      })),
    );

    // The synthetic shop's first shoppers (each with about 20 interactions) get a session and a cart.
    const shopperTokens: string[] = [];
    const writerTokens: string[] = [];
    const shoppers: object[] = [];
    const sessions: object[] = [];
    const carts: object[] = [];
    const cartItems: object[] = [];
    const shopperRow = (id: string) => ({
      id, token_hash: null, identity_issuer: null, identity_subject: null, merged_into_id: null, budget_limit: null,
      sustainability_preference: 'NONE', dietary_restrictions: [], latitude: null, longitude: null, city: null,
      favourite_category_ids: [], synthetic: false, external_id: null, created_at: now, last_seen_at: now,
    });
    for (let k = 0; k < sizes.shoppers; k++) {
      const id = uuid(0x5b, k);
      const token = `bench-shopper-${k}-${'x'.repeat(24)}`;
      shopperTokens.push(token);
      shoppers.push(shopperRow(id));
      sessions.push({ token_hash: hashSessionToken(token), shopper_id: id, created_at: new Date().toISOString(), last_seen_at: new Date().toISOString(), ended_at: null, end_reason: null });
      const cartId = uuid(0xca57, k);
      carts.push({ id: cartId, shopper_id: id, version: 10, created_at: now, updated_at: now });
      const items = new Set<number>();
      while (items.size < 10) items.add(Math.floor(random() * shop.products.length));
      [...items].forEach((index, position) => {
        const p = shop.products[index]!;
        cartItems.push({
          cart_id: cartId, product_id: p.productId, quantity: 1 + (position % 3), unit_price: p.effectivePrice, list_price: p.price, currency: p.currency,
          sustainability_score: p.sustainabilityScore, recommendation_id: null,
          added_at: new Date(Date.UTC(2026, 10, 1) + position * 1000).toISOString(), updated_at: now,
        });
      });
    }
    for (let k = 0; k < sizes.writers; k++) {
      const id = uuid(0x5c, k);
      const token = `bench-writer-${k}-${'x'.repeat(24)}`;
      writerTokens.push(token);
      shoppers.push(shopperRow(id));
      sessions.push({ token_hash: hashSessionToken(token), shopper_id: id, created_at: new Date().toISOString(), last_seen_at: new Date().toISOString(), ended_at: null, end_reason: null });
    }
    rows.shoppers = await insertJson(client, 'shoppers.shopper', shoppers);
    rows.sessions = await insertJson(client, 'shoppers.session', sessions);
    rows.carts = await insertJson(client, 'shoppers.cart', carts);
    rows.cartItems = await insertJson(client, 'shoppers.cart_item', cartItems);
    await client.query('ANALYZE');
    return {
      fixtures: { productIds: shop.products.map((p) => p.productId), stockedProductIds: shop.products.filter((p) => p.stockQuantity >= 100).map((p) => p.productId), categoryIds, shopperTokens, writerTokens },
      stats: { seconds: (Date.now() - started) / 1000, rows },
    };
  } finally {
    await client.end();
  }
}
