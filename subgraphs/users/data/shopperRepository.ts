import type { PrismaClient } from '../../../platform/database/database';
import type { Prisma, Shopper } from '../../../prisma/generated/client/client';
import type { SessionRepository } from './sessionRepository';

export type { Shopper };

export class ShopperRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sessions: SessionRepository,
  ) {}

  findByIds(ids: string[]): Promise<Shopper[]> {
    return this.prisma.shopper.findMany({ where: { id: { in: ids } } });
  }

  /** A new anonymous shopper and its first token, which exists nowhere else once returned. */
  async startSession(): Promise<{ token: string; shopper: Shopper }> {
    return this.prisma.$transaction(async (tx) => {
      const shopper = await tx.shopper.create({ data: {} });
      const token = await this.sessions.issue(shopper.id, tx);
      return { token, shopper };
    });
  }

  /** The known shopper of an identity, created on its first sign-in. */
  async findOrCreateKnown(identity: { issuer: string; subject: string }): Promise<Shopper> {
    const key = { identityIssuer: identity.issuer, identitySubject: identity.subject };
    await this.prisma.shopper.createMany({ data: [key], skipDuplicates: true });
    return this.prisma.shopper.findUniqueOrThrow({ where: { identityIssuer_identitySubject: key } });
  }

  updatePreferences(shopperId: string, data: Prisma.ShopperUpdateInput): Promise<Shopper> {
    return this.prisma.shopper.update({ where: { id: shopperId }, data });
  }
}
