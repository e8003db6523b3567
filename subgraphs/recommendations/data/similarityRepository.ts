import type { PrismaClient } from '../../../platform/database/database';

export interface Neighbour {
  productId: string;
  similarId: string;
  score: number;
}

/** Precomputed item-to-item neighbours in the `recs` schema. */
export class SimilarityRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The best `limit` neighbours of each product, in one statement for any number of products. */
  topNeighbours(productIds: string[], limit: number): Promise<Neighbour[]> {
    return this.prisma.$queryRaw<Neighbour[]>`
      SELECT product_id::text AS "productId", similar_id::text AS "similarId", score
      FROM (
        SELECT product_id, similar_id, score,
               row_number() OVER (PARTITION BY product_id ORDER BY score DESC, similar_id) AS rank
        FROM recs.similar_item
        WHERE product_id = ANY(${productIds}::uuid[])
      ) ranked
      WHERE rank <= ${limit}
      ORDER BY product_id, rank`;
  }

  async replaceAll(rows: Neighbour[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.similarItem.deleteMany({}),
      this.prisma.similarItem.createMany({ data: rows }),
    ]);
  }
}
