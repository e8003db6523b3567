import { loadConfigOrExit } from '../platform/config';
import { openDatabase } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { EngineHost } from '../subgraphs/recommendations/learning/engineHost';

// `npm run recs:train`: recomputes every recommendation model from the stored
// interactions and saves the snapshot that running services load at start.
// (Running services also retrain on their own every RECS_TRAIN_INTERVAL_SECONDS.)
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const infra = await createInfrastructure(config, logger);
  const db = openDatabase(infra.database);
  try {
    if (config.migrateOnStart) await migrate(infra.database);
    const host = new EngineHost({ db, events: infra.events, logger, instanceId: config.instanceId, trainIntervalMs: 0 });
    const stats = await host.rebuild();
    process.stdout.write(
      `Rebuilt from ${stats.interactions} interactions over ${stats.products} products in ${(stats.millis / 1000).toFixed(1)} s; snapshot ${(stats.snapshotBytes / 1024).toFixed(0)} KiB saved.\n`,
    );
  } finally {
    await db.close();
    await infra.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Training failed: ${(error as Error).message}\n`);
  process.exit(1);
});
