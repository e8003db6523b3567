import type { Infrastructure } from '../platform/infrastructure';
import { openDatabase } from '../platform/database/database';
import { catalogData } from '../subgraphs/products/data/catalogData';
import { catalogWrites } from '../subgraphs/products/domain/catalogWrites';
import { seedDemoCatalog } from '../subgraphs/products/seed/seedDemoCatalog';
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
    const data = catalogData(productsDb.prisma);
    if ((await data.products.count()) > 0) return 0;
    const { inserted, products } = await catalogWrites(productsDb.prisma)((unit) => seedDemoCatalog(unit.data, unit.events));
    const neighbours = contentNeighbours(
      products.map(({ product, categorySlug, parentSlug }) => ({
        id: product.id,
        name: product.name,
        category: categorySlug,
        parentCategory: parentSlug,
        tags: [...product.tags, ...product.dietaryTags],
        price: Number(product.price),
      })),
    );
    await new SimilarityRepository(recsDb.prisma).replaceAll(neighbours);
    return inserted;
  } finally {
    await productsDb.close();
    await recsDb.close();
  }
}
