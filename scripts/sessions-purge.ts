import { loadConfigOrExit } from '../platform/config';
import { createDatabaseDriver, openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { SessionRepository } from '../subgraphs/users/data/sessionRepository';

// `npm run sessions:purge`: the users subgraph's scheduled purge of abandoned
// anonymous shoppers, run once now (ANONYMOUS_RETENTION_DAYS applies).
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const driver = await createDatabaseDriver(config.database);
  const db = openDatabase(driver);
  try {
    if (config.migrateOnStart) await migrate(driver);
    const purged = await new SessionRepository(db.prisma, config.sessions).purgeAnonymous(config.sessions.anonymousRetentionMs);
    const days = config.sessions.anonymousRetentionMs / 86_400_000;
    process.stdout.write(`Purged ${purged} anonymous shopper(s) not seen for ${days} day(s), with their carts and sessions.\n`);
  } finally {
    await db.close();
    await driver.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not purge: ${(error as Error).message}\n`);
  process.exit(1);
});
