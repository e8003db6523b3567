import crypto from 'node:crypto';
import type { PrismaClient } from '../../../platform/database/database';
import { notifyOutbox } from '../../../platform/events/outbox/outboxSignal';
import type { InteractionEventPayload, InteractionEvents, StreamEvents } from '../../../platform/events/topics';

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
  /** PURCHASE interactions written (and their outbox events), one per line of a created order. */
  purchases: number;
}

const PURCHASE_STREAM = 'interactions' satisfies keyof StreamEvents;
const PURCHASE_EVENT = 'interaction' satisfies keyof InteractionEvents;

// The outbox payload of a purchase, built by the database from the columns of
// `new_lines` below: every field of the event contract (a unit price is for
// checkouts only, so it is absent, as it always was for imported history).
// Typed so that a field added to the contract does not go unnoticed here.
const PURCHASE_PAYLOAD: Record<Exclude<keyof InteractionEventPayload, 'unitPrice'>, string> = {
  eventId: 'id',
  shopperId: 'shopper_id',
  type: "'PURCHASE'::text",
  productId: 'product_id',
  query: 'NULL::text',
  recommendationId: 'NULL::text',
  basketId: 'order_id',
  quantity: 'quantity',
  // The text the caller gave (Date#toISOString), so the payload reads exactly as an event built in code would.
  occurredAt: 'at',
};
const PAYLOAD_SQL = `jsonb_build_object(${Object.entries(PURCHASE_PAYLOAD).map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`;

// One statement for the orders, their lines, the PURCHASE interactions and
// their outbox events. The lines travel as one tab-separated text (ids,
// numbers and amounts only, never free text), which the database splits far
// faster than it reads five arrays of that length; the rows for lines, events
// and outbox are all derived from that one copy, and only lines of orders this
// statement created are written. Outbox rows are inserted in line order,
// which becomes their `seq` (the relay's publishing order).
const WRITE_ORDERS = `
  WITH o AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::numeric[], $5::text[], $6::text[])
      AS t(id, external_id, shopper_id, total, currency, at)
  ), created AS (
    INSERT INTO "shoppers"."order" (id, external_id, shopper_id, status, subtotal, discount, total, currency, created_at)
    SELECT id, external_id, shopper_id, 'PLACED', total, 0, total, currency, at::timestamptz FROM o
    ON CONFLICT DO NOTHING
    RETURNING id
  ), lines AS (
    SELECT split_part(line, E'\\t', 1)::uuid AS order_id, split_part(line, E'\\t', 2)::uuid AS product_id,
           split_part(line, E'\\t', 3)::int AS quantity, split_part(line, E'\\t', 4)::numeric AS unit_price,
           split_part(line, E'\\t', 5)::uuid AS id, n
    FROM string_to_table($7::text, E'\\n') WITH ORDINALITY AS s(line, n)
  ), new_lines AS MATERIALIZED (
    SELECT lines.*, o.shopper_id, o.at FROM lines JOIN created ON created.id = lines.order_id JOIN o ON o.id = lines.order_id
  ), items AS (
    INSERT INTO "shoppers"."order_item" (order_id, product_id, quantity, unit_price)
    SELECT order_id, product_id, quantity, unit_price FROM new_lines
  ), interactions AS (
    INSERT INTO "shoppers"."interaction_event" (id, shopper_id, type, product_id, basket_id, occurred_at)
    SELECT id, shopper_id, 'PURCHASE', product_id, order_id, at::timestamptz FROM new_lines
  ), outbox AS (
    INSERT INTO "shoppers"."outbox_event" (id, stream, type, aggregate_id, payload, occurred_at)
    SELECT id, $8::text, $9::text, shopper_id::text, ${PAYLOAD_SQL}, at::timestamptz FROM new_lines ORDER BY n
  )
  SELECT (SELECT count(*) FROM created)::int AS orders, (SELECT count(*) FROM new_lines)::int AS purchases`;

/**
 * Bulk writes of imported order histories: a chunk of thousands of lines
 * costs two statements (shoppers, then everything else). Orders already
 * present are skipped with their lines, events and outbox rows.
 */
export class OrderHistoryRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The PURCHASE events of what was written commit with it, in the outbox. */
  async insertNew(chunk: OrderHistoryChunk): Promise<WrittenHistory> {
    const customers = [...chunk.customers];
    // Imported customers have no session: the token hash is of random bytes nobody holds.
    const tokenHashes = customers.map(() => crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'));
    const { orders, items } = chunk;
    const lines = items.map((i) => `${i.orderId}\t${i.productId}\t${i.quantity}\t${i.unitPrice}\t${i.purchaseId}`).join('\n');
    const written = await this.prisma.$transaction(
      async (tx) => {
        const newCustomers = await tx.$executeRaw`
          INSERT INTO "shoppers"."shopper" (id, token_hash, synthetic, external_id, created_at, last_seen_at)
          SELECT id, token_hash, false, external_id, since, since
          FROM unnest(${customers.map(([, c]) => c.shopperId)}::uuid[], ${tokenHashes}::text[],
                      ${customers.map(([id]) => id)}::text[], ${customers.map(([, c]) => c.since)}::timestamptz[])
            AS t(id, token_hash, external_id, since)
          ON CONFLICT DO NOTHING`;
        const [counts] = await tx.$queryRawUnsafe<{ orders: number; purchases: number }[]>(
          WRITE_ORDERS,
          orders.map((o) => o.id),
          orders.map((o) => o.externalId),
          orders.map((o) => o.shopperId),
          orders.map((o) => o.total),
          orders.map((o) => o.currency),
          orders.map((o) => o.at.toISOString()),
          lines,
          PURCHASE_STREAM,
          PURCHASE_EVENT,
        );
        return { customers: newCustomers, orders: counts!.orders, purchases: counts!.purchases };
      },
      { maxWait: 15_000, timeout: 120_000 },
    );
    if (written.purchases > 0) notifyOutbox('shoppers');
    return written;
  }
}
