import crypto from 'node:crypto';
import { createApiKey } from '../../platform/auth/apiKeys';
import { eventually } from './eventually';
import type { Stack } from './stack';

export interface CatalogRow {
  sku: string;
  name: string;
  price: string;
  /** Any other createProduct input field (stockQuantity, kind …). */
  [field: string]: unknown;
}

/**
 * Creates products as shop staff do — through the admin import on the gateway — so
 * that their catalog events reach the recommender, whose lists carry the listed
 * products' names and prices (a row written straight into the database is never
 * announced). Returns the new ids in the order of the rows.
 */
export async function createCatalogProducts(stack: Stack, rows: CatalogRow[]): Promise<string[]> {
  const prisma = stack.services.products!.db!.prisma;
  const admin = { 'x-api-key': (await createApiKey(prisma, `test catalog ${crypto.randomBytes(3).toString('hex')}`, ['admin'])).key };
  const response = await stack.query(
    `mutation ($data: String!) { importProducts(format: JSON, data: $data) { created errors { line field reason } } }`,
    { data: JSON.stringify(rows) },
    admin,
  );
  if (response.errors || response.data?.importProducts?.errors?.length) throw new Error(`import refused: ${JSON.stringify(response.errors ?? response.data.importProducts.errors)}`);
  const stored = await prisma.product.findMany({ where: { sku: { in: rows.map((r) => r.sku) } }, select: { id: true, sku: true } });
  const idOf = new Map(stored.map((p) => [p.sku, p.id]));
  return rows.map((row) => idOf.get(row.sku)!);
}

/** Waits until `product.similar` lists `count` products: the recommender has applied their catalog events. */
export async function untilSimilarListed(stack: Stack, productId: string, count: number): Promise<void> {
  await eventually(async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { similar(first: ${count}) { id } } }`, { id: productId });
    return response.data?.product?.similar?.length === count ? true : undefined;
  }, 60_000, `${count} similar products of ${productId} in the recommender's catalog`);
}
