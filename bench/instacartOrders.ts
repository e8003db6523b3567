import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { placeholderPrice } from '../subgraphs/products/import/baskets';
import { projectRoot } from '../platform/paths';
import type { ProductSnapshot } from '../platform/events/topics';

// The Instacart sample of ../shared/data (real orders of 64 customers, read
// from there, never copied in) as SmartCart import files: its products as a
// product JSON file, its order lines as an order-history CSV.

export const instacartDir = path.resolve(projectRoot, '..', 'shared', 'data', 'instacart-sample');

function rows(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(instacartDir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

export function instacartSku(productId: string): string {
  return `instacart-${productId}`;
}

/** The products, as a product-import JSON array (the data has no prices: a stand-in derived from the name). */
export function instacartProductsJson(): string {
  return JSON.stringify(
    rows('products.csv').map((p) => ({ sku: instacartSku(p.product_id!), name: p.product_name!.slice(0, 200), price: placeholderPrice(p.product_name!), stockQuantity: 100 })),
  );
}

/**
 * The order lines as CSV, `copies` times over (copy k > 0 with its own order
 * and customer ids: a bigger history of the same shape). The data has only
 * relative times (day of week, hour, days since the previous order): each
 * customer's first order is placed on 2017-01-01 plus its weekday, at its
 * hour, and each later one the given number of days after the previous one.
 */
export function instacartOrderLinesCsv(copies = 1): { csv: string; lines: number; orders: number } {
  const orders = rows('orders.csv');
  const lines = new Map<string, string[]>();
  for (const file of ['order_products__prior.csv', 'order_products__train.csv']) {
    for (const line of rows(file)) {
      const list = lines.get(line.order_id!) ?? [];
      list.push(line.product_id!);
      lines.set(line.order_id!, list);
    }
  }
  const placed = new Map<string, Date>();
  const clock = new Map<string, number>();
  for (const order of orders) {
    const user = order.user_id!;
    const previous = clock.get(user);
    const day = previous === undefined ? Date.UTC(2017, 0, 1) + Number(order.order_dow) * 86_400_000 : previous + Number(order.days_since_prior_order || 0) * 86_400_000;
    clock.set(user, day);
    placed.set(order.order_id!, new Date(day + Number(order.order_hour_of_day) * 3_600_000));
  }
  const out = ['orderId,customerId,sku,quantity,orderedAt'];
  let count = 0;
  let orderCount = 0;
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy === 0 ? '' : `-${copy}`;
    for (const order of orders) {
      const products = lines.get(order.order_id!);
      if (!products) continue; // test orders have no lines
      orderCount++;
      const at = placed.get(order.order_id!)!.toISOString();
      for (const product of products) {
        out.push(`${order.order_id}${suffix},${order.user_id}${suffix},${instacartSku(product)},1,${at}`);
        count++;
      }
    }
  }
  return { csv: `${out.join('\n')}\n`, lines: count, orders: orderCount };
}

/** The products as catalog-event snapshots (for benchmarks that fill an engine directly), with ids derived from the Instacart ids. */
export function instacartProductSnapshots(): ProductSnapshot[] {
  return rows('products.csv').map((p) => ({
    productId: instacartProductId(p.product_id!),
    sku: instacartSku(p.product_id!),
    name: p.product_name!.slice(0, 200),
    brand: null,
    tags: [],
    categoryId: null,
    categoryPath: [],
    price: placeholderPrice(p.product_name!),
    effectivePrice: placeholderPrice(p.product_name!),
    currency: 'EUR',
    stockQuantity: 100,
    dietaryTags: [],
    sustainabilityScore: null,
    carbonFootprintKg: null,
    sustainabilityLabels: [],
    storeIds: [],
    archived: false,
  }));
}

export function instacartProductId(productId: string): string {
  return `00000000-0000-4000-8000-${productId.padStart(12, '0')}`;
}

/** Every order with lines, in the file's order (by customer, then order number): its Instacart product ids. */
export function instacartBaskets(): string[][] {
  const lines = new Map<string, string[]>();
  for (const file of ['order_products__prior.csv', 'order_products__train.csv']) {
    for (const line of rows(file)) {
      const list = lines.get(line.order_id!) ?? [];
      list.push(line.product_id!);
      lines.set(line.order_id!, list);
    }
  }
  return rows('orders.csv').flatMap((order) => (lines.has(order.order_id!) ? [lines.get(order.order_id!)!] : []));
}
