import type { PrismaClient } from '../../../platform/database/database';
import { setImportedShopperPreferences } from '../data/importedShopperPreferences';
import { importOrderHistory, type CatalogEntry } from '../import/orderHistory';
import type { OrderLineItem } from '../import/orderLines';
import { DEMO_CUSTOMER_PREFIX, demoPopulation, type PopulationOptions, type ShelfProduct } from './demoPopulation';
import { groceryBasketStats } from './groceryBasketStats';

/** A catalog product the demo shoppers may buy: what the generator needs, and what the import resolves. */
export interface DemoShelfProduct extends ShelfProduct {
  productId: string;
}

export interface SeededShoppers {
  shoppers: number;
  orders: number;
  /** PURCHASE interactions written (to the outbox, for the recommender). */
  events: number;
}

const NOTHING: SeededShoppers = { shoppers: 0, orders: 0, events: 0 };

/**
 * The demo's shopper population and order history, through the order-history
 * import (shoppers, orders, PURCHASE events in the outbox, as real data
 * arrives), then each shopper's preferences. Only into a shop without
 * orders and without demo shoppers: a second run, or a shop with real
 * customers, gets nothing.
 */
export async function seedDemoShoppers(
  prisma: PrismaClient,
  options: Omit<PopulationOptions, 'stats' | 'products'> & { products: readonly DemoShelfProduct[] },
): Promise<SeededShoppers> {
  const present = await prisma.shopper.count({ where: { externalId: { startsWith: DEMO_CUSTOMER_PREFIX } } });
  if (present > 0 || (await prisma.order.count()) > 0 || options.products.length === 0) return NOTHING;
  const population = demoPopulation({ ...options, stats: groceryBasketStats });
  const catalog = new Map<string, CatalogEntry>(options.products.map((p) => [p.sku, { productId: p.productId, price: p.price.toFixed(2) }]));
  const report = await importOrderHistory(prisma, rowsOf(population.lines), catalog);
  if (report.errors.length > 0) throw new Error(`demo order history rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  await setImportedShopperPreferences(
    prisma,
    population.shoppers.map((s) => ({
      externalId: s.customerId,
      dietaryRestrictions: s.dietaryRestrictions,
      budgetLimit: s.budgetLimit,
      sustainabilityPreference: s.sustainability,
      city: s.city,
      latitude: s.latitude,
      longitude: s.longitude,
    })),
  );
  return { shoppers: report.customers, orders: report.orders.created, events: report.events };
}

async function* rowsOf(lines: ReturnType<typeof demoPopulation>['lines']): AsyncGenerator<OrderLineItem> {
  let line = 1;
  for (const { orderId, customerId, sku, quantity, orderedAt } of lines) {
    line++;
    yield { row: { line, cells: { orderId, customerId, sku, quantity, orderedAt } } };
  }
}
