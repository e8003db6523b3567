import type { PrismaClient } from '../../../platform/database/database';
import type { Prisma, Shopper } from '../../../prisma/generated/client/client';
import { hashSessionToken, newSessionToken } from './sessionToken';

export type { Shopper };

export class ShopperRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: string[]): Promise<Shopper[]> {
    return this.prisma.shopper.findMany({ where: { id: { in: ids } } });
  }

  findByToken(token: string): Promise<Shopper | null> {
    return this.prisma.shopper.findUnique({ where: { tokenHash: hashSessionToken(token) } });
  }

  /** Returns the new shopper and the token, which exists nowhere else once returned. */
  async startSession(): Promise<{ token: string; shopper: Shopper }> {
    const token = newSessionToken();
    const shopper = await this.prisma.shopper.create({ data: { tokenHash: hashSessionToken(token) } });
    return { token, shopper };
  }

  updatePreferences(shopperId: string, data: Prisma.ShopperUpdateInput): Promise<Shopper> {
    return this.prisma.shopper.update({ where: { id: shopperId }, data });
  }
}
