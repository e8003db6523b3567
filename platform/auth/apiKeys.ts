import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PrismaClient } from '../database/database';
import { forbidden, unauthenticated } from '../errors';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/pubsub';
import { grants, rolesGranting, type Permission, type Role } from './roles';

export type { Role } from './roles';

export interface ApiKeyPrincipal {
  keyId: string;
  name: string;
  roles: string[];
}

export interface ApiKeyListing {
  id: string;
  name: string;
  prefix: string;
  roles: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KEY_PREFIX = 'sck_';
/** Services drop every cached key when a message arrives here (Redis: every replica at once). */
export const API_KEY_REVOKED_CHANNEL = 'apikeys:revoked';

/**
 * Tells every service that caches keys to forget them: in one process its own
 * pub/sub reaches its services; with Redis, every replica hears it.
 */
export async function announceRevocation(pubsub: PubSub): Promise<void> {
  await pubsub.publish(API_KEY_REVOKED_CHANNEL, { at: new Date().toISOString() });
}

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

function newKey(): string {
  return `${KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

/** Creates a key; the returned secret is shown once and exists nowhere else afterwards. */
export async function createApiKey(prisma: PrismaClient, name: string, roles: Role[]): Promise<{ id: string; key: string }> {
  const key = newKey();
  const row = await prisma.apiKey.create({
    data: { name, roles, prefix: key.slice(0, 12), keyHash: hashApiKey(key) },
  });
  return { id: row.id, key };
}

export function listApiKeys(prisma: PrismaClient): Promise<ApiKeyListing[]> {
  return prisma.apiKey.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, prefix: true, roles: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes a live key by id; false when there is no such live key. */
export async function revokeApiKey(prisma: PrismaClient, id: string): Promise<boolean> {
  const { count } = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

/**
 * Replaces a live key by a new one with the same name and roles, in one
 * transaction: the old key stops working as the new one starts.
 */
export async function rotateApiKey(prisma: PrismaClient, id: string): Promise<{ id: string; key: string } | null> {
  return prisma.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({ where: { id, revokedAt: null } });
    if (!old) return null;
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    const key = newKey();
    const row = await tx.apiKey.create({ data: { name: old.name, roles: old.roles, prefix: key.slice(0, 12), keyHash: hashApiKey(key) } });
    return { id: row.id, key };
  });
}

/** Looks up the key sent in `x-api-key`; null when absent, unknown or revoked. */
export async function verifyApiKey(prisma: PrismaClient, key: string | undefined): Promise<ApiKeyPrincipal | null> {
  if (!key || !key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, name: row.name, roles: row.roles };
}

/**
 * A service's key checks: verified keys are remembered for `cacheMs` (the
 * longest a revocation takes to bite on a replica that missed the pub/sub
 * message), and last-used times are written in one batch every
 * `usageFlushMs` instead of on every request.
 */
export class ApiKeyVerifier {
  private readonly cache: LRUCache<string, { principal: ApiKeyPrincipal | null }> | undefined;
  private readonly used = new Map<string, Date>();
  private readonly timer: NodeJS.Timeout;
  private unsubscribe: Promise<(() => Promise<void>) | undefined>;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    options: { cacheMs: number; usageFlushMs: number; pubsub?: PubSub },
  ) {
    this.cache = options.cacheMs > 0 ? new LRUCache({ max: 10_000, ttl: options.cacheMs }) : undefined;
    this.timer = setInterval(() => void this.flush(), options.usageFlushMs);
    this.timer.unref();
    this.unsubscribe = options.pubsub
      ? options.pubsub.subscribe(API_KEY_REVOKED_CHANNEL, () => this.cache?.clear()).catch((error: unknown) => {
          logger.warn({ err: error }, 'API key revocations not subscribed; cached keys expire on their own');
          return undefined;
        })
      : Promise.resolve(undefined);
  }

  async verify(key: string | undefined): Promise<ApiKeyPrincipal | null> {
    if (!key) return null;
    const hash = hashApiKey(key);
    let entry = this.cache?.get(hash);
    if (!entry) {
      entry = { principal: await verifyApiKey(this.prisma, key) };
      this.cache?.set(hash, entry);
    }
    if (entry.principal) this.used.set(entry.principal.keyId, new Date());
    return entry.principal;
  }

  /** Writes the pending last-used times (also on a timer and at close). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.used.size === 0) return;
      const batch = [...this.used];
      this.used.clear();
      try {
        for (const [id, at] of batch) {
          await this.prisma.apiKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] }, data: { lastUsedAt: at } });
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'API key last-used times not recorded');
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await (await this.unsubscribe)?.();
    await this.flush();
  }
}

/**
 * Guards a privileged operation: UNAUTHENTICATED without a valid key,
 * FORBIDDEN with a key whose roles do not grant the permission. Call it
 * before touching anything.
 */
export function requirePermission(principal: ApiKeyPrincipal | null, permission: Permission): ApiKeyPrincipal {
  if (!principal) throw unauthenticated('This operation needs a valid API key in the x-api-key header', 'API_KEY_MISSING');
  if (!grants(principal.roles, permission)) {
    const roles = rolesGranting(permission);
    throw forbidden(`This operation needs a key with the ${roles.join(' or ')} role`, { permission, requiredRoles: roles });
  }
  return principal;
}
