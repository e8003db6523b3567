import { loadConfigOrExit } from '../platform/config';
import { createDatabaseDriver } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';

// `npm run db:migrate`: applies the committed migrations to the configured database.
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const driver = await createDatabaseDriver(config.database);
  try {
    const applied = await migrate(driver);
    process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
