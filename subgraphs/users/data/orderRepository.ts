import type { PrismaClient } from '../../../platform/database/database';
import type { Order, OrderItem } from '../../../prisma/generated/client/client';
import type { Keyset } from '../domain/page';

export type OrderWithItems = Order & { items: OrderItem[] };

export class OrderRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Null as well when the order belongs to someone else: the caller cannot tell the two apart. */
  findForShopper(shopperId: string, id: string): Promise<OrderWithItems | null> {
    return this.prisma.order.findFirst({ where: { id, shopperId }, include: { items: true } });
  }

  /** Newest first, `take` rows after the keyset. */
  listForShopper(shopperId: string, take: number, after: Keyset | undefined): Promise<OrderWithItems[]> {
    return this.prisma.order.findMany({
      where: {
        shopperId,
        ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include: { items: true },
    });
  }
}
