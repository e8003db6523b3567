import type { PrismaClient } from '../../../platform/database/database';
import type { Prisma, Shopper } from '../../../prisma/generated/client/client';
import { needsRefresh, refusalOf, type SessionPolicy, type SessionRefusal } from '../domain/sessionPolicy';
import { hashSessionToken, newSessionToken } from './sessionToken';

export type SessionLookup = { shopper: Shopper; refusal?: undefined } | { shopper?: undefined; refusal: SessionRefusal };

type Client = PrismaClient | Prisma.TransactionClient;

/** Session tokens: issued, looked up (with a throttled idle refresh), ended, purged. */
export class SessionRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new token for a shopper; only its hash is kept. */
  async issue(shopperId: string, client: Client = this.prisma): Promise<string> {
    const token = newSessionToken();
    await client.session.create({ data: { tokenHash: hashSessionToken(token), shopperId } });
    return token;
  }

  /** The token's shopper, or why the token is refused. At most one write per tenth of the idle window. */
  async lookup(token: string): Promise<SessionLookup> {
    const tokenHash = hashSessionToken(token);
    const session = await this.prisma.session.findUnique({ where: { tokenHash }, include: { shopper: true } });
    const now = this.now();
    const refusal = refusalOf(session, now, this.policy);
    if (refusal || !session) return { refusal: refusal ?? 'SESSION_UNKNOWN' };
    if (needsRefresh(session, now, this.policy)) {
      // Guarded by the old value: concurrent requests write once between them.
      await this.prisma.$transaction([
        this.prisma.session.updateMany({ where: { tokenHash, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } }),
        this.prisma.shopper.updateMany({ where: { id: session.shopperId, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } }),
      ]);
    }
    return { shopper: session.shopper };
  }

  /** The token's session row and why it would be refused (null when live), without refreshing anything. */
  async inspect(token: string, client: Client = this.prisma): Promise<{ shopperId: string; refusal: SessionRefusal | null } | null> {
    const session = await client.session.findUnique({ where: { tokenHash: hashSessionToken(token) } });
    return session ? { shopperId: session.shopperId, refusal: refusalOf(session, this.now(), this.policy) } : null;
  }

  /** Ends a token for good; false when it was not live. */
  async end(token: string, reason: 'ENDED' | 'SIGNED_IN', client: Client = this.prisma): Promise<boolean> {
    const { count } = await client.session.updateMany({
      where: { tokenHash: hashSessionToken(token), endedAt: null },
      data: { endedAt: this.now(), endReason: reason },
    });
    return count > 0;
  }

  /**
   * Deletes anonymous shoppers (never signed in, not imported) last seen
   * before the retention, with their carts, sessions and interactions
   * (cascade). Shoppers with orders are kept: orders are records of sales.
   * Merged anonymous shoppers are empty husks and go after the same time.
   * In batches, so a large backlog never holds one long transaction.
   */
  async purgeAnonymous(retentionMs: number, batchSize = 500): Promise<number> {
    const cutoff = new Date(this.now().getTime() - retentionMs);
    let purged = 0;
    for (;;) {
      const stale = await this.prisma.shopper.findMany({
        where: { identitySubject: null, synthetic: false, lastSeenAt: { lt: cutoff }, orders: { none: {} } },
        select: { id: true },
        take: batchSize,
      });
      if (stale.length === 0) return purged;
      const { count } = await this.prisma.shopper.deleteMany({
        where: { id: { in: stale.map((s) => s.id) }, lastSeenAt: { lt: cutoff }, orders: { none: {} } },
      });
      purged += count;
      if (stale.length < batchSize) return purged;
    }
  }

  /**
   * Deletes idempotency records older than their lifetime (IDEMPOTENCY_KEY_RETENTION_HOURS):
   * a retry after that is a new request. Returns how many went.
   */
  async purgeIdempotencyRecords(retentionMs: number): Promise<number> {
    const cutoff = new Date(this.now().getTime() - retentionMs);
    const { count } = await this.prisma.idempotencyRecord.deleteMany({ where: { createdAt: { lt: cutoff } } });
    return count;
  }
}
