import crypto from 'node:crypto';
import type { PrismaClient } from '../../../platform/database/database';
import { outboxEvent } from '../../../platform/events/outbox/outboxEvent';
import type { InteractionEventPayload } from '../../../platform/events/topics';
import { isUuid } from '../../../platform/graphql/ids';
import { PurchaseHistoryRepository, type PurchaseHistoryBatch } from '../data/purchaseHistoryRepository';
import { deterministicUuid } from '../domain/deterministicId';
import { DEFAULT_CURRENCY } from '../domain/money';

// Baskets per transaction: short transactions, and bounded outbox inserts.
const CHUNK = 1000;

function batchOf(baskets: { key: string; productIds: string[] }[], at: Date): PurchaseHistoryBatch & { payloads: Map<string, InteractionEventPayload> } {
  const batch: PurchaseHistoryBatch = { at, shoppers: [], orders: [], orderItems: [], purchases: [] };
  const payloads = new Map<string, InteractionEventPayload>();
  for (const basket of baskets) {
    if (basket.key.length === 0) throw new Error('A basket key must not be empty');
    const quantities = new Map<string, number>();
    for (const raw of basket.productIds) {
      if (!isUuid(raw)) throw new Error(`Basket ${basket.key}: product id ${raw} is not a UUID`);
      const productId = raw.toLowerCase();
      quantities.set(productId, (quantities.get(productId) ?? 0) + 1);
    }
    const shopperId = deterministicUuid(`basket-shopper:${basket.key}`);
    const orderId = deterministicUuid(`basket-order:${basket.key}`);
    // Nobody holds a token for a synthetic shopper: the hash is of random bytes.
    batch.shoppers.push({ id: shopperId, tokenHash: crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex') });
    batch.orders.push({ id: orderId, shopperId, currency: DEFAULT_CURRENCY });
    for (const [productId, quantity] of quantities) {
      const id = deterministicUuid(`basket-purchase:${orderId}:${productId}`);
      batch.orderItems.push({ orderId, productId, quantity });
      batch.purchases.push({ id, shopperId, productId, basketId: orderId });
      payloads.set(id, {
        eventId: id,
        shopperId,
        type: 'PURCHASE',
        productId,
        query: null,
        recommendationId: null,
        basketId: orderId,
        quantity,
        occurredAt: at.toISOString(),
      });
    }
  }
  return { ...batch, payloads };
}

/**
 * Imports historical baskets (a public purchase data set) as synthetic
 * shoppers, one PLACED order each, and one PURCHASE interaction per product
 * with `basketId` = the order id, so the recommendation engine learns from
 * them as from live checkouts.
 *
 * Ids derive from the basket key: a second run inserts nothing and returns
 * zeros, and only the purchases this run inserted get events, written to the
 * outbox in the same transaction (the relay of a running API publishes them).
 * Basket data has no prices: order lines cost 0, and order totals are 0.
 * Every basket is checked before anything is written.
 */
export async function importPurchaseHistory(
  prisma: PrismaClient,
  baskets: { key: string; productIds: string[] }[],
): Promise<{ shoppers: number; orders: number; events: number }> {
  const at = new Date();
  const batches: ReturnType<typeof batchOf>[] = [];
  for (let start = 0; start < baskets.length; start += CHUNK) batches.push(batchOf(baskets.slice(start, start + CHUNK), at));

  const repository = new PurchaseHistoryRepository(prisma);
  const totals = { shoppers: 0, orders: 0, events: 0 };
  for (const batch of batches) {
    const inserted = await repository.insertMissing(batch, (ids) =>
      ids.map((id) => {
        const payload = batch.payloads.get(id)!;
        return outboxEvent('interactions', 'interaction', payload.shopperId, payload, { id, occurredAt: at });
      }),
    );
    totals.shoppers += inserted.shoppers;
    totals.orders += inserted.orders;
    totals.events += inserted.purchaseIds.length;
  }
  return totals;
}
