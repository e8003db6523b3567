import type { PrismaClient } from '../database/database';
import { conflict, notFound } from '../errors';
import type { PubSub } from '../pubsub/pubsub';
import { parseInput, rules, z } from '../validation';
import { announceRevocation, createApiKey, listApiKeys, revokeApiKey, type ApiKeyListing, type ApiKeyPrincipal } from './apiKeys';
import { isRole, ROLES, type Role } from './roles';

const createInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(120, 'must be at most 120 characters')
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters'),
  roles: z
    .array(
      z.string().superRefine((role, ctx) => {
        if (!isRole(role)) ctx.addIssue({ code: 'custom', message: `unknown role ${JSON.stringify(role)} (roles: ${ROLES.join(', ')})` });
      }),
    )
    .min(1, `must name at least one role (${ROLES.join(', ')})`)
    .transform((roles) => [...new Set(roles)] as Role[]),
});

/**
 * API keys managed over the API (createApiKey, apiKeys, revokeApiKey): the
 * same storage as `npm run apikey`, with the input checked and revocations
 * announced to every service's key cache.
 */
export class ApiKeyAdmin {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pubsub: PubSub,
  ) {}

  /** BAD_USER_INPUT naming `input.name` or `input.roles.<i>` for bad input; the secret is returned once. */
  async create(input: unknown): Promise<{ apiKey: ApiKeyListing; secret: string }> {
    const { name, roles } = parseInput(createInput, input);
    const { id, key } = await createApiKey(this.prisma, name, roles);
    return { apiKey: await this.byId(id), secret: key };
  }

  list(): Promise<ApiKeyListing[]> {
    return listApiKeys(this.prisma);
  }

  /** NOT_FOUND unless a live key has this id; CONFLICT for the caller's own key (it would lock the caller out mid-session). */
  async revoke(rawId: unknown, caller: ApiKeyPrincipal): Promise<ApiKeyListing> {
    const id = parseInput(rules.uuid, rawId, 'id');
    if (id === caller.keyId) throw conflict('An API key cannot revoke itself: revoke it with another admin key or `npm run apikey -- revoke`');
    if (!(await revokeApiKey(this.prisma, id))) throw notFound('Live API key', id);
    await announceRevocation(this.pubsub);
    return this.byId(id);
  }

  async byId(id: string): Promise<ApiKeyListing> {
    const row = await this.prisma.apiKey.findUnique({
      where: { id },
      select: { id: true, name: true, prefix: true, roles: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    if (!row) throw notFound('API key', id);
    return row;
  }
}
