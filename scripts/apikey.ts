import { loadConfigOrExit } from '../platform/config';
import { API_KEY_REVOKED_CHANNEL, createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from '../platform/auth/apiKeys';
import { isRole, ROLES, type Role } from '../platform/auth/roles';
import { createDatabaseDriver, openDatabase, type PrismaClient } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { createMessaging } from '../platform/infrastructure';

// `npm run apikey -- list | create <name> <role…> | rotate <id> | revoke <id>`.
// Keys are stored hashed: a new key's secret is printed once, here.

const USAGE = `usage: npm run apikey -- list
       npm run apikey -- create <name> <role…>   (roles: ${ROLES.join(', ')})
       npm run apikey -- rotate <id>             (a new secret, same name and roles; the old one stops working)
       npm run apikey -- revoke <id>
`;

function usage(): never {
  process.stderr.write(USAGE);
  process.exit(2);
}

const printKey = (verb: string, id: string, key: string) =>
  process.stdout.write(`${verb} API key ${id}.\nSend it as the x-api-key header. It is shown only now:\n${key}\n`);

/** Tells every running service (through Redis) to forget the keys it cached; without Redis they expire on their own. */
async function announceRevocation(config: ReturnType<typeof loadConfigOrExit>): Promise<void> {
  if (!config.redis) return;
  const messaging = await createMessaging(config);
  try {
    await messaging.pubsub.publish(API_KEY_REVOKED_CHANNEL, { at: new Date().toISOString() });
  } finally {
    await messaging.close();
  }
}

export async function runApiKeyCommand(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === 'create' && (!rest[0] || rest.length < 2 || rest.slice(1).some((r) => !isRole(r)))) usage();
  if ((command === 'rotate' || command === 'revoke') && rest.length !== 1) usage();
  if (!['list', 'create', 'rotate', 'revoke'].includes(command ?? '')) usage();

  const config = loadConfigOrExit();
  const driver = await createDatabaseDriver(config.database);
  const db = openDatabase(driver);
  const prisma: PrismaClient = db.prisma;
  try {
    if (config.migrateOnStart) await migrate(driver);
    if (command === 'list') {
      const keys = await listApiKeys(prisma);
      if (keys.length === 0) process.stdout.write('No API keys.\n');
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live';
        const used = k.lastUsedAt ? k.lastUsedAt.toISOString() : 'never';
        process.stdout.write(`${k.id}  ${k.prefix}…  ${k.name}  [${k.roles.join(', ')}]  ${state}  last used ${used}\n`);
      }
    } else if (command === 'create') {
      const [name, ...roles] = rest as [string, ...string[]];
      const { id, key } = await createApiKey(prisma, name, roles as Role[]);
      printKey(`Created (${name}: ${roles.join(', ')})`, id, key);
    } else if (command === 'rotate') {
      const rotated = await rotateApiKey(prisma, rest[0]!);
      if (!rotated) throw new Error(`no live API key with id ${rest[0]}`);
      await announceRevocation(config);
      printKey(`Rotated ${rest[0]} into`, rotated.id, rotated.key);
    } else {
      if (!(await revokeApiKey(prisma, rest[0]!))) throw new Error(`no live API key with id ${rest[0]}`);
      await announceRevocation(config);
      const seconds = config.apiKeys.cacheMs / 1000;
      process.stdout.write(`Revoked API key ${rest[0]}. Services refuse it ${config.redis ? 'now' : `within ${seconds} s`}.\n`);
    }
  } finally {
    await db.close();
    await driver.close();
  }
}

if (require.main === module) {
  runApiKeyCommand(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`apikey: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
