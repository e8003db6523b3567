import type { Infrastructure } from '../platform/infrastructure';
import { openDatabase } from '../platform/database/database';
import { ProductRepository } from '../subgraphs/products/data/productRepository';
import { demoCatalog } from '../subgraphs/products/seed/demoCatalog';
import { contentNeighbours } from '../subgraphs/recommendations/data/contentNeighbours';
import { SimilarityRepository } from '../subgraphs/recommendations/data/similarityRepository';

/**
 * Seeds the demo catalog and its content neighbours when the catalog is
 * empty. Each subgraph's rows go through that subgraph's own repository.
 */
export async function seedDemoDataIfEmpty(infra: Infrastructure): Promise<number> {
  const productsDb = openDatabase(infra.database);
  const recsDb = openDatabase(infra.database);
  try {
    const products = new ProductRepository(productsDb.prisma);
    if ((await products.count()) > 0) return 0;
    const catalog = demoCatalog();
    const inserted = await products.insertMissing(catalog.map(({ id, sku, name, price }) => ({ id, sku, name, price })));
    const neighbours = contentNeighbours(catalog.map((p) => ({ ...p, price: Number(p.price) })));
    await new SimilarityRepository(recsDb.prisma).replaceAll(neighbours);
    return inserted;
  } finally {
    await productsDb.close();
    await recsDb.close();
  }
}
