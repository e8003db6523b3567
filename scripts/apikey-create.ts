import { loadConfigOrExit } from '../platform/config';
import { createApiKey, type Role } from '../platform/auth/apiKeys';
import { createDatabaseDriver, openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';

// `npm run apikey:create -- <name> [role…]`: prints a new API key once.
const ROLES: Role[] = ['admin'];

async function main(): Promise<void> {
  const [name, ...roles] = process.argv.slice(2);
  if (!name || roles.length === 0 || roles.some((r) => !ROLES.includes(r as Role))) {
    process.stderr.write(`usage: npm run apikey:create -- <name> <role…>   (roles: ${ROLES.join(', ')})\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const driver = await createDatabaseDriver(config.database);
  const db = openDatabase(driver);
  try {
    if (config.migrateOnStart) await migrate(driver);
    const { id, key } = await createApiKey(db.prisma, name, roles as Role[]);
    process.stdout.write(`Created API key ${id} (${name}: ${roles.join(', ')}).\nSend it as the x-api-key header. It is shown only now:\n${key}\n`);
  } finally {
    await db.close();
    await driver.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not create the key: ${(error as Error).message}\n`);
  process.exit(1);
});
