import { startAdminEndpoint } from '../platform/commands/adminEndpoint';
import { loadConfigOrExit } from '../platform/config';
import { DataDirInUseError } from '../platform/embedded/dataDirLock';
import { migrate } from '../platform/database/migrate';
import { runUntilSignalled } from '../platform/http/runUntilSignalled';
import { createInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/logger';
import { startTracing, stopTracing } from '../platform/observability/tracing';
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_CONSOLE_DIR } from '../gateway/adminConsole';
import { buildGateway } from '../gateway/server';
import { preparePlayground } from '../gateway/preparePlayground';
import { subgraphs } from '../subgraphs';
import { commands } from './commands';
import { ensureClientBuilt } from './clientBuild';
import { seedDemoDataIfEmpty, settleDemoRecommender } from './demoData';

// `npm start`: the gateway and every subgraph in one process, sharing one
// infrastructure (embedded PostgreSQL and in-process bus unless configured).
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  startTracing(config.observability.tracing, { instanceId: config.instanceId });
  let infra: Awaited<ReturnType<typeof createInfrastructure>>;
  try {
    infra = await createInfrastructure(config, logger);
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(
      `${error.message}.\nOnly one process may open an embedded database. Stop that one first, or give this one its own directory with DATA_DIR.\n`,
    );
    process.exit(1);
  }
  const started: { close(): Promise<void> }[] = [];
  const shutdown = async () => {
    for (const service of started.reverse()) await service.close();
    await infra.close();
    await stopTracing();
  };
  // Built in the background when missing or stale (a fresh clone): the API does not wait for it.
  void preparePlayground(config, logger);
  // Built beside the migrations and the seeding; awaited before the gateway listens.
  const storefront = config.gateway.storefront.enabled ? ensureClientBuilt(config.gateway.storefront.dir) : undefined;
  storefront?.catch(() => undefined);
  try {
    if (config.migrateOnStart) {
      const applied = await migrate(infra.database);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    }
    let seeded = { products: 0, shoppers: 0, orders: 0, events: 0 };
    if (config.seedDemoData) {
      const started = Date.now();
      seeded = await seedDemoDataIfEmpty(infra);
      if (seeded.products > 0) logger.info({ products: seeded.products }, 'demo catalog seeded');
      if (seeded.orders > 0) logger.info({ shoppers: seeded.shoppers, orders: seeded.orders, purchases: seeded.events, millis: Date.now() - started }, 'demo shoppers seeded');
    }
    const subgraphUrls: Record<string, string> = {};
    const services: Record<string, unknown> = {};
    for (const definition of subgraphs) {
      // A subgraph calls its peers where this process started them, not at a configured address.
      const built = await definition.build(infra, { ...subgraphUrls });
      started.push(built);
      services[definition.name] = built;
      subgraphUrls[definition.name] = await built.service.listen(config.ports[definition.name], config.host);
    }
    if (config.gateway.adminConsole && !fs.existsSync(path.join(ADMIN_CONSOLE_DIR, 'index.html'))) {
      // A checkout's first start builds the console (esbuild, a development dependency:
      // loaded only here; an image has it built already).
      const { buildAdminConsole } = await import('./build-admin.js');
      const { scriptBytes } = await buildAdminConsole();
      logger.info({ dir: ADMIN_CONSOLE_DIR, scriptBytes }, 'admin console built (npm run build:admin)');
    }
    // The committed supergraph, pointed at the subgraphs this process just started.
    const gateway = buildGateway({
      config: { ...config, gateway: { ...config.gateway, supergraphSource: 'file', subgraphUrls: { ...subgraphUrls, ...config.gateway.subgraphUrls } } },
      logger,
      pubsub: infra.pubsub,
      events: infra.events,
    });
    started.push(gateway);
    if (seeded.events > 0) {
      // Served from the first request by a model fitted on the demo history.
      const started = Date.now();
      await settleDemoRecommender(services);
      logger.info({ millis: Date.now() - started }, 'recommender trained on the demo history');
    }
    if (storefront) {
      const build = await storefront;
      if (build.built) logger.info({ millis: build.millis, dir: build.dir }, 'storefront built');
    }
    const url = await gateway.service.listen(config.ports.gateway, config.host);
    if (config.database.kind === 'pglite') {
      // This process holds the embedded database: CLI commands hand their work to it (docs/events.md).
      started.push(await startAdminEndpoint({ dataDir: config.database.dataDir, commands, infra, services, logger }));
    }
    logger.info({ subgraphs: subgraphUrls, database: config.database.kind === 'pglite' ? config.database.dataDir : 'postgresql' }, 'all services up');
    const shop = config.gateway.storefront.enabled ? `The storefront: ${new URL('/', url).toString()}\n` : '';
    const adminUrl = config.gateway.adminConsole ? `Admin console: ${new URL('/admin/', url).toString()} (sign in with an API key: npm run apikey -- create <name> admin)\n` : '';
    process.stdout.write(`\nSmartCart is running: ${url}\n${shop}${adminUrl}(open the API's URL in a browser for the playground; Ctrl-C stops)\n\n`);
    runUntilSignalled(shutdown, logger, config.shutdownGraceMs);
  } catch (error) {
    logger.fatal({ err: error }, 'start failed');
    await shutdown().catch(() => undefined);
    process.exit(1);
  }
}

void main();
