import { loadConfigOrExit } from '../platform/config';
import { createLogger } from '../platform/logger';
import { runUntilSignalled } from '../platform/http/runUntilSignalled';
import { createMessaging } from '../platform/infrastructure';
import { startTracing, stopTracing } from '../platform/observability/tracing';
import { preparePlayground } from './preparePlayground';
import { ensureClientBuilt } from '../scripts/clientBuild';
import { buildGateway } from './server';

// The gateway keeps no data: it needs the supergraph, the subgraphs' URLs and,
// for subscriptions, the bus (cart events) and pub/sub (fan-out to every replica).
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'gateway');
  startTracing(config.observability.tracing, { instanceId: config.instanceId });
  try {
    // Built in the background when missing or stale: the gateway does not wait for it.
    void preparePlayground(config, logger);
    if (config.gateway.storefront.enabled) {
      const build = await ensureClientBuilt(config.gateway.storefront.dir);
      if (build.built) logger.info({ millis: build.millis, dir: build.dir }, 'storefront built');
    }
    const messaging = await createMessaging(config, logger);
    const gateway = buildGateway({ config, logger, pubsub: messaging.pubsub, events: messaging.events, redis: messaging.redis });
    const url = await gateway.service.listen(config.ports.gateway, config.host);
    logger.info({ url, subgraphs: gateway.subgraphs }, 'gateway ready');
    runUntilSignalled(
      async () => {
        await gateway.close();
        await messaging.close();
        await stopTracing();
      },
      logger,
      config.shutdownGraceMs,
    );
  } catch (error) {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
