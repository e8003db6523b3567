import { loadConfigOrExit } from '../platform/config';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { seedDemoDataIfEmpty } from './demoData';

// `npm run db:seed`: the demo catalog, only into an empty catalog.
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const infra = await createInfrastructure(config, createLogger(config.logLevel));
  try {
    const seeded = await seedDemoDataIfEmpty(infra);
    process.stdout.write(seeded > 0 ? `Seeded ${seeded} demo products.\n` : 'Catalog not empty; nothing seeded.\n');
  } finally {
    await infra.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${(error as Error).message}\n`);
  process.exit(1);
});
