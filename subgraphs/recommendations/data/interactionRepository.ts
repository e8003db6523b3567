import type { PrismaClient } from '../../../platform/database/database';
import type { InteractionEventPayload, InteractionType } from '../../../platform/events/topics';
import type { Interaction } from '../engine/recommendationEngine';

/** The engine's own log of interactions: what a full rebuild learns from. */
export class InteractionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Stores new events in one statement, however many (the rows travel as one
   * JSON parameter: no per-row placeholders, no per-row round trip); ones
   * already stored (re-deliveries) are skipped. Returns how many were new.
   */
  async append(events: InteractionEventPayload[]): Promise<number> {
    if (events.length === 0) return 0;
    const rows = events.map((e) => ({
      event_id: e.eventId,
      shopper_id: e.shopperId,
      type: e.type,
      product_id: e.productId,
      basket_id: e.basketId,
      recommendation_id: e.recommendationId,
      query: e.query,
      occurred_at: e.occurredAt,
    }));
    return this.prisma.$executeRawUnsafe(
      `INSERT INTO recs.interaction (event_id, shopper_id, type, product_id, basket_id, recommendation_id, query, occurred_at)
       SELECT event_id, shopper_id, type, product_id, basket_id, recommendation_id, query, occurred_at
       FROM json_populate_recordset(NULL::recs.interaction, $1::json)
       ON CONFLICT (event_id) DO NOTHING`,
      JSON.stringify(rows),
    );
  }

  /** Every stored interaction in time order, a page at a time (a rebuild may read millions). */
  async *all(after?: Date, pageSize = 20_000): AsyncGenerator<Interaction[]> {
    let cursor: { occurredAt: Date; eventId: string } | undefined;
    for (;;) {
      const rows = await this.prisma.interaction.findMany({
        where: {
          ...(after ? { occurredAt: { gt: after } } : {}),
          ...(cursor
            ? { OR: [{ occurredAt: { gt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, eventId: { gt: cursor.eventId } }] }
            : {}),
        },
        orderBy: [{ occurredAt: 'asc' }, { eventId: 'asc' }],
        take: pageSize,
        select: { eventId: true, shopperId: true, type: true, productId: true, basketId: true, occurredAt: true },
      });
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        eventId: r.eventId,
        shopperId: r.shopperId,
        type: r.type as InteractionType,
        productId: r.productId,
        basketId: r.basketId,
        occurredAt: r.occurredAt.getTime(),
      }));
      const last = rows[rows.length - 1]!;
      cursor = { occurredAt: last.occurredAt, eventId: last.eventId };
      if (rows.length < pageSize) return;
    }
  }
}
