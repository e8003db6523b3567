import { defineCommand, UsageError } from '../platform/commands/command';
import { runCli } from '../platform/commands/runCli';
import { openDatabase } from '../platform/database/database';
import { EngineHost, type RebuildStats } from '../subgraphs/recommendations/learning/engineHost';

// `npm run recs:train`: recomputes every recommendation model from the stored
// interactions and saves the snapshot that services load at start. Handed to
// a running embedded API, it rebuilds the engine that serves, in place.
// (Running services also retrain on their own every RECS_TRAIN_INTERVAL_SECONDS.)

function runningHost(services: Readonly<Record<string, unknown>>): EngineHost | undefined {
  const recommendations = services.recommendations as { host?: unknown } | undefined;
  return recommendations?.host instanceof EngineHost ? recommendations.host : undefined;
}

export const recsTrainCommand = defineCommand({
  name: 'recs:train',
  parse(argv: string[]): Record<string, never> {
    if (argv.length > 0) throw new UsageError('usage: npm run recs:train');
    return {};
  },
  async run({ infra, services }): Promise<RebuildStats & { live: boolean }> {
    const live = runningHost(services);
    if (live) return { ...(await live.rebuild()), live: true };
    const db = openDatabase(infra.database);
    try {
      const host = new EngineHost({ db, events: infra.events, logger: infra.logger, instanceId: infra.config.instanceId, trainIntervalMs: 0 });
      return { ...(await host.rebuild()), live: false };
    } finally {
      await db.close();
    }
  },
  report(stats, out) {
    out.write(
      `Rebuilt from ${stats.interactions} interactions over ${stats.products} products in ${(stats.millis / 1000).toFixed(1)} s; snapshot ${(stats.snapshotBytes / 1024).toFixed(0)} KiB saved${stats.live ? '; the running recommender serves it now' : ''}.\n`,
    );
    return 0;
  },
});

if (require.main === module) runCli(recsTrainCommand);
