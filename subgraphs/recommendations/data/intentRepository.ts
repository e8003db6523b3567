import crypto from 'node:crypto';
import type { PrismaClient } from '../../../platform/database/database';
import type { EventBus } from '../../../platform/events/eventBus';
import { publishEvent } from '../../../platform/events/publish';
import type { Logger } from '../../../platform/logger';
import type { Intent } from '../intent/intent';

/** What recs.interaction.query holds at most: longer text is cut there. */
const MAX_QUERY = 200;

/**
 * A shopper's free-text requests. `recommend` is a query and writes nothing
 * in its request path: each request is announced as a SEARCH interaction on
 * the interactions stream, and the history is read back from the engine's
 * own copy of that stream (recs.interaction), stored off the request path by
 * the persistence consumer.
 */
export class IntentRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  /**
   * Best effort, never awaited by the query: the answer must not wait for or
   * fail with the bus. This subgraph keeps no outbox, so a request made while
   * the bus is down is missing from the shopper's history (logged).
   */
  record(shopperId: string, intent: Intent): void {
    const eventId = crypto.randomUUID();
    const occurredAt = new Date().toISOString();
    publishEvent(this.bus, 'interactions', 'interaction', {
      eventId,
      shopperId,
      type: 'SEARCH',
      productId: null,
      query: intent.text.slice(0, MAX_QUERY),
      recommendationId: null,
      basketId: null,
      quantity: null,
      occurredAt,
    }, { eventId, occurredAt }).catch((error: unknown) => this.logger.warn({ err: error }, 'search intent not published; left out of the shopper history'));
  }

  /** The texts of the shopper's most recent searches, newest first. */
  async recentTexts(shopperId: string, first: number): Promise<string[]> {
    const rows = await this.prisma.interaction.findMany({
      where: { shopperId, type: 'SEARCH', query: { not: null } },
      orderBy: [{ occurredAt: 'desc' }, { eventId: 'desc' }],
      take: first,
      select: { query: true },
    });
    return rows.map((row) => row.query!);
  }
}
