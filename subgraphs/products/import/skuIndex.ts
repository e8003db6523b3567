import type { PrismaClient } from '../../../platform/database/database';

/**
 * Every SKU of the catalog with its product id and regular price: what an
 * order-history import resolves its lines against (in one query, not one
 * per line). Archived products are included: history may name them.
 */
export async function loadSkuIndex(prisma: PrismaClient): Promise<Map<string, { productId: string; price: string }>> {
  const rows = await prisma.$queryRaw<{ sku: string; id: string; price: string }[]>`
    SELECT sku, id::text AS id, price::text AS price FROM "catalog"."product"`;
  return new Map(rows.map((row) => [row.sku, { productId: row.id, price: row.price }]));
}
