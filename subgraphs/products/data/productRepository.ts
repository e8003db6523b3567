import type { PrismaClient } from '../../../platform/database/database';
import type { Product } from '../../../prisma/generated/client/client';

export type { Product };

/** The catalog's data access: the only place the products subgraph writes SQL through. */
export class ProductRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: string[]): Promise<Product[]> {
    return this.prisma.product.findMany({ where: { id: { in: ids } } });
  }

  count(): Promise<number> {
    return this.prisma.product.count();
  }

  /** Inserts products that are not there yet; existing ids are left alone. */
  async insertMissing(products: { id: string; sku: string; name: string; price: string }[]): Promise<number> {
    const result = await this.prisma.product.createMany({ data: products, skipDuplicates: true });
    return result.count;
  }
}
