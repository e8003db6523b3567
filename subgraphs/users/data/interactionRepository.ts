import type { PrismaClient } from '../../../platform/database/database';
import type { OutboxEvent } from '../../../platform/events/outbox/outboxEvent';
import { withOutbox } from '../../../platform/events/outbox/withOutbox';
import type { InteractionEvent, Prisma } from '../../../prisma/generated/client/client';
import type { Keyset } from '../domain/page';

export type { InteractionEvent };

export class InteractionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** All or nothing: the rows and their events in one transaction. */
  async insert(rows: Prisma.InteractionEventCreateManyInput[], events: OutboxEvent[]): Promise<void> {
    await withOutbox(this.prisma, 'shoppers', async (tx, outbox) => {
      await tx.interactionEvent.createMany({ data: rows });
      outbox.add(...events);
    });
  }

  /** Newest first, `take` rows after the keyset, optionally of one type. */
  listForShopper(shopperId: string, take: number, after: Keyset | undefined, type: string | undefined): Promise<InteractionEvent[]> {
    return this.prisma.interactionEvent.findMany({
      where: {
        shopperId,
        ...(type ? { type } : {}),
        ...(after ? { OR: [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }
}
