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

/** Waits until `product.similar` lists exactly these products, in this order: the recommender has applied their catalog events and ranks them so. */
export async function untilSimilarAre(stack: Stack, productId: string, similarIds: readonly string[]): Promise<void> {
  await eventually(async () => {
    const response = await stack.query(`query ($id: ID!) { product(id: $id) { similar(first: ${similarIds.length}) { id } } }`, { id: productId });
    const listed = (response.data?.product?.similar ?? []).map((p: { id: string }) => p.id);
    return listed.join() === similarIds.join() ? true : undefined;
  }, 60_000, `the similar products of ${productId} to be ${similarIds.join(', ')}`);
}
