import type { PrismaClient } from '../../../platform/database/database';
import { appendToOutbox } from '../../../platform/events/outbox/appendToOutbox';
import type { OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import { notifyOutbox } from '../../../platform/events/outbox/outboxSignal';

export interface PurchaseHistoryBatch {
  /** When the imported orders and purchases are dated. */
  at: Date;
  shoppers: { id: string; tokenHash: string }[];
  orders: { id: string; shopperId: string; currency: string }[];
  orderItems: { orderId: string; productId: string; quantity: number }[];
  purchases: { id: string; shopperId: string; productId: string; basketId: string }[];
}

export interface InsertedHistory {
  shoppers: number;
  orders: number;
  /** Ids of the purchase interactions this call inserted (not those already there). */
  purchaseIds: string[];
}

/**
 * Bulk inserts for imported baskets. One statement per table with a column
 * array per field (`unnest`): thousands of rows cost a few parameters, not
 * thousands, which is what keeps a 10,000-basket import in seconds. Rows
 * already present are skipped (ON CONFLICT DO NOTHING).
 */
export class PurchaseHistoryRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** `eventsOf` names the outbox events of the purchases this call inserted; they commit with them. */
  async insertMissing(batch: PurchaseHistoryBatch, eventsOf: (purchaseIds: string[]) => OutboxEvent[]): Promise<InsertedHistory> {
    const { at, shoppers, orders, orderItems, purchases } = batch;
    const inserted = await this.prisma.$transaction(
      async (tx) => {
        const newShoppers = await tx.$executeRaw`
          INSERT INTO "shoppers"."shopper" (id, token_hash, synthetic, created_at, last_seen_at)
          SELECT id, token_hash, true, ${at}, ${at}
          FROM unnest(${shoppers.map((s) => s.id)}::uuid[], ${shoppers.map((s) => s.tokenHash)}::text[]) AS t(id, token_hash)
          ON CONFLICT DO NOTHING`;
        const newOrders = await tx.$executeRaw`
          INSERT INTO "shoppers"."order" (id, shopper_id, status, subtotal, discount, total, currency, created_at)
          SELECT id, shopper_id, 'PLACED', 0, 0, 0, currency, ${at}
          FROM unnest(${orders.map((o) => o.id)}::uuid[], ${orders.map((o) => o.shopperId)}::uuid[], ${orders.map((o) => o.currency)}::text[])
            AS t(id, shopper_id, currency)
          ON CONFLICT DO NOTHING`;
        await tx.$executeRaw`
          INSERT INTO "shoppers"."order_item" (order_id, product_id, quantity, unit_price)
          SELECT order_id, product_id, quantity, 0
          FROM unnest(${orderItems.map((i) => i.orderId)}::uuid[], ${orderItems.map((i) => i.productId)}::uuid[], ${orderItems.map((i) => i.quantity)}::int[])
            AS t(order_id, product_id, quantity)
          ON CONFLICT DO NOTHING`;
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "shoppers"."interaction_event" (id, shopper_id, type, product_id, basket_id, occurred_at)
          SELECT id, shopper_id, 'PURCHASE', product_id, basket_id, ${at}
          FROM unnest(
            ${purchases.map((p) => p.id)}::uuid[], ${purchases.map((p) => p.shopperId)}::uuid[],
            ${purchases.map((p) => p.productId)}::uuid[], ${purchases.map((p) => p.basketId)}::uuid[]
          ) AS t(id, shopper_id, product_id, basket_id)
          ON CONFLICT DO NOTHING
          RETURNING id::text AS id`;
        const purchaseIds = inserted.map((row) => row.id);
        await appendToOutbox(tx, 'shoppers', eventsOf(purchaseIds));
        return { shoppers: newShoppers, orders: newOrders, purchaseIds };
      },
      { maxWait: 15_000, timeout: 120_000 },
    );
    if (inserted.purchaseIds.length > 0) notifyOutbox('shoppers');
    return inserted;
  }
}
