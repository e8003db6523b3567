import crypto from 'node:crypto';
import type { PrismaClient } from '../database/database';
import { forbidden, unauthenticated } from '../errors';

export type Role = 'admin';

export interface ApiKeyPrincipal {
  keyId: string;
  name: string;
  roles: string[];
}

const KEY_PREFIX = 'sck_';

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

/** Creates a key; the returned secret is shown once and exists nowhere else afterwards. */
export async function createApiKey(prisma: PrismaClient, name: string, roles: Role[]): Promise<{ id: string; key: string }> {
  const key = `${KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
  const row = await prisma.apiKey.create({
    data: { name, roles, prefix: key.slice(0, 12), keyHash: hashApiKey(key) },
  });
  return { id: row.id, key };
}

/** Looks up the key sent in `x-api-key`; null when absent, unknown or revoked. */
export async function verifyApiKey(prisma: PrismaClient, key: string | undefined): Promise<ApiKeyPrincipal | null> {
  if (!key || !key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, name: row.name, roles: row.roles };
}

/**
 * Guards a privileged operation: UNAUTHENTICATED without a valid key,
 * FORBIDDEN with a key that lacks the role. Call it before touching anything.
 */
export function requireRole(principal: ApiKeyPrincipal | null, role: Role): ApiKeyPrincipal {
  if (!principal) throw unauthenticated('This operation needs a valid API key in the x-api-key header');
  if (!principal.roles.includes(role)) throw forbidden(`This operation needs the ${role} role`);
  return principal;
}
