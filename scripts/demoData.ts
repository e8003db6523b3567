import { setTimeout as delay } from 'node:timers/promises';
import type { Infrastructure } from '../platform/infrastructure';
import { openDatabase } from '../platform/database/database';
import { catalogData } from '../subgraphs/products/data/catalogData';
import { catalogWrites } from '../subgraphs/products/domain/catalogWrites';
import { demoCatalog } from '../subgraphs/products/seed/demoCatalog';
import { seedDemoCatalog } from '../subgraphs/products/seed/seedDemoCatalog';
import { SUSTAINABLE_SCORE } from '../subgraphs/recommendations/engine/constraints';
import type { RecommendationsService } from '../subgraphs/recommendations/server';
import type { UsersService } from '../subgraphs/users/server';
import { seedDemoShoppers, type DemoShelfProduct, type SeededShoppers } from '../subgraphs/users/seed/seedDemoShoppers';

export interface SeededDemo extends SeededShoppers {
  /** Demo products created (0: the catalog was not empty). */
  products: number;
}

/**
 * Seeds the demo catalog when the catalog is empty (the recommender computes
 * its content neighbours from the catalog events, like any product's), and
 * the demo shoppers with their order history when the shop has no orders yet
 * (`population: false` leaves them out). Each subgraph's rows
 * go through that subgraph's own repository or import.
 */
export async function seedDemoDataIfEmpty(infra: Infrastructure, options: { population?: boolean; now?: number } = {}): Promise<SeededDemo> {
  const productsDb = openDatabase(infra.database);
  const usersDb = openDatabase(infra.database);
  try {
    const data = catalogData(productsDb.prisma);
    let inserted = 0;
    if ((await data.products.count()) === 0) {
      const seeded = await catalogWrites(productsDb.prisma)((unit) => seedDemoCatalog(unit.data, unit.events));
      inserted = seeded.inserted;
    }
    if (options.population === false) return { products: inserted, shoppers: 0, orders: 0, events: 0 };
    const shoppers = await seedDemoShoppers(usersDb.prisma, { products: await demoShelf(data), locations: demoCatalog().stores, now: options.now ?? Date.now() });
    return { products: inserted, ...shoppers };
  } finally {
    await productsDb.close();
    await usersDb.close();
  }
}

/** The demo products still in the catalog, in shelf order (staples first), as they are now. */
async function demoShelf(data: ReturnType<typeof catalogData>): Promise<DemoShelfProduct[]> {
  const { products } = demoCatalog();
  const rows = new Map((await data.products.findByIds(products.map((p) => p.id))).map((row) => [row.id, row]));
  return products.flatMap((demo) => {
    const row = rows.get(demo.id);
    if (!row || row.archivedAt) return [];
    const labels = row.sustainabilityLabels as string[];
    return [
      {
        productId: row.id,
        sku: row.sku,
        category: demo.categorySlug,
        price: Number(row.price),
        dietaryTags: row.dietaryTags as string[],
        sustainable: labels.includes('ORGANIC') || labels.includes('FAIR_TRADE') || (row.sustainabilityScore ?? 0) >= SUSTAINABLE_SCORE,
      },
    ];
  });
}

/**
 * After a seed with running services: lets the recommender learn the seeded
 * purchases from the bus (the users outbox relayed now rather than on its
 * next pass) and refits its basket model on them, so the first request is
 * served by a fitted model rather than after the next scheduled training.
 */
export async function settleDemoRecommender(services: Readonly<Record<string, unknown>>, timeoutMs = 120_000): Promise<void> {
  const users = services.users as Partial<UsersService> | undefined;
  const recommendations = services.recommendations as Partial<RecommendationsService> | undefined;
  if (!users?.relay || !recommendations?.host) return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await users.relay.drain();
    // Another relay's turn (busy) leaves rows for it: wait for it to publish them.
    if ((await users.relay.backlog()).unsent === 0) break;
    if (Date.now() > deadline) throw new Error('the demo purchases were not published in time');
    await delay(100);
  }
  await recommendations.host.caughtUp();
  await recommendations.host.train();
}
