import { announceRevocation, createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../platform/auth/apiKeys';
import { isRole, ROLES, type Role } from '../platform/auth/roles';
import { CommandError, defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';

// `npm run apikey -- list | create <name> <role…> | rotate <id> | revoke <id>`.
// Keys are stored hashed: a new key's secret is printed once, here. Beside a
// running embedded API the command runs inside it, so a revoked or rotated key
// stops working on the next request there too.

const USAGE = `usage: npm run apikey -- list
       npm run apikey -- create <name> <role…>   (roles: ${ROLES.join(', ')})
       npm run apikey -- rotate <id>             (a new secret, same name and roles; the old one stops working)
       npm run apikey -- revoke <id>`;

type ApiKeyArgs =
  | { action: 'list' }
  | { action: 'create'; name: string; roles: Role[] }
  | { action: 'rotate' | 'revoke'; id: string };

interface ListedKey {
  id: string;
  prefix: string;
  name: string;
  roles: string[];
  revokedAt: string | null;
  lastUsedAt: string | null;
}

type ApiKeyResult =
  | { action: 'list'; keys: ListedKey[] }
  | { action: 'create' | 'rotate'; id: string; key: string; label: string }
  | { action: 'revoke'; id: string; immediate: boolean; cacheSeconds: number };

export const apikeyCommand = defineCommand<ApiKeyArgs, ApiKeyResult>({
  name: 'apikey',
  parse(argv) {
    const [action, ...rest] = argv;
    if (action === 'list' && rest.length === 0) return { action };
    if (action === 'create' && rest.length >= 2 && rest.slice(1).every(isRole)) {
      return { action, name: rest[0]!, roles: rest.slice(1) as Role[] };
    }
    if ((action === 'rotate' || action === 'revoke') && rest.length === 1) return { action, id: rest[0]! };
    throw new UsageError(USAGE);
  },
  async run({ infra, where }, args) {
    const db = openDatabase(infra.database);
    try {
      switch (args.action) {
        case 'list': {
          const keys = await listApiKeys(db.prisma);
          return {
            action: 'list',
            keys: keys.map((k) => ({
              id: k.id,
              prefix: k.prefix,
              name: k.name,
              roles: k.roles,
              revokedAt: k.revokedAt?.toISOString() ?? null,
              lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
            })),
          };
        }
        case 'create': {
          const { id, key } = await createApiKey(db.prisma, args.name, args.roles);
          return { action: 'create', id, key, label: `Created (${args.name}: ${args.roles.join(', ')})` };
        }
        case 'rotate': {
          const rotated = await rotateApiKey(db.prisma, args.id);
          if (!rotated) throw new CommandError(`no live API key with id ${args.id}`);
          await announceRevocation(infra.pubsub);
          return { action: 'rotate', id: rotated.id, key: rotated.key, label: `Rotated ${args.id} into` };
        }
        case 'revoke': {
          if (!(await revokeApiKey(db.prisma, args.id))) throw new CommandError(`no live API key with id ${args.id}`);
          await announceRevocation(infra.pubsub);
          // Heard at once inside the API, or by every replica through Redis; otherwise caches expire.
          const immediate = where === 'api' || Boolean(infra.config.redis);
          return { action: 'revoke', id: args.id, immediate, cacheSeconds: infra.config.apiKeys.cacheMs / 1000 };
        }
      }
    } finally {
      await db.close();
    }
  },
  report(result, out) {
    if (result.action === 'list') {
      if (result.keys.length === 0) out.write('No API keys.\n');
      for (const k of result.keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'live';
        out.write(`${k.id}  ${k.prefix}…  ${k.name}  [${k.roles.join(', ')}]  ${state}  last used ${k.lastUsedAt ?? 'never'}\n`);
      }
    } else if (result.action === 'revoke') {
      out.write(`Revoked API key ${result.id}. Services refuse it ${result.immediate ? 'now' : `within ${result.cacheSeconds} s`}.\n`);
    } else {
      out.write(`${result.label} API key ${result.id}.\nSend it as the x-api-key header. It is shown only now:\n${result.key}\n`);
    }
    return 0;
  },
});

if (require.main === module) runCli(apikeyCommand);
