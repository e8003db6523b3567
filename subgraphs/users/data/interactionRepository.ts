import type { PrismaClient } from '../../../platform/database/database';
import type { InteractionEvent, Prisma } from '../../../prisma/generated/client/client';
import type { Keyset } from '../domain/page';

export type { InteractionEvent };

export class InteractionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** All or nothing: one statement. */
  async insert(rows: Prisma.InteractionEventCreateManyInput[]): Promise<void> {
    await this.prisma.interactionEvent.createMany({ data: rows });
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
