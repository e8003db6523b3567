import crypto from 'node:crypto';
import type { PrismaClient } from '../../../platform/database/database';
import { appendToOutbox } from '../../../platform/events/outbox/appendToOutbox';
import type { OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import { notifyOutbox } from '../../../platform/events/outbox/outboxSignal';

/** Complete orders of an imported order history, ready to write in one transaction. */
export interface OrderHistoryChunk {
  /** By customer id: the shopper standing for them, and their earliest order in the chunk. */
  customers: Map<string, { shopperId: string; since: Date }>;
  orders: { id: string; externalId: string; shopperId: string; total: string; currency: string; at: Date }[];
  items: { orderId: string; productId: string; quantity: number; unitPrice: string; purchaseId: string }[];
}

export interface WrittenHistory {
  /** Shoppers created for customers seen for the first time. */
  customers: number;
  /** Orders created (an order id imported before is left alone). */
  orders: number;
  /** The PURCHASE interactions written, one per line of a created order. */
  purchases: { id: string; shopperId: string; productId: string; orderId: string; quantity: number; at: Date }[];
}

/**
 * Bulk writes of imported order histories: one statement per table with a
 * column array per field (`unnest`), so a chunk of thousands of lines costs
 * five statements. Orders already present are skipped with their lines.
 */
export class OrderHistoryRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** `eventsOf` names the outbox events of what was written; they commit with it. */
  async insertNew(chunk: OrderHistoryChunk, eventsOf: (written: WrittenHistory) => OutboxEvent[]): Promise<WrittenHistory> {
    const customers = [...chunk.customers];
    // Imported customers have no session: the token hash is of random bytes nobody holds.
    const tokenHashes = customers.map(() => crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'));
    const written = await this.prisma.$transaction(
      async (tx) => {
        const newCustomers = await tx.$executeRaw`
          INSERT INTO "shoppers"."shopper" (id, token_hash, synthetic, external_id, created_at, last_seen_at)
          SELECT id, token_hash, false, external_id, since, since
          FROM unnest(${customers.map(([, c]) => c.shopperId)}::uuid[], ${tokenHashes}::text[],
                      ${customers.map(([id]) => id)}::text[], ${customers.map(([, c]) => c.since)}::timestamptz[])
            AS t(id, token_hash, external_id, since)
          ON CONFLICT DO NOTHING`;
        const { orders } = chunk;
        const created = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "shoppers"."order" (id, external_id, shopper_id, status, subtotal, discount, total, currency, created_at)
          SELECT id, external_id, shopper_id, 'PLACED', total, 0, total, currency, at
          FROM unnest(${orders.map((o) => o.id)}::uuid[], ${orders.map((o) => o.externalId)}::text[], ${orders.map((o) => o.shopperId)}::uuid[],
                      ${orders.map((o) => o.total)}::numeric[], ${orders.map((o) => o.currency)}::text[], ${orders.map((o) => o.at)}::timestamptz[])
            AS t(id, external_id, shopper_id, total, currency, at)
          ON CONFLICT DO NOTHING
          RETURNING id::text AS id`;
        const createdIds = new Set(created.map((row) => row.id));
        const byId = new Map(orders.map((o) => [o.id, o]));
        const items = chunk.items.filter((item) => createdIds.has(item.orderId));
        if (items.length > 0) {
          await tx.$executeRaw`
            INSERT INTO "shoppers"."order_item" (order_id, product_id, quantity, unit_price)
            SELECT * FROM unnest(${items.map((i) => i.orderId)}::uuid[], ${items.map((i) => i.productId)}::uuid[],
                                 ${items.map((i) => i.quantity)}::int[], ${items.map((i) => i.unitPrice)}::numeric[])`;
          await tx.$executeRaw`
            INSERT INTO "shoppers"."interaction_event" (id, shopper_id, type, product_id, basket_id, occurred_at)
            SELECT id, shopper_id, 'PURCHASE', product_id, basket_id, occurred_at
            FROM unnest(${items.map((i) => i.purchaseId)}::uuid[], ${items.map((i) => byId.get(i.orderId)!.shopperId)}::uuid[],
                        ${items.map((i) => i.productId)}::uuid[], ${items.map((i) => i.orderId)}::uuid[],
                        ${items.map((i) => byId.get(i.orderId)!.at)}::timestamptz[])
              AS t(id, shopper_id, product_id, basket_id, occurred_at)`;
        }
        const result: WrittenHistory = {
          customers: newCustomers,
          orders: created.length,
          purchases: items.map((item) => {
            const order = byId.get(item.orderId)!;
            return { id: item.purchaseId, shopperId: order.shopperId, productId: item.productId, orderId: item.orderId, quantity: item.quantity, at: order.at };
          }),
        };
        await appendToOutbox(tx, 'shoppers', eventsOf(result));
        return result;
      },
      { maxWait: 15_000, timeout: 120_000 },
    );
    if (written.purchases.length > 0) notifyOutbox('shoppers');
    return written;
  }
}
